package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irfoundation.incident.DecisionTables.vars;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.irfoundation.incident.DecisionTables.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Row-by-row tests of {@code dmn/incident-severity.dmn} (hit policy FIRST). */
class IncidentSeverityDecisionTest {

  private static final DecisionTables TABLE = DecisionTables.load("incident-severity");

  /** What callers pass when nothing was observed: NONE / REGULAR / false / 0. */
  private static final Map<String, Object> NOTHING_OBSERVED = vars(
      "functionalImpact", "NONE",
      "informationImpact", "NONE",
      "recoverability", "REGULAR",
      "actorActive", false,
      "exfiltration", false,
      "privilegedAccount", false,
      "rootAccount", false,
      "productionAffected", false,
      "encryptionObserved", false,
      "personalData", false,
      "credentialsPublic", false,
      "persistenceFound", false,
      "lateralMovement", false,
      "accountsAffected", 0);

  private static final Map<String, String> RESPONSE_SLA = Map.of("P1", "PT15M", "P2", "PT1H", "P3", "PT4H", "P4", "PT24H");

  static Stream<Case> cases() {
    return Stream.of(
        // P1 findings; an active actor keeps P1 at P1
        severity("root account used", "Rule_P1_RootAccount", "P1", "rootAccount", true),
        severity("root account used, actor active", "Rule_P1_RootAccount", "P1", "rootAccount", true, "actorActive", true),
        severity("root account and persistence: P1 wins", "Rule_P1_RootAccount", "P1", "rootAccount", true,
            "persistenceFound", true),
        severity("2 accounts affected", "Rule_P1_SeveralAccounts", "P1", "accountsAffected", 2),
        severity("1 account affected is no finding", "Rule_P4_NoImpact", "P4", "accountsAffected", 1),
        severity("data exfiltrated", "Rule_P1_Exfiltration", "P1", "exfiltration", true),
        severity("encryption observed", "Rule_P1_EncryptionObserved", "P1", "encryptionObserved", true),
        severity("personal data accessed", "Rule_P1_PersonalData", "P1", "personalData", true),
        // NIST information impact PRIVACY is personal data accessed or taken: P1 like the indicator
        severity("information impact PRIVACY", "Rule_P1_PrivacyImpact", "P1", "informationImpact", "PRIVACY"),
        severity("information impact PRIVACY, actor active", "Rule_P1_PrivacyImpact", "P1", "informationImpact",
            "PRIVACY", "actorActive", true),
        severity("information impact PRIVACY and personal data", "Rule_P1_PersonalData", "P1", "informationImpact",
            "PRIVACY", "personalData", true),
        severity("production, high functional impact", "Rule_P1_ProductionHighImpact", "P1", "productionAffected", true,
            "functionalImpact", "HIGH"),
        severity("production, medium functional impact", "Rule_P2_MediumFunctionalImpact", "P2",
            "productionAffected", true, "functionalImpact", "MEDIUM"),
        severity("production affected alone", "Rule_P4_NoImpact", "P4", "productionAffected", true),
        severity("high functional impact", "Rule_P1_HighFunctionalImpact", "P1", "functionalImpact", "HIGH"),
        severity("high functional impact, actor active", "Rule_P1_HighFunctionalImpact", "P1", "functionalImpact", "HIGH",
            "actorActive", true),
        severity("not recoverable", "Rule_P1_NotRecoverable", "P1", "recoverability", "NOT_RECOVERABLE"),
        // P2 findings, and the same with an active actor: raised to P1
        severity("persistence", "Rule_P2_Persistence", "P2", "persistenceFound", true),
        severity("persistence, actor active", "Rule_P1_ActiveActor_Persistence", "P1", "persistenceFound", true,
            "actorActive", true),
        severity("lateral movement", "Rule_P2_LateralMovement", "P2", "lateralMovement", true),
        severity("lateral movement, actor active", "Rule_P1_ActiveActor_LateralMovement", "P1", "lateralMovement", true,
            "actorActive", true),
        severity("credentials public", "Rule_P2_CredentialsPublic", "P2", "credentialsPublic", true),
        severity("credentials public, actor active", "Rule_P1_ActiveActor_CredentialsPublic", "P1",
            "credentialsPublic", true, "actorActive", true),
        severity("privileged account", "Rule_P2_PrivilegedAccount", "P2", "privilegedAccount", true),
        severity("privileged account, 1 account", "Rule_P2_PrivilegedAccount", "P2", "privilegedAccount", true,
            "accountsAffected", 1),
        severity("privileged account, actor active", "Rule_P1_ActiveActor_PrivilegedAccount", "P1",
            "privilegedAccount", true, "actorActive", true),
        severity("information impact NONE", "Rule_P4_NoImpact", "P4", "informationImpact", "NONE"),
        severity("information impact PROPRIETARY", "Rule_P2_InformationImpact", "P2", "informationImpact", "PROPRIETARY"),
        severity("information impact INTEGRITY", "Rule_P2_InformationImpact", "P2", "informationImpact", "INTEGRITY"),
        severity("information impact PROPRIETARY, actor active", "Rule_P1_ActiveActor_InformationImpact", "P1",
            "informationImpact", "PROPRIETARY", "actorActive", true),
        severity("information impact INTEGRITY, actor active", "Rule_P1_ActiveActor_InformationImpact", "P1",
            "informationImpact", "INTEGRITY", "actorActive", true),
        severity("medium functional impact", "Rule_P2_MediumFunctionalImpact", "P2", "functionalImpact", "MEDIUM"),
        severity("medium functional impact, actor active", "Rule_P1_ActiveActor_MediumFunctionalImpact", "P1",
            "functionalImpact", "MEDIUM", "actorActive", true),
        severity("extended recovery", "Rule_P2_ExtendedRecovery", "P2", "recoverability", "EXTENDED"),
        severity("extended recovery, actor active", "Rule_P1_ActiveActor_ExtendedRecovery", "P1",
            "recoverability", "EXTENDED", "actorActive", true),
        severity("low impact and persistence: P2 wins", "Rule_P2_Persistence", "P2", "functionalImpact", "LOW",
            "persistenceFound", true),
        // active actor raises P3 and P4 to P2
        severity("nothing observed, actor active", "Rule_P2_ActiveActor", "P2", "actorActive", true),
        severity("low functional impact, actor active", "Rule_P2_ActiveActor", "P2", "functionalImpact", "LOW",
            "actorActive", true),
        severity("supplemented recovery, actor active", "Rule_P2_ActiveActor", "P2", "recoverability", "SUPPLEMENTED",
            "actorActive", true),
        // P3 and P4
        severity("low functional impact", "Rule_P3_LowFunctionalImpact", "P3", "functionalImpact", "LOW"),
        severity("supplemented recovery", "Rule_P3_SupplementedRecovery", "P3", "recoverability", "SUPPLEMENTED"),
        severity("nothing observed", "Rule_P4_NoImpact", "P4"));
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

  /** For every case without an active actor: the same findings with an active actor are one level up, at least P2. */
  @Test
  void activeActorRaisesOneLevelToAtLeastP2NeverAboveP1() {
    cases().filter(c -> c.inputs().get("actorActive").equals(false)).forEach(c -> {
      Map<String, Object> withActor = new LinkedHashMap<>(c.inputs());
      withActor.put("actorActive", true);
      String before = (String) c.outputs().get("severity");
      String expected = switch (before) {
        case "P1", "P2" -> "P1";
        default -> "P2";
      };
      assertThat(TABLE.evaluate(withActor).outputs())
          .as("%s, actor active", c.name())
          .singleElement()
          .satisfies(outputs -> assertThat(outputs).containsEntry("severity", expected)
              .containsEntry("responseSla", RESPONSE_SLA.get(expected)));
    });
  }

  /** A case: nothing observed except the given variable/value pairs. */
  private static Case severity(String name, String ruleId, String severity, Object... observed) {
    Map<String, Object> inputs = new LinkedHashMap<>(NOTHING_OBSERVED);
    inputs.putAll(vars(observed));
    return new Case(name, inputs, ruleId, vars("severity", severity, "responseSla", RESPONSE_SLA.get(severity)));
  }
}
