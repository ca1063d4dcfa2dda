package org.irfoundation.incident;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clock of one notification obligation ({@code dmn/notification-obligations.dmn}): when it is due and when
 * to remind, from the moment its clock started and the obligation's {@link Terms} (the decision's columns
 * {@code deadline}, {@code deadlineKind}, {@code deadlineCap} and {@code businessDayCalendar}).
 *
 * <p>Deadline formats: an ISO-8601 duration ({@code PT24H}, {@code PT72H}) or period ({@code P30D}, {@code P1M}),
 * calendar time in UTC; or business days as {@code <n>BD} ({@code 4BD}): Monday to Friday without the holidays of
 * the obligation's {@link BusinessDayCalendar} ({@code US}: the US federal holidays, as the SEC counts), else of the
 * configured default ({@code irf.obligations.business-day-calendar}), else Monday to Friday only.
 * Kinds: {@code elapsed} (a legal deadline after the clock start), {@code target} (the law says "without undue
 * delay" / "immediately": the deadline is our internal target), {@code business-days} (deadline {@code <n>BD}) and
 * {@code after-year-end} (the period runs from the end of the calendar year in which the clock started: HIPAA
 * breaches of fewer than 500 people).
 *
 * <p>The cap: an obligation may be due at the latest a fixed time after awareness, whenever its clock starts
 * (DORA initial notification: 4 h after classification as major, at most 24 h after awareness), so
 * {@code due = min(clockStart + deadline, awareness + cap)}. The reminder is due after 80 % of the time between
 * clock start and due date (at the clock start when the cap has already passed). Before a determination is recorded,
 * the worst case of an obligation whose clock starts with it is {@code due(awareAt, awareAt, terms)}.
 */
@Component("notificationClock")
public class NotificationClock {

  public static final String KIND_ELAPSED = "elapsed";
  public static final String KIND_TARGET = "target";
  public static final String KIND_BUSINESS_DAYS = "business-days";
  public static final String KIND_AFTER_YEAR_END = "after-year-end";

  private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)BD");

  private final BusinessDayCalendar defaultCalendar;

  /** Business days are Monday to Friday for obligations that name no calendar. */
  public NotificationClock() {
    this(null);
  }

  /**
   * @param defaultCalendar the holiday calendar for business-day deadlines of obligations that name none (and the
   *     post-incident review), e.g. {@code US}; none (null or blank): Monday to Friday only
   * @throws IllegalArgumentException for a calendar code Jollyday does not know
   */
  @Autowired
  public NotificationClock(@Value("${irf.obligations.business-day-calendar:}") String defaultCalendar) {
    this.defaultCalendar = BusinessDayCalendar.of(defaultCalendar);
  }

  /** When an obligation is due and when its reminder goes out. */
  public record Deadline(Instant clockStartedAt, Instant remindAt, Instant dueAt) {}

  /**
   * An obligation's deadline as the decision gives it: {@code deadline} and {@code deadlineKind} (required), the
   * {@code deadlineCap} after awareness and the {@code businessDayCalendar} (each null when the row has none).
   */
  public record Terms(String deadline, String deadlineKind, String deadlineCap, String businessDayCalendar) {

    public Terms(String deadline, String deadlineKind) {
      this(deadline, deadlineKind, null, null);
    }

    /** From one row of the decision's result, or the variables of a regulatory-notification instance. */
    public static Terms of(Map<String, ?> obligation) {
      return new Terms(ObligationsApi.Outputs.DEADLINE.from(obligation),
          ObligationsApi.Outputs.DEADLINE_KIND.from(obligation), ObligationsApi.Outputs.DEADLINE_CAP.from(obligation),
          ObligationsApi.Outputs.CALENDAR.from(obligation));
    }
  }

  /** Due date and reminder of an obligation without cap or calendar of its own. */
  public Deadline compute(Instant clockStartedAt, String deadline, String deadlineKind) {
    return compute(clockStartedAt, null, new Terms(deadline, deadlineKind));
  }

  /**
   * Due date and reminder of an obligation whose clock started at {@code clockStartedAt}.
   *
   * @param awareAt the incident's awareness time; needed only when the terms have a cap
   */
  public Deadline compute(Instant clockStartedAt, Instant awareAt, Terms terms) {
    Instant due = due(clockStartedAt, awareAt, terms);
    long millis = Math.max(0, Duration.between(clockStartedAt, due).toMillis());
    Instant remind = clockStartedAt.plusMillis(millis * 8 / 10);
    return new Deadline(clockStartedAt, remind, due);
  }

  /** The due date of an obligation without cap or calendar of its own. */
  public Instant due(Instant start, String deadline, String deadlineKind) {
    return due(start, null, new Terms(deadline, deadlineKind));
  }

  /**
   * {@code min(clockStartedAt + deadline, awareAt + cap)}, the cap only when the terms have one.
   *
   * @throws IllegalArgumentException for a deadline, kind, cap or calendar it cannot read, or a cap without
   *     {@code awareAt}
   */
  public Instant due(Instant clockStartedAt, Instant awareAt, Terms terms) {
    Instant due = uncapped(clockStartedAt, terms);
    String cap = terms.deadlineCap();
    if (cap == null || cap.isBlank()) {
      return due;
    }
    if (awareAt == null) {
      throw new IllegalArgumentException("deadline cap " + cap + " counts from awareness, which is not known");
    }
    Instant capped = plus(awareAt.atZone(ZoneOffset.UTC), cap.trim()).toInstant();
    return capped.isBefore(due) ? capped : due;
  }

  /** The calendar business days of the obligation skip: its own, else the configured default. */
  public BusinessDayCalendar calendar(String businessDayCalendar) {
    return businessDayCalendar == null || businessDayCalendar.isBlank() ? defaultCalendar
        : BusinessDayCalendar.of(businessDayCalendar);
  }

  private Instant uncapped(Instant start, Terms terms) {
    String deadline = terms.deadline();
    if (deadline == null || deadline.isBlank()) {
      throw new IllegalArgumentException("no deadline given");
    }
    String kind = terms.deadlineKind() == null ? KIND_ELAPSED : terms.deadlineKind();
    Matcher businessDays = BUSINESS_DAYS.matcher(deadline.trim());
    if (businessDays.matches()) {
      return calendar(terms.businessDayCalendar())
          .plusBusinessDays(start, Integer.parseInt(businessDays.group(1)));
    }
    if (KIND_BUSINESS_DAYS.equals(kind)) {
      throw new IllegalArgumentException("business-day deadline must look like 4BD, not " + deadline);
    }
    ZonedDateTime base = start.atZone(ZoneOffset.UTC);
    if (KIND_AFTER_YEAR_END.equals(kind)) {
      base = ZonedDateTime.of(base.getYear() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    } else if (!KIND_ELAPSED.equals(kind) && !KIND_TARGET.equals(kind)) {
      throw new IllegalArgumentException("unknown deadline kind " + kind);
    }
    return plus(base, deadline.trim()).toInstant();
  }

  private static ZonedDateTime plus(ZonedDateTime base, String iso) {
    try {
      int t = iso.indexOf('T');
      if (t < 0) {
        return base.plus(Period.parse(iso));
      }
      if (t == 1) {
        return base.plus(Duration.parse(iso));
      }
      return base.plus(Period.parse(iso.substring(0, t))).plus(Duration.parse("P" + iso.substring(t)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration or period: " + iso, e);
    }
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
