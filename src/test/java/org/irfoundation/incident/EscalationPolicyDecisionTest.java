package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irfoundation.incident.DecisionTables.vars;

import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.irfoundation.incident.DecisionTables.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Row-by-row tests of {@code dmn/escalation-policy.dmn} (hit policy FIRST). */
class EscalationPolicyDecisionTest {

  private static final DecisionTables TABLE = DecisionTables.load("escalation-policy");

  private static final Map<String, Object> P1 = outputs(
      "ir-lead,ir-analyst,it-operations,legal,communications,executive", "PT15M", "PT30M", true, true);
  private static final Map<String, Object> P2 = outputs("ir-lead,ir-analyst,it-operations,legal", "PT1H", "PT2H",
      false, true);
  private static final Map<String, Object> P3 = outputs("ir-lead,ir-analyst", "PT4H", "P1D", false, false);
  private static final Map<String, Object> P4 = outputs("ir-analyst", "PT24H", "P1D", false, false);
  /** Malware and ransomware: status updates every 15 min at P1 and every hour at P2 (playbook reference). */
  private static final Map<String, Object> P1_MALWARE = outputs(
      "ir-lead,ir-analyst,it-operations,legal,communications,executive", "PT15M", "PT15M", true, true);
  private static final Map<String, Object> P2_MALWARE = outputs("ir-lead,ir-analyst,it-operations,legal", "PT1H",
      "PT1H", false, true);

  /** Malware and ransomware at P1 (encryption in progress raises it): the IR lead contains at once. */
  static final String STANDING_AUTHORITY_P1_MALWARE = "ISOLATE_HOST,DEACTIVATE_ACCESS_KEY,REVOKE_SESSIONS,DISABLE_USER";

  static Stream<Case> cases() {
    return Stream.of(
        escalation("P1", "SERVICE", "Rule_P1_ServiceDomain", P1, true),
        escalation("P1", "INFRASTRUCTURE", "Rule_P1", P1, false),
        escalation("P1", "APPLICATION", "Rule_P1", P1, false),
        escalation("P1", null, "Rule_P1", P1, false),
        escalation("P1", "", "Rule_P1", P1, false),
        escalation("P2", "SERVICE", "Rule_P2_ServiceDomain", P2, true),
        escalation("P2", "INFRASTRUCTURE", "Rule_P2", P2, false),
        escalation("P2", null, "Rule_P2", P2, false),
        escalation("P3", "SERVICE", "Rule_P3", P3, false),
        escalation("P3", null, "Rule_P3", P3, false),
        escalation("P4", "SERVICE", "Rule_P4", P4, false),
        escalation("P4", null, "Rule_P4", P4, false),
        escalation("P1", "SERVICE", "RANSOMWARE", "Rule_Malware_P1_ServiceDomain", P1_MALWARE, true),
        escalation("P1", null, "MALWARE", "Rule_Malware_P1", P1_MALWARE, false),
        escalation("P2", "SERVICE", "MALWARE", "Rule_Malware_P2_ServiceDomain", P2_MALWARE, true),
        escalation("P2", "APPLICATION", "RANSOMWARE", "Rule_Malware_P2", P2_MALWARE, false),
        escalation("P1", null, "COMPROMISED_ACCOUNT", "Rule_P1", P1, false),
        escalation("P2", null, "DATA_BREACH", "Rule_P2", P2, false),
        escalation("P3", null, "RANSOMWARE", "Rule_P3", P3, false),
        // the edge of standing authority: P1 ransomware has it, P2 ransomware and P1 of another category do not
        escalation("P1", "APPLICATION", "RANSOMWARE", "Rule_Malware_P1", P1_MALWARE, false),
        escalation("P2", null, "RANSOMWARE", "Rule_Malware_P2", P2_MALWARE, false),
        escalation("P1", "SERVICE", "COMPROMISED_ACCOUNT", "Rule_P1_ServiceDomain", P1, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rowMatches(Case testCase) {
    TABLE.assertCase(testCase);
  }

  @Test
  void everyRuleIsHitByTheCases() {
    TABLE.assertEveryRuleHitBy(cases());
  }

  /** Engaged groups are Camunda group ids of the IR team; SLAs and cadences are ISO-8601 durations. */
  @Test
  void outputsAreGroupIdsAndIsoDurations() {
    var groupIds = Roles.RESPONDER_ROLES.stream().map(Roles.Role::id).toList();
    cases().forEach(c -> {
      Map<String, Object> outputs = TABLE.evaluate(c.inputs()).outputs().get(0);
      assertThat(Arrays.asList(((String) outputs.get("engagedGroups")).split(","))).as(c.name())
          .isSubsetOf(groupIds).doesNotHaveDuplicates();
      assertThat(Duration.parse((String) outputs.get("acknowledgeSla"))).as(c.name()).isPositive();
      assertThat(isoDuration((String) outputs.get("statusUpdateCadence"))).as(c.name()).isPositive();
    });
  }

  /** ISO-8601 duration with a date part (P1D) or a time part (PT30M). */
  private static Duration isoDuration(String text) {
    return text.contains("T") ? Duration.parse(text) : Duration.ofDays(Period.parse(text).getDays());
  }

  private static Case escalation(String severity, String domain, String ruleId, Map<String, Object> outputs,
      boolean providerEngaged) {
    return escalation(severity, domain, null, ruleId, outputs, providerEngaged);
  }

  private static Case escalation(String severity, String domain, String category, String ruleId,
      Map<String, Object> outputs, boolean providerEngaged) {
    Map<String, Object> expected = new LinkedHashMap<>(outputs);
    expected.put("providerEngaged", providerEngaged);
    expected.put("standingAuthority", ruleId.startsWith("Rule_Malware_P1") ? STANDING_AUTHORITY_P1_MALWARE : "");
    return new Case(severity + " " + domain + " " + category,
        vars("severity", severity, "domain", domain, "category", category), ruleId, expected);
  }

  private static Map<String, Object> outputs(String engagedGroups, String acknowledgeSla, String statusUpdateCadence,
      boolean executiveNotice, boolean legalEngaged) {
    return vars("engagedGroups", engagedGroups, "acknowledgeSla", acknowledgeSla,
        "statusUpdateCadence", statusUpdateCadence, "executiveNotice", executiveNotice, "legalEngaged", legalEngaged);
  }
}
