package org.irfoundation.reporting;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.reporting.*}: the targets of the report's metrics that no model or decision sets. Acknowledge, triage,
 * DPO notice and the regulatory deadlines come from the escalation policy, the playbooks and the obligations;
 * containment and closure are the organisation's own goals, per severity.
 *
 * @param contain time from report to containment, per severity (defaults P1 4 h, P2 12 h, P3 24 h, P4 72 h)
 * @param close time from report to closure, per severity (defaults P1 7 d, P2 14 d, P3 30 d, P4 45 d)
 */
@ConfigurationProperties("irf.reporting.targets")
public record ReportingProperties(Map<String, Duration> contain, Map<String, Duration> close) {

  static final Map<String, Duration> CONTAIN = Map.of("P1", Duration.ofHours(4), "P2", Duration.ofHours(12),
      "P3", Duration.ofHours(24), "P4", Duration.ofHours(72));
  static final Map<String, Duration> CLOSE = Map.of("P1", Duration.ofDays(7), "P2", Duration.ofDays(14),
      "P3", Duration.ofDays(30), "P4", Duration.ofDays(45));

  public ReportingProperties {
    contain = contain == null || contain.isEmpty() ? CONTAIN : Map.copyOf(contain);
    close = close == null || close.isEmpty() ? CLOSE : Map.copyOf(close);
  }

  Optional<Duration> containTarget(String severity) {
    return Optional.ofNullable(severity == null ? null : contain.get(severity));
  }

  Optional<Duration> closeTarget(String severity) {
    return Optional.ofNullable(severity == null ? null : close.get(severity));
  }
}
