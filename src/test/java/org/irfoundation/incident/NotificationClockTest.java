package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationClockTest {

  final NotificationClock clock = new NotificationClock();

  @ParameterizedTest(name = "{1} {2} from {0} -> {3}")
  @CsvSource({
      // GDPR / NIS2: elapsed hours
      "2026-03-02T09:00:00Z, PT72H, elapsed,        2026-03-05T09:00:00Z",
      "2026-03-02T09:00:00Z, PT24H, elapsed,        2026-03-03T09:00:00Z",
      "2026-03-02T09:00:00Z, PT4H,  elapsed,        2026-03-02T13:00:00Z",
      // calendar days and months (UTC)
      "2026-03-02T09:00:00Z, P30D,  elapsed,        2026-04-01T09:00:00Z",
      "2026-01-31T09:00:00Z, P1M,   elapsed,        2026-02-28T09:00:00Z",
      "2026-03-02T09:00:00Z, P60D,  elapsed,        2026-05-01T09:00:00Z",
      "2026-03-02T09:00:00Z, P1DT12H, target,       2026-03-03T21:00:00Z",
      // SEC: 4 business days; Thursday -> Wednesday, Saturday -> Thursday
      "2026-03-05T15:00:00Z, 4BD,   business-days,  2026-03-11T15:00:00Z",
      "2026-03-02T09:00:00Z, 4BD,   business-days,  2026-03-06T09:00:00Z",
      "2026-03-07T10:00:00Z, 4BD,   business-days,  2026-03-12T10:00:00Z",
      // HIPAA under 500: 60 days after the end of the calendar year
      "2026-03-02T09:00:00Z, P60D,  after-year-end, 2027-03-02T00:00:00Z",
      "2026-12-31T23:00:00Z, P60D,  after-year-end, 2027-03-02T00:00:00Z"})
  void computesTheDueDate(String start, String deadline, String kind, String due) {
    assertThat(clock.due(Instant.parse(start), deadline, kind)).isEqualTo(Instant.parse(due));
  }

  @Test
  void remindsAfterEightyPercentOfThePeriod() {
    NotificationClock.Deadline d = clock.compute(Instant.parse("2026-03-02T09:00:00Z"), "PT72H", "elapsed");
    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
    assertThat(d.remindAt()).isEqualTo(Instant.parse("2026-03-04T18:36:00Z")); // 57.6 h
    assertThat(d.clockStartedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
  }

  @Test
  void refusesWhatItCannotRead() {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    assertThatThrownBy(() -> clock.due(t, "four days", "business-days")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.due(t, "PT1H", "someday")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.due(t, null, "elapsed")).isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.due(t, "PT1H", null)).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void tellsWhetherAFilingWasInTimeFromWhatAFormRecords() {
    Date due = Date.from(Instant.parse("2026-03-05T09:00:00Z"));
    assertThat(clock.inTime("2026-03-05T09:00:00Z", due)).isTrue();
    assertThat(clock.inTime("2026-03-05T09:00Z", due)).isTrue();
    assertThat(clock.inTime("2026-03-05T10:00+01:00", due)).isTrue();
    assertThat(clock.inTime("2026-03-05T09:15", due)).isFalse();
    assertThat(clock.inTime(null, due)).isFalse();
    assertThat(clock.inTime("2026-03-05T09:00:00Z", null)).isFalse();
  }
}
