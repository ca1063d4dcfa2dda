package org.irfoundation.incident;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which days count as business days for a notification deadline ({@code <n>BD}): Monday to Friday without the public
 * holidays of a holiday calendar, or Monday to Friday only when no calendar is named. The holidays come from Jollyday
 * ({@code de.focus-shift:jollyday}), which keeps them per country and subdivision.
 *
 * <p>Calendar codes (the decision's {@code businessDayCalendar} column, or {@code irf.obligations.business-day-calendar}):
 * <ul>
 *   <li>{@link #US}: the US federal holidays (5 U.S.C. 6103), as the SEC counts its business days: Jollyday's
 *       nationwide US holidays (New Year, Martin Luther King, Washington's Birthday, Memorial Day, Juneteenth,
 *       Independence Day, Labor Day, Veterans Day, Thanksgiving, Christmas, each on its observed day) and Columbus
 *       Day (second Monday of October), which Jollyday lists only with the states that keep it
 *       (focus-shift/jollyday#1441). Inauguration Day (a holiday around Washington, D.C. only) is not counted.</li>
 *   <li>any other Jollyday calendar: an ISO 3166 country ({@code DE}, {@code GB}), optionally with a subdivision
 *       ({@code DE-BY}, {@code US-NY}); its public holidays, not its observances.</li>
 * </ul>
 * Days are UTC calendar days, as everywhere in {@link NotificationClock}.
 */
public final class BusinessDayCalendar {

  /** The US federal holidays (SEC business days). */
  public static final String US = "US";

  /** Monday to Friday, no holidays: for obligations that name no calendar, unless a default is configured. */
  public static final BusinessDayCalendar WEEKDAYS = new BusinessDayCalendar(null, null, null);

  private static final Map<String, BusinessDayCalendar> CALENDARS = new ConcurrentHashMap<>();

  private final String code;
  private final HolidayManager holidays;
  private final String subdivision;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private BusinessDayCalendar(String code, HolidayManager holidays, String subdivision) {
    this.code = code;
    this.holidays = holidays;
    this.subdivision = subdivision;
  }

  /**
   * The calendar of a code ({@code US}, {@code DE-BY}); {@link #WEEKDAYS} for none (null or blank).
   *
   * @throws IllegalArgumentException for a code Jollyday does not know
   */
  public static BusinessDayCalendar of(String code) {
    if (code == null || code.isBlank()) {
      return WEEKDAYS;
    }
    return CALENDARS.computeIfAbsent(code.trim().toUpperCase(Locale.ROOT), BusinessDayCalendar::load);
  }

  private static BusinessDayCalendar load(String code) {
    String[] parts = code.split("-", 2);
    if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0])) {
      throw new IllegalArgumentException("unknown holiday calendar " + code
          + " (an ISO 3166 country Jollyday knows, e.g. US or DE, optionally with a subdivision: DE-BY)");
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(parts[0]));
    String subdivision = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : null;
    if (subdivision != null && !manager.getCalendarHierarchy().getChildren().containsKey(subdivision)) {
      throw new IllegalArgumentException("unknown subdivision " + parts[1] + " of holiday calendar " + parts[0]);
    }
    return new BusinessDayCalendar(code, manager, subdivision);
  }

  /** The code, or null for {@link #WEEKDAYS}. */
  public String code() {
    return code;
  }

  public boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(day);
  }

  public boolean isHoliday(LocalDate day) {
    return holidays != null && byYear.computeIfAbsent(day.getYear(), this::holidaysOf).contains(day);
  }

  /**
   * {@code days} business days after {@code start}, at the same time of day (UTC): the first is the next business
   * day after the start's day, so a start on a weekend or a holiday counts from the next business day.
   */
  public Instant plusBusinessDays(Instant start, int days) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    int added = 0;
    while (added < days) {
      t = t.plusDays(1);
      if (isBusinessDay(t.toLocalDate())) {
        added++;
      }
    }
    return t.toInstant();
  }

  /**
   * The days off in {@code year}, on their observed dates. A holiday of the next year may be observed in this one
   * (New Year on a Saturday: the Friday before), so both years are asked.
   */
  private Set<LocalDate> holidaysOf(int year) {
    String[] args = subdivision == null ? new String[0] : new String[] {subdivision};
    Set<LocalDate> days = Stream.of(year, year + 1)
        .flatMap(y -> holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, args).stream())
        .map(Holiday::getDate)
        .filter(d -> d.getYear() == year)
        .collect(Collectors.toSet());
    if (US.equals(code) && year >= 1971) {
      days.add(secondMondayOfOctober(year));
    }
    return Set.copyOf(days);
  }

  /** Columbus Day (5 U.S.C. 6103(a)); a Monday, so never moved. */
  private static LocalDate secondMondayOfOctober(int year) {
    LocalDate first = LocalDate.of(year, Month.OCTOBER, 1);
    int toMonday = (DayOfWeek.MONDAY.getValue() - first.getDayOfWeek().getValue() + 7) % 7;
    return first.plusDays(toMonday + 7L);
  }

  @Override
  public String toString() {
    return code == null ? "Monday to Friday" : code;
  }
}
