package org.irfoundation.incident;

import static org.irfoundation.incident.DecisionTables.vars;

import java.util.stream.Stream;
import org.irfoundation.incident.DecisionTables.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Row-by-row tests of {@code dmn/playbook-selection.dmn} (hit policy UNIQUE: every category hits exactly one rule). */
class PlaybookSelectionDecisionTest {

  private static final DecisionTables TABLE = DecisionTables.load("playbook-selection");

  static Stream<Case> cases() {
    return Stream.of(
        playbook("COMPROMISED_ACCOUNT", "Rule_CompromisedAccount", "playbook-compromised-account"),
        playbook("MALWARE", "Rule_MalwareRansomware", "playbook-malware-ransomware"),
        playbook("RANSOMWARE", "Rule_MalwareRansomware", "playbook-malware-ransomware"),
        playbook("DATA_BREACH", "Rule_DataBreach", "playbook-data-breach"),
        triage("UNKNOWN"),
        // fail-safe: a missing or unrecognised category also goes to the ir-lead instead of matching nothing
        triage(null),
        triage("PHISHING"));
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

  private static Case playbook(String category, String ruleId, String playbookKey) {
    return new Case(category, vars("category", category), ruleId,
        vars("playbookKey", playbookKey, "triageNeeded", false));
  }

  private static Case triage(String category) {
    return new Case(String.valueOf(category), vars("category", category), "Rule_UnknownCategory",
        vars("playbookKey", null, "triageNeeded", true));
  }
}
