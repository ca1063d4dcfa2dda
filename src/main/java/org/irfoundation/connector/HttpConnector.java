package org.irfoundation.connector;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * One outside system's HTTP client ({@link RestClient} on the JDK HttpClient, connect and read timeouts always
 * set) and the error classification every adapter shares:
 *
 * <ul>
 *   <li>5xx, timeouts, connection refused: {@link ConnectorUnavailableException} (the job retries);</li>
 *   <li>429: waits out a short {@code Retry-After} and tries again (at most twice), else
 *       {@link ConnectorRateLimitedException} with the time to retry at;</li>
 *   <li>other 4xx: {@link ConnectorConfigurationException} with the adapter's advice on what to fix.</li>
 * </ul>
 */
public final class HttpConnector {

  /** What an adapter says about a rejected request: what to fix, given the status and the answer's body. */
  @FunctionalInterface
  public interface RejectionAdvice {
    String advice(int status, String body);
  }

  /** Waits; tests replace it so that nothing sleeps. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final int MAX_INLINE_RETRIES = 2;

  private final String system;
  private final RestClient client;
  private final HttpSettings settings;
  private final Sleeper sleeper;

  public HttpConnector(String system, String baseUrl, HttpSettings settings, Sleeper sleeper) {
    this.system = system;
    this.settings = HttpSettings.orDefaults(settings);
    this.sleeper = sleeper;
    HttpClient http = HttpClient.newBuilder().connectTimeout(this.settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade on plain http; TLS endpoints answer HTTP/1.1 too
        .followRedirects(HttpClient.Redirect.NEVER).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(this.settings.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(factory);
    if (baseUrl != null && !baseUrl.isBlank()) {
      builder.baseUrl(baseUrl);
    }
    this.client = builder.build();
  }

  public HttpConnector(String system, String baseUrl, HttpSettings settings) {
    this(system, baseUrl, settings, duration -> Thread.sleep(duration.toMillis()));
  }

  public RestClient client() {
    return client;
  }

  public String system() {
    return system;
  }

  /** {@code Basic base64(user:secret)}. */
  public static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Runs one HTTP exchange ({@code what} as people say it: "create issue for INC-2026-0001") and classifies
   * its failure.
   */
  public <T> T call(String what, RejectionAdvice advice, Supplier<T> exchange) {
    for (int attempt = 0; ; attempt++) {
      try {
        return exchange.get();
      } catch (RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        if (status.value() == 429) {
          Duration wait = retryAfter(e.getResponseHeaders() == null ? null
              : e.getResponseHeaders().getFirst("Retry-After"));
          if (attempt < MAX_INLINE_RETRIES && wait.compareTo(settings.maxInlineRetryWait()) <= 0) {
            pause(wait);
            continue;
          }
          throw new ConnectorRateLimitedException(system, what, Instant.now().plus(wait));
        }
        String body = snippet(e.getResponseBodyAsString());
        if (status.is5xxServerError()) {
          throw new ConnectorUnavailableException(system, status.value(),
              system + " answered HTTP " + status.value() + " to " + what + (body.isEmpty() ? "" : ": " + body), e);
        }
        throw new ConnectorConfigurationException(system, status.value(),
            system + " rejected " + what + " with HTTP " + status.value() + (body.isEmpty() ? "" : " (" + body + ")")
                + ": " + advice.advice(status.value(), body));
      } catch (ResourceAccessException e) {
        throw new ConnectorUnavailableException(system, 0,
            system + " did not answer " + what + ": " + rootMessage(e), e);
      }
    }
  }

  private void pause(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorUnavailableException(system, 429, system + ": interrupted while waiting to retry", e);
    }
  }

  /** {@code Retry-After} as seconds or an HTTP date; missing or unreadable: one minute. */
  public static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Duration.ofMinutes(1);
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration d = Duration.between(Instant.now(),
            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return Duration.ofMinutes(1);
      }
    }
  }

  static String snippet(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  /** The innermost cause's class and message, e.g. {@code ConnectException Connection refused}. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String name = root.getClass().getSimpleName();
    return root.getMessage() == null ? name : name + " " + root.getMessage();
  }
}
