package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.irfoundation.incident.NotificationClock.Deadline;
import org.irfoundation.incident.NotificationClock.Terms;
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

  // --- holiday calendars (Jollyday): SEC business days skip the US federal holidays

  @Test
  void secBusinessDaysSkipThanksgiving() {
    // materiality determined on Wednesday 2026-11-25; Thursday 2026-11-26 is Thanksgiving
    Instant determined = Instant.parse("2026-11-25T15:00:00Z");
    Terms sec = new Terms("4BD", NotificationClock.KIND_BUSINESS_DAYS, null, BusinessDayCalendar.US);
    assertThat(clock.due(determined, null, sec)).isEqualTo(Instant.parse("2026-12-02T15:00:00Z")); // Wednesday
    // Monday to Friday only, the day would be Tuesday
    assertThat(clock.due(determined, "4BD", NotificationClock.KIND_BUSINESS_DAYS))
        .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
  }

  @ParameterizedTest(name = "{0} + {1} US business days -> {2}")
  @CsvSource({
      // Independence Day 2026 is a Saturday: observed Friday 2026-07-03
      "2026-07-02T12:00:00Z, 1, 2026-07-06T12:00:00Z",
      // Columbus Day, Monday 2026-10-12: a federal holiday Jollyday keeps only with the states
      "2026-10-09T12:00:00Z, 1, 2026-10-13T12:00:00Z",
      // Veterans Day, Wednesday 2026-11-11
      "2026-11-10T12:00:00Z, 1, 2026-11-12T12:00:00Z",
      // a start on the holiday itself counts from the next business day
      "2026-11-26T12:00:00Z, 1, 2026-11-27T12:00:00Z",
      // Christmas, Friday 2026-12-25, and New Year, Friday 2027-01-01
      "2026-12-24T12:00:00Z, 1, 2026-12-28T12:00:00Z",
      "2026-12-31T12:00:00Z, 1, 2027-01-04T12:00:00Z",
      // New Year 2028 is a Saturday: observed Friday 2027-12-31, in the year before
      "2027-12-30T12:00:00Z, 1, 2028-01-03T12:00:00Z",
      // Martin Luther King Day, Monday 2027-01-18; Juneteenth 2027 (Saturday) observed Friday 2027-06-18
      "2027-01-15T12:00:00Z, 1, 2027-01-19T12:00:00Z",
      "2027-06-17T12:00:00Z, 1, 2027-06-21T12:00:00Z",
      // no holiday in the window: the same as Monday to Friday
      "2026-03-05T15:00:00Z, 4, 2026-03-11T15:00:00Z"})
  void usBusinessDaysAreFederalWorkdays(String start, int days, String due) {
    Terms terms = new Terms(days + "BD", NotificationClock.KIND_BUSINESS_DAYS, null, BusinessDayCalendar.US);
    assertThat(clock.due(Instant.parse(start), null, terms)).isEqualTo(Instant.parse(due));
  }

  @Test
  void theUsCalendarHasTheElevenFederalHolidays() {
    BusinessDayCalendar us = BusinessDayCalendar.of(BusinessDayCalendar.US);
    assertThat(LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2027-01-01")).filter(us::isHoliday))
        .containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-19"), LocalDate.parse("2026-02-16"),
            LocalDate.parse("2026-05-25"), LocalDate.parse("2026-06-19"), LocalDate.parse("2026-07-03"),
            LocalDate.parse("2026-09-07"), LocalDate.parse("2026-10-12"), LocalDate.parse("2026-11-11"),
            LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-25"));
    assertThat(us.isBusinessDay(LocalDate.parse("2026-11-27"))).isTrue();
    assertThat(us.isBusinessDay(LocalDate.parse("2026-11-28"))).isFalse(); // Saturday
    assertThat(BusinessDayCalendar.of("us")).isSameAs(us);
  }

  @Test
  void otherCalendarsAreJollydaysCountriesAndSubdivisions() {
    // Epiphany, Tuesday 2026-01-06: a holiday in Bavaria, not in all of Germany
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    assertThat(clock.due(monday, null, new Terms("1BD", NotificationClock.KIND_BUSINESS_DAYS, null, "DE-BY")))
        .isEqualTo(Instant.parse("2026-01-07T08:00:00Z"));
    assertThat(clock.due(monday, null, new Terms("1BD", NotificationClock.KIND_BUSINESS_DAYS, null, "DE")))
        .isEqualTo(Instant.parse("2026-01-06T08:00:00Z"));
    assertThat(BusinessDayCalendar.of(null)).isSameAs(BusinessDayCalendar.WEEKDAYS);
    assertThat(BusinessDayCalendar.of(" ")).isSameAs(BusinessDayCalendar.WEEKDAYS);
    assertThat(BusinessDayCalendar.WEEKDAYS.isHoliday(LocalDate.parse("2026-12-25"))).isFalse();
    assertThatThrownBy(() -> BusinessDayCalendar.of("XX")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
    assertThatThrownBy(() -> BusinessDayCalendar.of("US-ZZ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ZZ");
  }

  @Test
  void aConfiguredDefaultCalendarAppliesToObligationsWithoutOne() {
    NotificationClock usByDefault = new NotificationClock(BusinessDayCalendar.US);
    Instant determined = Instant.parse("2026-11-25T15:00:00Z");
    // the post-incident review (5BD) and obligations that name no calendar
    assertThat(usByDefault.due(determined, "4BD", NotificationClock.KIND_BUSINESS_DAYS))
        .isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    assertThat(usByDefault.due(determined, "5BD", NotificationClock.KIND_BUSINESS_DAYS))
        .isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
    // the obligation's own calendar wins
    assertThat(usByDefault.due(determined, null, new Terms("4BD", NotificationClock.KIND_BUSINESS_DAYS, null, "DE")))
        .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    assertThat(usByDefault.calendar(null).code()).isEqualTo(BusinessDayCalendar.US);
    // none configured (the property's default is empty): Monday to Friday
    assertThat(new NotificationClock("").calendar(null)).isSameAs(BusinessDayCalendar.WEEKDAYS);
    assertThat(clock.calendar(null)).isSameAs(BusinessDayCalendar.WEEKDAYS);
    assertThatThrownBy(() -> new NotificationClock("XX")).isInstanceOf(IllegalArgumentException.class);
  }

  // --- the cap: at most so long after awareness, whenever the clock starts (DORA initial notification)

  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");
  static final Terms DORA_INITIAL = new Terms("PT4H", NotificationClock.KIND_ELAPSED, "PT24H", null);

  @Test
  void doraInitialIsDueFourHoursAfterClassificationWhenThatIsSooner() {
    // classified as major 2 h after awareness: due 6 h after awareness, the cap (24 h) is later
    Deadline d = clock.compute(Instant.parse("2026-03-02T11:00:00Z"), AWARE, DORA_INITIAL);
    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
    assertThat(d.remindAt()).isEqualTo(Instant.parse("2026-03-02T14:12:00Z")); // 80 % of 4 h
  }

  @Test
  void doraInitialIsCappedAt24HoursAfterAwareness() {
    // classified as major 22 h after awareness: 4 h would be 26 h, the cap makes it 24 h
    Deadline d = clock.compute(Instant.parse("2026-03-03T07:00:00Z"), AWARE, DORA_INITIAL);
    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(d.remindAt()).isEqualTo(Instant.parse("2026-03-03T08:36:00Z")); // 80 % of the 2 h left
    assertThat(d.clockStartedAt()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
    // exactly at the edge: classified 20 h after awareness, both give 24 h
    assertThat(clock.due(Instant.parse("2026-03-03T05:00:00Z"), AWARE, DORA_INITIAL))
        .isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
  }

  @Test
  void aCapAlreadyPassedIsDueAtOnce() {
    // classified 30 h after awareness: due at the cap (past), reminder at the clock start
    Instant classified = Instant.parse("2026-03-03T15:00:00Z");
    Deadline d = clock.compute(classified, AWARE, DORA_INITIAL);
    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(d.remindAt()).isEqualTo(classified);
  }

  @Test
  void theWorstCaseBeforeTheDeterminationCountsFromAwareness() {
    assertThat(clock.due(AWARE, AWARE, DORA_INITIAL)).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
  }

  @Test
  void aCapNeedsTheAwarenessTimeAndAnIsoDuration() {
    Instant classified = Instant.parse("2026-03-02T11:00:00Z");
    assertThatThrownBy(() -> clock.due(classified, null, DORA_INITIAL)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("awareness");
    assertThatThrownBy(() -> clock.due(classified, AWARE, new Terms("PT4H", "elapsed", "a day", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a day");
    assertThatThrownBy(() -> clock.due(classified, AWARE, new Terms("4 hours", "elapsed")))
        .isInstanceOf(IllegalArgumentException.class);
    // no cap (null or empty, as an empty table cell gives it): the deadline alone
    assertThat(clock.due(classified, null, new Terms("PT4H", "elapsed", "", null)))
        .isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
  }

  // --- the other kinds through Terms, and Terms from the decision's row

  @Test
  void afterYearEndTargetAndTheEightyPercentReminderWithTerms() {
    Instant discovered = Instant.parse("2026-08-10T09:00:00Z");
    // HIPAA HHS log (under 500 people): 60 days after the end of the calendar year
    Deadline log = clock.compute(discovered, discovered, new Terms("P60D", NotificationClock.KIND_AFTER_YEAR_END));
    assertThat(log.dueAt()).isEqualTo(Instant.parse("2027-03-02T00:00:00Z"));
    assertThat(log.remindAt()).isEqualTo(discovered.plus(java.time.Duration.between(discovered, log.dueAt())
        .multipliedBy(8).dividedBy(10)));
    // PCI DSS "immediately": a 24 h target
    Deadline pci = clock.compute(discovered, discovered, new Terms("PT24H", NotificationClock.KIND_TARGET));
    assertThat(pci.dueAt()).isEqualTo(Instant.parse("2026-08-11T09:00:00Z"));
    assertThat(pci.remindAt()).isEqualTo(Instant.parse("2026-08-11T04:12:00Z")); // 19.2 h
    // SEC: 80 % of the calendar time to the fourth business day (7 days over Thanksgiving)
    Deadline sec = clock.compute(Instant.parse("2026-11-25T15:00:00Z"), null,
        new Terms("4BD", NotificationClock.KIND_BUSINESS_DAYS, null, BusinessDayCalendar.US));
    assertThat(sec.dueAt()).isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    assertThat(sec.remindAt()).isEqualTo(Instant.parse("2026-12-01T05:24:00Z")); // 5.6 days
  }

  @Test
  void termsComeFromTheDecisionsRow() {
    Map<String, Object> row = new HashMap<>();
    ObligationsApi.Outputs.CODE.put(row, ObligationsApi.Code.DORA_INITIAL.name());
    ObligationsApi.Outputs.DEADLINE.put(row, "PT4H");
    ObligationsApi.Outputs.DEADLINE_KIND.put(row, NotificationClock.KIND_ELAPSED);
    ObligationsApi.Outputs.DEADLINE_CAP.put(row, "PT24H");
    ObligationsApi.Outputs.CALENDAR.put(row, null);
    assertThat(Terms.of(row)).isEqualTo(DORA_INITIAL);
    Map<String, Object> sec = new HashMap<>();
    ObligationsApi.Outputs.DEADLINE.put(sec, "4BD");
    ObligationsApi.Outputs.DEADLINE_KIND.put(sec, NotificationClock.KIND_BUSINESS_DAYS);
    ObligationsApi.Outputs.CALENDAR.put(sec, BusinessDayCalendar.US);
    assertThat(Terms.of(sec)).isEqualTo(new Terms("4BD", NotificationClock.KIND_BUSINESS_DAYS, null,
        BusinessDayCalendar.US));
  }
}
