package org.irfoundation.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.irfoundation.exercise.Scenario.Mode;

/**
 * One run of a scenario. Scenario time runs {@code timeCompression} times faster than the clock: an inject at
 * 24 h of a scenario compressed 12 times arrives 2 h after the start, and a task done 1 h after the start was done
 * at 12 h of scenario time.
 */
public record Exercise(String id, String scenario, Mode mode, int timeCompression, String incidentId,
    String rolloutId, String processInstanceId, Instant startedAt, String startedBy, Instant endedAt,
    List<String> participants) {

  /** When something at {@code offset} of scenario time happens on the clock. */
  public Instant clockTimeOf(Duration offset) {
    return startedAt.plus(offset.dividedBy(timeCompression));
  }

  /** How far into the scenario {@code at} (a clock time) lies. */
  public Duration scenarioTimeOf(Instant at) {
    return Duration.between(startedAt, at).multipliedBy(timeCompression);
  }

  public boolean ended() {
    return endedAt != null;
  }
}
