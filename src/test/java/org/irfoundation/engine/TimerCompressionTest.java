package org.irfoundation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Timer values divided by an exercise's compression: durations, cycles and dates, each as the engine reads it. */
class TimerCompressionTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void durationsAndCyclesShrinkDatesComeCloserAndTheRestStaysAsModelled() {
    assertThat(TimerCompression.compress("PT72H", 12, NOW)).isEqualTo("PT6H");
    assertThat(TimerCompression.compress("PT15M", 12, NOW)).isEqualTo("PT1M15S");
    assertThat(TimerCompression.compress("P1D", 24, NOW)).isEqualTo("PT1H");
    assertThat(TimerCompression.compress("P1DT12H", 12, NOW)).isEqualTo("PT3H");
    assertThat(TimerCompression.compress("R/PT30M", 6, NOW)).isEqualTo("R/PT5M");
    assertThat(TimerCompression.compress("R3/PT1H", 4, NOW)).isEqualTo("R3/PT15M");
    assertThat(TimerCompression.compress(Date.from(NOW.plusSeconds(72 * 3600)), 12, NOW))
        .isEqualTo(Date.from(NOW.plusSeconds(6 * 3600)));
    assertThat(TimerCompression.compress(NOW.plusSeconds(3600).toString(), 4, NOW))
        .isEqualTo(NOW.plusSeconds(900).toString());
    // a date already passed fires now, as modelled; a cron expression is not a duration
    assertThat(TimerCompression.compress(Date.from(NOW.minusSeconds(60)), 12, NOW))
        .isEqualTo(Date.from(NOW.minusSeconds(60)));
    assertThat(TimerCompression.compress("0 0 9 * * ?", 12, NOW)).isEqualTo("0 0 9 * * ?");
    assertThat(TimerCompression.compress("PT72H", 1, NOW)).isEqualTo("PT72H");
  }
}
