package org.irfoundation.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.security.tokens.*}: the longest an API token may be valid ({@code max-lifetime}, so every token is
 * rotated), and how often its last use is written ({@code last-use-resolution}: not on every request).
 */
@ConfigurationProperties(prefix = "irf.security.tokens")
public record TokenProperties(Duration maxLifetime, Duration lastUseResolution) {

  public TokenProperties {
    maxLifetime = maxLifetime == null ? Duration.ofDays(366) : maxLifetime;
    lastUseResolution = lastUseResolution == null ? Duration.ofMinutes(1) : lastUseResolution;
  }
}
