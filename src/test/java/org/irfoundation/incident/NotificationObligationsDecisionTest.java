package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irfoundation.incident.ObligationsApi.AWARENESS;
import static org.irfoundation.incident.ObligationsApi.DETERMINED;
import static org.irfoundation.incident.ObligationsApi.FILED;
import static org.irfoundation.incident.ObligationsApi.HIGH_RISK;
import static org.irfoundation.incident.ObligationsApi.MAJOR;
import static org.irfoundation.incident.ObligationsApi.MATERIAL;
import static org.irfoundation.incident.ObligationsApi.RISK;
import static org.irfoundation.incident.ObligationsApi.SIGNIFICANT;
import static org.irfoundation.incident.ObligationsApi.Code.DORA_FINAL;
import static org.irfoundation.incident.ObligationsApi.Code.DORA_INITIAL;
import static org.irfoundation.incident.ObligationsApi.Code.DORA_INTERMEDIATE;
import static org.irfoundation.incident.ObligationsApi.Code.GDPR_ART33;
import static org.irfoundation.incident.ObligationsApi.Code.GDPR_ART34;
import static org.irfoundation.incident.ObligationsApi.Code.HIPAA_HHS;
import static org.irfoundation.incident.ObligationsApi.Code.HIPAA_HHS_LOG;
import static org.irfoundation.incident.ObligationsApi.Code.HIPAA_INDIVIDUALS;
import static org.irfoundation.incident.ObligationsApi.Code.HIPAA_MEDIA;
import static org.irfoundation.incident.ObligationsApi.Code.NIS2_EARLY_WARNING;
import static org.irfoundation.incident.ObligationsApi.Code.NIS2_FINAL;
import static org.irfoundation.incident.ObligationsApi.Code.NIS2_NOTIFICATION;
import static org.irfoundation.incident.ObligationsApi.Code.PCI_DSS;
import static org.irfoundation.incident.ObligationsApi.Code.SEC_8K;
import static org.irfoundation.incident.ObligationsApi.Code.US_CA_AG;
import static org.irfoundation.incident.ObligationsApi.Code.US_CA_RESIDENTS;
import static org.irfoundation.incident.ObligationsApi.Inputs.CALIFORNIA_RESIDENTS;
import static org.irfoundation.incident.ObligationsApi.Inputs.DORA_ENTITY;
import static org.irfoundation.incident.ObligationsApi.Inputs.EU_RESIDENTS;
import static org.irfoundation.incident.ObligationsApi.Inputs.HIPAA_ENTITY;
import static org.irfoundation.incident.ObligationsApi.Inputs.MAX_RESIDENTS_IN_ONE_STATE;
import static org.irfoundation.incident.ObligationsApi.Inputs.NIS2_ENTITY;
import static org.irfoundation.incident.ObligationsApi.Inputs.PAN;
import static org.irfoundation.incident.ObligationsApi.Inputs.PCI_MERCHANT;
import static org.irfoundation.incident.ObligationsApi.Inputs.PEOPLE_AFFECTED;
import static org.irfoundation.incident.ObligationsApi.Inputs.PERSONAL_DATA;
import static org.irfoundation.incident.ObligationsApi.Inputs.PHI;
import static org.irfoundation.incident.ObligationsApi.Inputs.SEC_REGISTRANT;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.DecisionTables.Evaluation;
import org.irfoundation.incident.ObligationsApi.Code;
import org.irfoundation.incident.ObligationsApi.Inputs;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Row tests of {@code dmn/notification-obligations.dmn} (hit policy COLLECT) against its contract
 * {@link ObligationsApi}: every rule, the edges between rules, and every value of its columns. Each evaluation checks
 * the whole row of every obligation it yields against {@link #ROWS}, the table as this test expects it.
 */
class NotificationObligationsDecisionTest {

  private static final DecisionTables TABLE = DecisionTables.load(ObligationsApi.DECISION_KEY);
  private static final Set<String> HIT = new LinkedHashSet<>();

  private static final String NIS2 = "CSIRT or competent authority";
  private static final String DORA = "Financial competent authority";
  private static final String HHS = "HHS Office for Civil Rights";

  /** The rule of each code. */
  private static final Map<Code, String> RULES = new EnumMap<>(Code.class);
  /** The row of each code, every output column. */
  private static final Map<Code, Map<String, Object>> ROWS = new EnumMap<>(Code.class);

  static {
    row(GDPR_ART33, "Rule_GdprArt33", "GDPR Art. 33", "Lead supervisory authority", "authority", AWARENESS, RISK, null,
        "PT72H", "elapsed", null, null);
    row(GDPR_ART34, "Rule_GdprArt34", "GDPR Art. 34", "Affected data subjects", "individuals", DETERMINED, HIGH_RISK,
        null, "PT72H", "target", null, null);
    row(NIS2_EARLY_WARNING, "Rule_Nis2EarlyWarning", "NIS2 Art. 23 early warning", NIS2, "authority", DETERMINED,
        SIGNIFICANT, null, "PT24H", "elapsed", null, null);
    row(NIS2_NOTIFICATION, "Rule_Nis2Notification", "NIS2 Art. 23 incident notification", NIS2, "authority",
        DETERMINED, SIGNIFICANT, null, "PT72H", "elapsed", null, null);
    row(NIS2_FINAL, "Rule_Nis2FinalReport", "NIS2 Art. 23 final report", NIS2, "authority", FILED, SIGNIFICANT,
        NIS2_NOTIFICATION, "P1M", "elapsed", null, null);
    row(DORA_INITIAL, "Rule_DoraInitial", "DORA initial notification", DORA, "authority", DETERMINED, MAJOR, null,
        "PT4H", "elapsed", "PT24H", null);
    row(DORA_INTERMEDIATE, "Rule_DoraIntermediate", "DORA intermediate report", DORA, "authority", FILED, MAJOR,
        DORA_INITIAL, "PT72H", "elapsed", null, null);
    row(DORA_FINAL, "Rule_DoraFinal", "DORA final report", DORA, "authority", FILED, MAJOR, DORA_INTERMEDIATE, "P1M",
        "elapsed", null, null);
    row(HIPAA_INDIVIDUALS, "Rule_HipaaIndividuals", "HIPAA individual notice", "Affected individuals", "individuals",
        AWARENESS, null, null, "P60D", "elapsed", null, null);
    row(HIPAA_HHS, "Rule_HipaaHhs", "HIPAA HHS notice (500 or more)", HHS, "authority", AWARENESS, null, null, "P60D",
        "elapsed", null, null);
    row(HIPAA_HHS_LOG, "Rule_HipaaHhsLog", "HIPAA HHS annual log (under 500)", HHS, "authority", AWARENESS, null, null,
        "P60D", "after-year-end", null, null);
    row(HIPAA_MEDIA, "Rule_HipaaMedia", "HIPAA media notice", "Prominent media outlets of the state", "media",
        AWARENESS, null, null, "P60D", "elapsed", null, null);
    row(SEC_8K, "Rule_SecForm8K", "SEC Form 8-K Item 1.05", "SEC (EDGAR)", "authority", DETERMINED, MATERIAL, null,
        "4BD", "business-days", null, BusinessDayCalendar.US);
    row(US_CA_RESIDENTS, "Rule_CaliforniaResidents", "California Civ. Code 1798.82", "Affected California residents",
        "individuals", AWARENESS, null, null, "P30D", "elapsed", null, null);
    row(US_CA_AG, "Rule_CaliforniaAttorneyGeneral", "California Civ. Code 1798.82 AG sample notice",
        "California Attorney General", "authority", FILED, null, US_CA_RESIDENTS, "P15D", "elapsed", null, null);
    row(PCI_DSS, "Rule_PciDss", "PCI DSS 12.10", "Card brands and acquirer", "card-brands", AWARENESS, null, null,
        "PT24H", "target", null, null);
  }

  private static void row(Code code, String ruleId, String regulation, String recipient, String audience,
      String clockStart, String determination, Code startsAfter, String deadline, String deadlineKind,
      String deadlineCap, String calendar) {
    Map<String, Object> row = new LinkedHashMap<>();
    Outputs.CODE.put(row, code.name());
    Outputs.REGULATION.put(row, regulation);
    Outputs.RECIPIENT.put(row, recipient);
    Outputs.AUDIENCE.put(row, audience);
    Outputs.CLOCK_START.put(row, clockStart);
    Outputs.DETERMINATION.put(row, determination);
    Outputs.STARTS_AFTER.put(row, startsAfter == null ? null : startsAfter.name());
    Outputs.DEADLINE.put(row, deadline);
    Outputs.DEADLINE_KIND.put(row, deadlineKind);
    Outputs.DEADLINE_CAP.put(row, deadlineCap);
    Outputs.CALENDAR.put(row, calendar);
    RULES.put(code, ruleId);
    ROWS.put(code, row);
  }

  /** What the table gets while nothing is known (counts 0, flags false), then the given input/value pairs. */
  private static Map<String, Object> scope(Object... inputsAndValues) {
    Map<String, Object> scope = new LinkedHashMap<>();
    for (Variable<?> count : List.of(EU_RESIDENTS, CALIFORNIA_RESIDENTS, MAX_RESIDENTS_IN_ONE_STATE, PEOPLE_AFFECTED)) {
      scope.put(count.name(), 0L);
    }
    for (Variable<?> flag : List.of(PERSONAL_DATA, PHI, PAN, NIS2_ENTITY, DORA_ENTITY, SEC_REGISTRANT, HIPAA_ENTITY,
        PCI_MERCHANT)) {
      scope.put(flag.name(), false);
    }
    for (int i = 0; i < inputsAndValues.length; i += 2) {
      scope.put(((Variable<?>) inputsAndValues[i]).name(), inputsAndValues[i + 1]);
    }
    return scope;
  }

  /** The codes the table yields for the scope, in table order; checks each row in full and the rules it hit. */
  private static List<Code> obligations(Map<String, Object> scope) {
    return evaluate(scope).stream().map(row -> Code.of(Outputs.CODE.from(row)).orElseThrow()).toList();
  }

  private static List<Map<String, Object>> evaluate(Map<String, Object> scope) {
    Evaluation evaluation = TABLE.evaluate(scope);
    HIT.addAll(evaluation.matchedRuleIds());
    List<Code> codes = new ArrayList<>();
    for (Map<String, Object> row : evaluation.outputs()) {
      Code code = Code.of(Outputs.CODE.from(row)).orElseThrow(() -> new AssertionError("unknown code in " + row));
      assertThat(row).as(code.name()).containsExactlyInAnyOrderEntriesOf(ROWS.get(code));
      codes.add(code);
    }
    assertThat(evaluation.matchedRuleIds()).as("rules hit").containsExactlyElementsOf(
        codes.stream().map(RULES::get).toList());
    return evaluation.outputs();
  }

  @AfterAll
  static void everyRuleWasHit() {
    assertThat(TABLE.ruleIds()).hasSize(Code.values().length);
    assertThat(HIT).as("rules hit by this class").containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
  }

  // --- nothing, and everything

  @Test
  void nothingKnownAndNoRegimeMeansNoObligation() {
    assertThat(obligations(scope())).isEmpty();
    // people affected alone bring nothing: every rule needs a regime or personal data
    assertThat(obligations(scope(PEOPLE_AFFECTED, 10_000L, MAX_RESIDENTS_IN_ONE_STATE, 5_000L))).isEmpty();
  }

  @Test
  void obligationsAddUpInTableOrder() {
    assertThat(obligations(scope(PERSONAL_DATA, true, EU_RESIDENTS, 40L, CALIFORNIA_RESIDENTS, 700L,
        MAX_RESIDENTS_IN_ONE_STATE, 700L, PEOPLE_AFFECTED, 5_000L, PHI, true, PAN, true, NIS2_ENTITY, true,
        DORA_ENTITY, true, SEC_REGISTRANT, true, HIPAA_ENTITY, true, PCI_MERCHANT, true)))
        .containsExactly(GDPR_ART33, GDPR_ART34, NIS2_EARLY_WARNING, NIS2_NOTIFICATION, NIS2_FINAL, DORA_INITIAL,
            DORA_INTERMEDIATE, DORA_FINAL, HIPAA_INDIVIDUALS, HIPAA_HHS, HIPAA_MEDIA, SEC_8K, US_CA_RESIDENTS,
            US_CA_AG, PCI_DSS);
  }

  // --- GDPR

  @Test
  void personalDataOfOneEuResidentMeansArticles33And34() {
    assertThat(obligations(scope(PERSONAL_DATA, true, EU_RESIDENTS, 1L))).containsExactly(GDPR_ART33, GDPR_ART34);
    // edge: no EU/EEA resident, or no personal data
    assertThat(obligations(scope(PERSONAL_DATA, true, EU_RESIDENTS, 0L))).isEmpty();
    assertThat(obligations(scope(PERSONAL_DATA, false, EU_RESIDENTS, 1L))).isEmpty();
  }

  @Test
  void article33RunsFromAwarenessUnlessClosedAsNoRiskArticle34FromTheHighRiskDetermination() {
    List<Map<String, Object>> rows = evaluate(scope(PERSONAL_DATA, true, EU_RESIDENTS, 3L));
    assertThat(rows).extracting(Outputs.CODE::from, Outputs.CLOCK_START::from, Outputs.DETERMINATION::from,
            Outputs.DEADLINE_KIND::from)
        .containsExactly(
            tuple(GDPR_ART33.name(), AWARENESS, RISK, NotificationClock.KIND_ELAPSED),
            tuple(GDPR_ART34.name(), DETERMINED, HIGH_RISK,
                NotificationClock.KIND_TARGET));
  }

  // --- NIS2 and DORA: every incident of such an entity, personal data or not

  @Test
  void ransomwareAtANis2EntityWithoutPersonalDataBringsExactlyTheThreeNis2Reports() {
    List<Map<String, Object>> rows = evaluate(scope(NIS2_ENTITY, true));
    assertThat(rows).extracting(Outputs.CODE::from).containsExactly(NIS2_EARLY_WARNING.name(),
        NIS2_NOTIFICATION.name(), NIS2_FINAL.name());
    assertThat(rows).extracting(Outputs.DETERMINATION::from).containsOnly(SIGNIFICANT);
    assertThat(rows).extracting(Outputs.CLOCK_START::from).containsExactly(DETERMINED, DETERMINED, FILED);
    assertThat(rows).extracting(Outputs.STARTS_AFTER::from).containsExactly(null, null, NIS2_NOTIFICATION.name());
    // the same with a scope that is still being found out: people counted, nothing personal
    assertThat(obligations(scope(NIS2_ENTITY, true, PEOPLE_AFFECTED, 20_000L))).containsExactly(NIS2_EARLY_WARNING,
        NIS2_NOTIFICATION, NIS2_FINAL);
  }

  @Test
  void aDoraEntityReportsAMajorIncidentThreeTimesTheInitialCappedAt24HoursAfterAwareness() {
    List<Map<String, Object>> rows = evaluate(scope(DORA_ENTITY, true));
    assertThat(rows).extracting(Outputs.CODE::from).containsExactly(DORA_INITIAL.name(), DORA_INTERMEDIATE.name(),
        DORA_FINAL.name());
    assertThat(rows).extracting(Outputs.DETERMINATION::from).containsOnly(MAJOR);
    assertThat(rows).extracting(Outputs.STARTS_AFTER::from).containsExactly(null, DORA_INITIAL.name(),
        DORA_INTERMEDIATE.name());
    assertThat(rows).extracting(Outputs.DEADLINE_CAP::from).containsExactly("PT24H", null, null);
  }

  // --- HIPAA: a covered entity and health information

  @Test
  void healthInformationOf499PeopleGoesToTheHhsLog500ToHhs() {
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true, PEOPLE_AFFECTED, 499L)))
        .containsExactly(HIPAA_INDIVIDUALS, HIPAA_HHS_LOG);
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true, PEOPLE_AFFECTED, 500L)))
        .containsExactly(HIPAA_INDIVIDUALS, HIPAA_HHS);
    // from the first minute (nobody counted yet: 0) the log, until the count says otherwise
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true))).containsExactly(HIPAA_INDIVIDUALS, HIPAA_HHS_LOG);
  }

  @Test
  void theMediaAreToldAboveNotAt500ResidentsOfOneState() {
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true, PEOPLE_AFFECTED, 800L, MAX_RESIDENTS_IN_ONE_STATE,
        500L))).containsExactly(HIPAA_INDIVIDUALS, HIPAA_HHS);
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true, PEOPLE_AFFECTED, 800L, MAX_RESIDENTS_IN_ONE_STATE,
        501L))).containsExactly(HIPAA_INDIVIDUALS, HIPAA_HHS, HIPAA_MEDIA);
  }

  @Test
  void hipaaNeedsBothTheCoveredEntityAndHealthInformation() {
    assertThat(obligations(scope(PHI, true, PEOPLE_AFFECTED, 800L, MAX_RESIDENTS_IN_ONE_STATE, 800L))).isEmpty();
    assertThat(obligations(scope(HIPAA_ENTITY, true, PEOPLE_AFFECTED, 800L, MAX_RESIDENTS_IN_ONE_STATE, 800L)))
        .isEmpty();
  }

  // --- SEC

  @Test
  void anSecRegistrantFilesForm8KFourUsBusinessDaysAfterMateriality() {
    assertThat(evaluate(scope(SEC_REGISTRANT, true))).singleElement().satisfies(row -> {
      assertThat(Outputs.DETERMINATION.from(row)).isEqualTo(MATERIAL);
      assertThat(Outputs.CLOCK_START.from(row)).isEqualTo(DETERMINED);
      assertThat(Outputs.DEADLINE.from(row)).isEqualTo("4BD");
      assertThat(Outputs.DEADLINE_KIND.from(row)).isEqualTo(NotificationClock.KIND_BUSINESS_DAYS);
      assertThat(Outputs.CALENDAR.from(row)).isEqualTo(BusinessDayCalendar.US);
    });
  }

  // --- California

  @Test
  void oneCaliforniaResidentIsNotifiedIn30Days() {
    assertThat(obligations(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, 0L))).isEmpty();
    assertThat(obligations(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, 1L))).containsExactly(US_CA_RESIDENTS);
    assertThat(obligations(scope(PERSONAL_DATA, false, CALIFORNIA_RESIDENTS, 900L))).isEmpty();
  }

  @Test
  void theAttorneyGeneralGetsTheSampleNoticeAboveNotAt500Residents() {
    assertThat(obligations(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, 500L))).containsExactly(US_CA_RESIDENTS);
    assertThat(evaluate(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, 501L)))
        .extracting(Outputs.CODE::from, Outputs.CLOCK_START::from, Outputs.STARTS_AFTER::from)
        .containsExactly(tuple(US_CA_RESIDENTS.name(), AWARENESS, null),
            tuple(US_CA_AG.name(), FILED, US_CA_RESIDENTS.name()));
  }

  // --- PCI DSS

  @Test
  void cardDataOfAPciMerchantGoesToTheCardBrandsAtOnce() {
    assertThat(obligations(scope(PAN, true, PCI_MERCHANT, true))).containsExactly(PCI_DSS);
    assertThat(obligations(scope(PAN, true))).isEmpty();
    assertThat(obligations(scope(PCI_MERCHANT, true))).isEmpty();
  }

  // --- values as callers pass them

  @Test
  void countsAsFormsAndCodePassThem() {
    // Long (forms, ObligationsApi), Integer (code), Double (some forms): the same edges
    for (Object count : List.<Object>of(501L, 501, 501.0)) {
      assertThat(obligations(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, count)))
          .as("%s", count.getClass().getSimpleName()).containsExactly(US_CA_RESIDENTS, US_CA_AG);
    }
    assertThat(obligations(scope(PERSONAL_DATA, true, CALIFORNIA_RESIDENTS, 500))).containsExactly(US_CA_RESIDENTS);
  }

  @Test
  void anUnknownFactMatchesNoRowThatNeedsIt() {
    assertThat(obligations(scope(PERSONAL_DATA, true, EU_RESIDENTS, null))).isEmpty();
    assertThat(obligations(scope(PERSONAL_DATA, null, EU_RESIDENTS, 5L))).isEmpty();
    // nobody counted at all: the individuals, neither HHS row
    assertThat(obligations(scope(HIPAA_ENTITY, true, PHI, true, PEOPLE_AFFECTED, null)))
        .containsExactly(HIPAA_INDIVIDUALS);
  }

  // --- the table against its contract

  @Test
  void theColumnsAreTheContractsInputsAndOutputs() throws IllegalAccessException {
    DecisionTable table = decisionTable();
    assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
        .containsExactlyInAnyOrderElementsOf(names(Inputs.class));
    assertThat(table.getInputs()).extracting(Input::getLabel).doesNotContainNull().allMatch(l -> !l.isBlank());
    assertThat(table.getOutputs()).extracting(Output::getName)
        .containsExactlyInAnyOrderElementsOf(names(Outputs.class));
    Output codes = table.getOutputs().stream().filter(o -> o.getName().equals(Outputs.CODE.name())).findFirst()
        .orElseThrow();
    assertThat(codes.getOutputValues().getText().getTextContent().split(","))
        .containsExactlyElementsOf(Arrays.stream(Code.values()).map(c -> "\"" + c.name() + "\"").toList());
    assertThat(table.getRules()).extracting(Rule::getDescription).doesNotContainNull();
    assertThat(table.getRules()).extracting(Rule::getId).containsExactlyElementsOf(RULES.values());
  }

  @Test
  void everyRowUsesTheContractsWordsAndTheClockCanComputeIt() {
    List<Map<String, Object>> rows = Stream.concat(
        allRowsBut(PEOPLE_AFFECTED, 600L).stream(), allRowsBut(PEOPLE_AFFECTED, 10L).stream()).toList();
    Set<String> codes = new HashSet<>();
    rows.forEach(row -> codes.add(Outputs.CODE.from(row)));
    assertThat(codes).hasSize(Code.values().length);
    assertThat(rows).extracting(Outputs.CLOCK_START::from).containsOnly(AWARENESS, DETERMINED, FILED);
    assertThat(rows).extracting(Outputs.DETERMINATION::from)
        .containsOnly(null, RISK, HIGH_RISK, SIGNIFICANT, MAJOR, MATERIAL);
    assertThat(rows).extracting(Outputs.AUDIENCE::from).containsOnly("authority", "individuals", "media",
        "card-brands");
    assertThat(rows).extracting(Outputs.DEADLINE_KIND::from).containsOnly(NotificationClock.KIND_ELAPSED,
        NotificationClock.KIND_TARGET, NotificationClock.KIND_BUSINESS_DAYS, NotificationClock.KIND_AFTER_YEAR_END);
    assertThat(rows).extracting(Outputs.DEADLINE_CAP::from).containsOnly(null, "PT24H");
    assertThat(rows).extracting(Outputs.CALENDAR::from).containsOnly(null, BusinessDayCalendar.US);
    NotificationClock clock = new NotificationClock();
    Instant aware = Instant.parse("2026-03-02T09:00:00Z");
    for (Map<String, Object> row : rows) {
      String code = Outputs.CODE.from(row);
      String clockStart = Outputs.CLOCK_START.from(row);
      String startsAfter = Outputs.STARTS_AFTER.from(row);
      // a clock that starts with a determination needs one; a filed one names an obligation of the table
      if (DETERMINED.equals(clockStart)) {
        assertThat(Outputs.DETERMINATION.from(row)).as(code).isNotNull();
      }
      assertThat(startsAfter != null).as(code + " startsAfter iff clock start filed").isEqualTo(FILED.equals(clockStart));
      if (startsAfter != null) {
        assertThat(codes).as(code).contains(startsAfter);
      }
      boolean businessDays = NotificationClock.KIND_BUSINESS_DAYS.equals(Outputs.DEADLINE_KIND.from(row));
      assertThat(Outputs.DEADLINE.from(row).matches("\\d+BD")).as(code).isEqualTo(businessDays);
      assertThat(Outputs.CALENDAR.from(row) != null).as(code + " names a calendar iff business days")
          .isEqualTo(businessDays);
      assertThat(clock.due(aware, aware, NotificationClock.Terms.of(row))).as(code).isAfter(aware);
    }
  }

  /** Every regime and all personal data, with one input changed. */
  private static List<Map<String, Object>> allRowsBut(Variable<?> input, Object value) {
    Map<String, Object> all = scope(PERSONAL_DATA, true, EU_RESIDENTS, 40L, CALIFORNIA_RESIDENTS, 700L,
        MAX_RESIDENTS_IN_ONE_STATE, 700L, PEOPLE_AFFECTED, 5_000L, PHI, true, PAN, true, NIS2_ENTITY, true,
        DORA_ENTITY, true, SEC_REGISTRANT, true, HIPAA_ENTITY, true, PCI_MERCHANT, true);
    all.put(input.name(), value);
    return evaluate(all);
  }

  private static DecisionTable decisionTable() {
    DmnModelInstance model = Dmn.readModelFromFile(Path.of("dmn", ObligationsApi.DECISION_KEY + ".dmn").toFile());
    return model.getModelElementsByType(DecisionTable.class).iterator().next();
  }

  /** The variable names a constants class defines. */
  private static List<String> names(Class<?> constants) throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : constants.getDeclaredFields()) {
      if (field.getType() == Variable.class) {
        names.add(((Variable<?>) field.get(null)).name());
      }
    }
    return names;
  }
}
