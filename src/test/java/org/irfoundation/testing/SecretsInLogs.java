package org.irfoundation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Records every line the app logs while a test class runs (a Logback appender on the root logger, so each logger's
 * configured level applies; it survives Spring Boot re-configuring Logback when a context starts), and fails the
 * class, listing the lines, if any holds a registered secret. Register it with {@code @RegisterExtension} on a
 * static field; texts that reach people but not the log (exception messages) can be added with {@link #scan}.
 */
public final class SecretsInLogs implements BeforeAllCallback, AfterAllCallback {

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Appender appender = new Appender();
  private final ResetListener listener = new ResetListener();

  public SecretsInLogs(String... secrets) {
    for (String secret : secrets) {
      secret(secret);
    }
  }

  /** A secret no line may hold; for an API token also its part after the {@code irf_} prefix. Returns it. */
  public String secret(String secret) {
    secrets.add(secret);
    if (secret.startsWith("irf_")) {
      secrets.add(secret.substring(4));
    }
    return secret;
  }

  /** A user's password, and the HTTP Basic credentials it travels in. */
  public String password(String user, String password) {
    secret(password);
    secrets.add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return password;
  }

  /** Text that is scanned as if it were logged (an exception's message and stack trace). */
  public void scan(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    lines.add("(thrown) " + text);
  }

  /** The lines recorded so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Logger root = root();
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    root.getLoggerContext().addListener(listener);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Logger root = root();
    root.getLoggerContext().removeListener(listener);
    root.detachAppender(appender);
    appender.stop();
    List<String> leaks = lines().stream().filter(l -> secrets.stream().anyMatch(l::contains)).toList();
    assertThat(leaks).as("log lines with a secret (of %s lines)", lines.size()).isEmpty();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private final class Appender extends AppenderBase<ILoggingEvent> {
    Appender() {
      setName("secrets-in-logs");
    }

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
          .append(' ').append(event.getFormattedMessage());
      if (!event.getMDCPropertyMap().isEmpty()) {
        line.append(' ').append(event.getMDCPropertyMap());
      }
      if (event.getThrowableProxy() != null) {
        line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      lines.add(line.toString());
    }
  }

  /** Logback's reset (Spring Boot configuring it for a new context) removes appenders: put ours back. */
  private final class ResetListener implements LoggerContextListener {
    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onReset(LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
  }
}
