package org.irfoundation.incident;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The clock of one notification obligation ({@code dmn/notification-obligations.dmn}): when it is due and when
 * to remind, from the moment its clock started, the {@code deadline} and the {@code deadlineKind}.
 *
 * <p>Deadline formats: an ISO-8601 duration ({@code PT24H}, {@code PT72H}) or period ({@code P30D}, {@code P1M}),
 * calendar time in UTC; or business days as {@code <n>BD} ({@code 4BD}: Monday to Friday, no public holidays).
 * Kinds: {@code elapsed} (a legal deadline after the clock start), {@code target} (the law says "without undue
 * delay" / "immediately": the deadline is our internal target), {@code business-days} (deadline {@code <n>BD}) and
 * {@code after-year-end} (the period runs from the end of the calendar year in which the clock started: HIPAA
 * breaches of fewer than 500 people). The reminder is due after 80 % of the time between clock start and deadline.
 */
@Component("notificationClock")
public class NotificationClock {

  public static final String KIND_ELAPSED = "elapsed";
  public static final String KIND_TARGET = "target";
  public static final String KIND_BUSINESS_DAYS = "business-days";
  public static final String KIND_AFTER_YEAR_END = "after-year-end";

  private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)BD");

  /** When an obligation is due and when its reminder goes out. */
  public record Deadline(Instant clockStartedAt, Instant remindAt, Instant dueAt) {}

  public Deadline compute(Instant clockStartedAt, String deadline, String deadlineKind) {
    Instant due = due(clockStartedAt, deadline, deadlineKind);
    long millis = Duration.between(clockStartedAt, due).toMillis();
    Instant remind = clockStartedAt.plusMillis(millis * 8 / 10);
    return new Deadline(clockStartedAt, remind, due);
  }

  public Instant due(Instant start, String deadline, String deadlineKind) {
    if (deadline == null || deadline.isBlank()) {
      throw new IllegalArgumentException("no deadline given");
    }
    String kind = deadlineKind == null ? KIND_ELAPSED : deadlineKind;
    Matcher businessDays = BUSINESS_DAYS.matcher(deadline.trim());
    if (businessDays.matches()) {
      return plusBusinessDays(start, Integer.parseInt(businessDays.group(1)));
    }
    if (KIND_BUSINESS_DAYS.equals(kind)) {
      throw new IllegalArgumentException("business-day deadline must look like 4BD, not " + deadline);
    }
    ZonedDateTime base = start.atZone(ZoneOffset.UTC);
    if (KIND_AFTER_YEAR_END.equals(kind)) {
      base = ZonedDateTime.of(base.getYear() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    } else if (!KIND_ELAPSED.equals(kind) && !KIND_TARGET.equals(kind)) {
      throw new IllegalArgumentException("unknown deadline kind " + deadlineKind);
    }
    return plus(base, deadline.trim()).toInstant();
  }

  /** {@code n} weekdays after {@code start}, same time of day (UTC); a start on a weekend counts from Monday. */
  static Instant plusBusinessDays(Instant start, int days) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    int added = 0;
    while (added < days) {
      t = t.plusDays(1);
      if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return t.toInstant();
  }

  private static ZonedDateTime plus(ZonedDateTime base, String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return base.plus(Period.parse(iso));
    }
    if (t == 1) {
      return base.plus(Duration.parse(iso));
    }
    return base.plus(Period.parse(iso.substring(0, t))).plus(Duration.parse("P" + iso.substring(t)));
  }

  /** Whether a notice filed at {@code filedAt} (as a form records it) met the deadline {@code dueAt}. */
  public boolean inTime(String filedAt, Date dueAt) {
    return filedAt != null && dueAt != null && !parse(filedAt).isAfter(dueAt.toInstant());
  }

  /**
   * A point in time as people and forms write it: {@code 2026-03-02T10:00:00Z}, {@code 2026-03-02T11:00+01:00}
   * or, without an offset, UTC ({@code 2026-03-02T10:00}).
   */
  public static Instant parse(String text) {
    String s = text.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException withoutOffset) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }
}
