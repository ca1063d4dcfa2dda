package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;

/**
 * One measured step of an incident: when it began and was reached, its deadline and target as people say it, and
 * how it did. {@code key} is stable (acknowledge, triage, contain, dpo-notice, notice:GDPR_ART33, recover, close,
 * task:Task_X) so other sections (an exercise's expectations) can refer to it.
 */
public record Milestone(String key, String name, Instant startedAt, Instant reachedAt, Instant dueAt, String target,
    Outcome outcome) {

  /** From the start of its clock (the report, for the headline metrics) to when it was reached; null if not yet. */
  public Duration took() {
    return startedAt == null || reachedAt == null ? null : Duration.between(startedAt, reachedAt);
  }

  /** How far from the deadline: positive = early (met), negative = late; null without both times. */
  public Duration margin(Instant now) {
    if (dueAt == null) {
      return null;
    }
    return Duration.between(reachedAt != null ? reachedAt : now, dueAt);
  }
}
