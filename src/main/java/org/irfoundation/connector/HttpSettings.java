package org.irfoundation.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of one connector's HTTP client, and how long a {@code 429 Retry-After} may be waited out inside the
 * call (longer waits fail the job and it is retried at the time the system asked for).
 */
public record HttpSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
    @DefaultValue("5s") Duration maxInlineRetryWait) {

  public static HttpSettings defaults() {
    return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5));
  }

  public static HttpSettings orDefaults(HttpSettings settings) {
    return settings == null ? defaults() : settings;
  }
}
