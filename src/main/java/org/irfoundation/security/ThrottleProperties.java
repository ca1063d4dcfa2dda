package org.irfoundation.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.security.throttle.*}: failed sign-ins counted per source address (README, "Throttling"). The first
 * {@code free-failures} cost nothing; each further one makes the source wait {@code delay}, doubling up to
 * {@code max-delay}; from {@code block-after} failures the source is refused for {@code block-for}. A source's count
 * is forgotten {@code forget-after} its last failure. {@code trusted-proxies} (addresses or CIDR ranges) are the
 * reverse proxies whose {@code X-Forwarded-For} is believed; without them the header is ignored.
 */
@ConfigurationProperties(prefix = "irf.security.throttle")
public record ThrottleProperties(Integer freeFailures, Duration delay, Duration maxDelay, Integer blockAfter,
    Duration blockFor, Duration forgetAfter, List<String> trustedProxies) {

  public ThrottleProperties {
    freeFailures = freeFailures == null ? 5 : freeFailures;
    delay = delay == null ? Duration.ofSeconds(1) : delay;
    maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
    blockAfter = blockAfter == null ? 20 : blockAfter;
    blockFor = blockFor == null ? Duration.ofMinutes(15) : blockFor;
    forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
    trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::trim)
        .filter(p -> !p.isEmpty()).toList();
    if (freeFailures < 0 || blockAfter <= freeFailures) {
      throw new IllegalArgumentException("irf.security.throttle: block-after (" + blockAfter
          + ") must be greater than free-failures (" + freeFailures + ") and free-failures at least 0");
    }
  }
}
