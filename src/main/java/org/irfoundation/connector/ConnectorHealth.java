package org.irfoundation.connector;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The health of one connector as {@code /actuator/health} shows it: the system (as people name it), what it is
 * (a URL without credentials, a bucket, a folder), and what answered or why not. A health check must answer within
 * a few seconds, so its HTTP client has shorter timeouts than the adapter's ({@link #probeSettings}).
 */
public final class ConnectorHealth {

  public static final String SYSTEM = "system";
  public static final String TARGET = "target";
  public static final String CHECKED = "checked";
  public static final String ERROR = "error";

  static final Duration PROBE_CONNECT = Duration.ofSeconds(3);
  static final Duration PROBE_READ = Duration.ofSeconds(5);

  private ConnectorHealth() {}

  /** The adapter's timeouts capped at 3 s connect and 5 s read; a 429 is not waited out. */
  public static HttpSettings probeSettings(HttpSettings configured) {
    HttpSettings settings = HttpSettings.orDefaults(configured);
    return new HttpSettings(min(settings.connectTimeout(), PROBE_CONNECT), min(settings.readTimeout(), PROBE_READ),
        Duration.ZERO);
  }

  /**
   * Runs {@code probe}: UP with what it checked, DOWN with the failure's message (the connector exceptions name the
   * system, the request and the status, never a secret).
   */
  public static Health check(String system, String target, Supplier<String> probe) {
    try {
      return Health.up().withDetail(SYSTEM, system).withDetail(TARGET, target).withDetail(CHECKED, probe.get())
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail(SYSTEM, system).withDetail(TARGET, target)
          .withDetail(ERROR, e instanceof ConnectorException ? e.getMessage() : HttpConnector.rootMessage(e)).build();
    }
  }

  /**
   * Like {@link #check}, but a probe that succeeds proves only part (a webhook's host answers, the webhook itself
   * cannot be called without posting): UNKNOWN with what was checked and what was not.
   */
  public static Health partly(String system, String target, Supplier<String> probe) {
    Health health = check(system, target, probe);
    return Status.UP.equals(health.getStatus())
        ? Health.unknown().withDetails(health.getDetails()).build() : health;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
