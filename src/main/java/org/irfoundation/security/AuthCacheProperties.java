package org.irfoundation.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.security.auth-cache.*}: how long a verified password or token and the user's groups are reused without
 * asking the database ({@code ttl}, 0 turns the cache off), and how many are kept. Writes through this node's
 * identity service clear it at once; the time to live bounds what another node of a cluster changed.
 */
@ConfigurationProperties(prefix = "irf.security.auth-cache")
public record AuthCacheProperties(Duration ttl, Integer maxEntries) {

  public AuthCacheProperties {
    ttl = ttl == null ? Duration.ofSeconds(5) : ttl;
    maxEntries = maxEntries == null ? 10_000 : maxEntries;
  }
}
