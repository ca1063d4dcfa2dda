package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Row tests of {@code dmn/notification-obligations.dmn} (hit policy COLLECT): every rule and the edges. */
class NotificationObligationsDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;
  static final List<String> matched = new ArrayList<>();
  static final Set<String> everMatched = new LinkedHashSet<>();

  @BeforeAll
  static void load() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).forEach(matched::add)));
    engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn", "notification-obligations.dmn"))) {
      decision = engine.parseDecision("notification-obligations", in);
    }
  }

  @AfterAll
  static void everyRuleWasHit() {
    List<String> all = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
        .map(DmnDecisionTableRuleImpl::getId).toList();
    assertThat(all).hasSize(16);
    assertThat(everMatched).as("rules hit by this class").containsExactlyInAnyOrderElementsOf(all);
  }

  /** Facts of a breach: nothing applies unless set. */
  static Map<String, Object> facts(Object... keysAndValues) {
    Map<String, Object> v = new HashMap<>();
    for (String name : List.of("euResidents", "pii", "phi", "pan", "nis2Entity", "doraEntity", "secRegistrant",
        "pciMerchant")) {
      v.put(name, false);
    }
    for (String name : List.of("gdprRisk", "peopleAffected", "californiaResidents", "maxResidentsInOneState",
        "dataEncrypted", "keyCompromised")) {
      v.put(name, null);
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      v.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return v;
  }

  static List<Map<String, Object>> evaluate(Map<String, Object> facts) {
    matched.clear();
    List<Map<String, Object>> result = engine.evaluateDecisionTable(decision, facts).getResultList();
    everMatched.addAll(matched);
    return result;
  }

  static List<String> rules(Map<String, Object> facts) {
    evaluate(facts);
    return List.copyOf(matched);
  }

  @Test
  void euPersonalDataMeansGdprArticle33Within72HoursOfAwareness() {
    List<Map<String, Object>> result = evaluate(facts("euResidents", true, "pii", true, "peopleAffected", 1200));
    assertThat(matched).containsExactly("Rule_GdprArt33");
    assertThat(result).singleElement().satisfies(o -> assertThat(o)
        .containsEntry("regulation", "GDPR Art. 33").containsEntry("recipient", "Lead supervisory authority")
        .containsEntry("audience", "authority").containsEntry("clockStart", "awareness")
        .containsEntry("deadline", "PT72H").containsEntry("deadlineKind", "elapsed"));
    // the privacy officer's risk assessment: a risk keeps it, "unlikely" drops it, "high" adds the data subjects
    assertThat(rules(facts("euResidents", true, "pii", true, "gdprRisk", "risk"))).containsExactly("Rule_GdprArt33");
    assertThat(rules(facts("euResidents", true, "pii", true, "gdprRisk", "unlikely"))).isEmpty();
    assertThat(evaluate(facts("euResidents", true, "pii", true, "gdprRisk", "high")))
        .extracting(o -> o.get("regulation"), o -> o.get("audience"), o -> o.get("clockStart"), o -> o.get("deadlineKind"))
        .containsExactly(tuple("GDPR Art. 33", "authority", "awareness", "elapsed"),
            tuple("GDPR Art. 34", "individuals", "high-risk-determined", "target"));
    assertThat(rules(facts("euResidents", false, "pii", true, "gdprRisk", "high"))).isEmpty();
  }

  @Test
  void fiveHundredCaliforniaResidentsMeanTheStateNoticeIn30DaysAndTheAttorneyGeneralSampleNotice() {
    assertThat(evaluate(facts("pii", true, "californiaResidents", 500, "peopleAffected", 500)))
        .extracting(o -> o.get("regulation"), o -> o.get("recipient"), o -> o.get("clockStart"), o -> o.get("deadline"))
        .containsExactly(
            tuple("California Civ. Code 1798.82", "Affected California residents", "discovery", "P30D"),
            tuple("California Civ. Code 1798.82 AG sample notice", "California Attorney General", "residents-notified",
                "P15D"));
    // edge: 499 residents are notified, the Attorney General is not
    assertThat(rules(facts("pii", true, "californiaResidents", 499))).containsExactly("Rule_CaliforniaResidents");
    assertThat(rules(facts("pii", true, "californiaResidents", 1))).containsExactly("Rule_CaliforniaResidents");
    assertThat(rules(facts("pii", true, "californiaResidents", 0))).isEmpty();
    // safe harbour: encrypted with a safe key; an unknown key is not safe
    assertThat(rules(facts("pii", true, "californiaResidents", 800, "dataEncrypted", "yes", "keyCompromised", "no")))
        .isEmpty();
    assertThat(rules(facts("pii", true, "californiaResidents", 800, "dataEncrypted", "yes",
        "keyCompromised", "unknown"))).containsExactly("Rule_CaliforniaResidents", "Rule_CaliforniaAttorneyGeneral");
    assertThat(rules(facts("pii", true, "californiaResidents", 800, "dataEncrypted", "no")))
        .containsExactly("Rule_CaliforniaResidents", "Rule_CaliforniaAttorneyGeneral");
  }

  @Test
  void healthDataOf600PeopleMeansHipaaIndividualsIn60DaysAndHhsAtOnce() {
    assertThat(evaluate(facts("phi", true, "peopleAffected", 600, "maxResidentsInOneState", 300)))
        .extracting(o -> o.get("regulation"), o -> o.get("recipient"), o -> o.get("deadline"), o -> o.get("deadlineKind"))
        .containsExactly(
            tuple("HIPAA individual notice", "Affected individuals", "P60D", "elapsed"),
            tuple("HIPAA HHS notice (500 or more)", "HHS Office for Civil Rights", "PT24H", "target"));
    // edge: 499 people go to the HHS annual log instead
    assertThat(evaluate(facts("phi", true, "peopleAffected", 499)))
        .extracting(o -> o.get("regulation"), o -> o.get("deadline"), o -> o.get("deadlineKind"))
        .containsExactly(tuple("HIPAA individual notice", "P60D", "elapsed"),
            tuple("HIPAA HHS annual log (under 500)", "P60D", "after-year-end"));
    // 500 residents of one state add the media
    assertThat(rules(facts("phi", true, "peopleAffected", 500, "maxResidentsInOneState", 500)))
        .containsExactly("Rule_HipaaIndividuals", "Rule_HipaaHhsAtOnce", "Rule_HipaaMedia");
    assertThat(rules(facts("phi", true, "peopleAffected", 600, "maxResidentsInOneState", 499)))
        .doesNotContain("Rule_HipaaMedia");
    // secured (encrypted, key safe) PHI is no HIPAA breach
    assertThat(rules(facts("phi", true, "peopleAffected", 600, "dataEncrypted", "yes", "keyCompromised", "no")))
        .isEmpty();
  }

  @Test
  void anSecRegistrantFilesForm8KFourBusinessDaysAfterMateriality() {
    assertThat(evaluate(facts("secRegistrant", true))).singleElement().satisfies(o -> assertThat(o)
        .containsEntry("regulation", "SEC Form 8-K Item 1.05").containsEntry("clockStart", "materiality")
        .containsEntry("deadline", "4BD").containsEntry("deadlineKind", "business-days"));
  }

  @Test
  void nis2AndDoraEntitiesGetTheirThreeReports() {
    assertThat(evaluate(facts("nis2Entity", true)))
        .extracting(o -> o.get("regulation"), o -> o.get("clockStart"), o -> o.get("deadline"))
        .containsExactly(tuple("NIS2 Art. 23 early warning", "awareness", "PT24H"),
            tuple("NIS2 Art. 23 incident notification", "awareness", "PT72H"),
            tuple("NIS2 Art. 23 final report", "awareness", "P1M"));
    assertThat(evaluate(facts("doraEntity", true)))
        .extracting(o -> o.get("regulation"), o -> o.get("clockStart"), o -> o.get("deadline"))
        .containsExactly(tuple("DORA initial notification", "classification", "PT4H"),
            tuple("DORA intermediate report", "classification", "PT72H"),
            tuple("DORA final report", "classification", "P1M"));
  }

  @Test
  void cardDataOfAPciMerchantGoesToTheCardBrandsAtOnce() {
    assertThat(evaluate(facts("pan", true, "pciMerchant", true))).singleElement().satisfies(o -> assertThat(o)
        .containsEntry("regulation", "PCI DSS 12.10").containsEntry("recipient", "Card brands and acquirer")
        .containsEntry("clockStart", "confirmed-compromise").containsEntry("deadlineKind", "target"));
    assertThat(rules(facts("pan", true, "pciMerchant", false))).isEmpty();
    assertThat(rules(facts("pan", false, "pciMerchant", true))).isEmpty();
  }

  @Test
  void obligationsAddUpAndNothingAppliesToNothing() {
    assertThat(rules(facts())).isEmpty();
    assertThat(rules(facts("euResidents", true, "pii", true, "gdprRisk", "high", "nis2Entity", true,
        "secRegistrant", true, "californiaResidents", 700, "peopleAffected", 5000)))
        .containsExactly("Rule_GdprArt33", "Rule_GdprArt34", "Rule_Nis2EarlyWarning", "Rule_Nis2Notification",
            "Rule_Nis2FinalReport", "Rule_SecForm8K", "Rule_CaliforniaResidents", "Rule_CaliforniaAttorneyGeneral");
    // numbers as forms submit them (Long or Double) and as code passes them (Integer)
    assertThat(rules(facts("pii", true, "californiaResidents", 500L))).hasSize(2);
    assertThat(rules(facts("pii", true, "californiaResidents", 500.0))).hasSize(2);
  }
}
