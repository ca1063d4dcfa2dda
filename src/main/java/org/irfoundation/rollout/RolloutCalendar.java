package org.irfoundation.rollout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When each week of a rollout is due ({@code ${rolloutCalendar.due(startDate, n)}} in the week's timers): week n at
 * the end of the working day (17:00 UTC) n weeks after the start date, weeks 5-6 (guarded as week 5) after six; the
 * sponsor is told two days after that.
 */
@Component("rolloutCalendar")
public class RolloutCalendar {

  static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
  public static final Duration ESCALATION_AFTER = Duration.ofDays(2);

  public Date due(String startDate, long week) {
    return Date.from(dueAt(LocalDate.parse(startDate), (int) week));
  }

  public Date escalation(String startDate, long week) {
    return Date.from(dueAt(LocalDate.parse(startDate), (int) week).plus(ESCALATION_AFTER));
  }

  public static Instant dueAt(LocalDate startDate, int week) {
    int weeks = week == 5 ? 6 : week;
    return startDate.plusWeeks(weeks).atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
  }
}
