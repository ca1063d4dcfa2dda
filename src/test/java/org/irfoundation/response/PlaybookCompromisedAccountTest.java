package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_TYPE;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.CompromisedAccountPlaybookApi.Elements.*;
import static org.irfoundation.testing.ProcessTestEngine.INCIDENT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.RestrictIncidentDelegate;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.CompromisedAccountPlaybookApi.Variables;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.irfoundation.testing.StubModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of {@code playbook-compromised-account} on the in-memory engine: each gateway branch, both timers
 * on tasks, both watch windows, the three loops back to containment and the hand-off to the data-breach
 * playbook. Evidence collection and the data-breach playbook are test stand-ins ({@code stub-bpmn/}); the RACI
 * is the real table.
 */
@Deployment(resources = {
    "bpmn/playbook-compromised-account.bpmn",
    "stub-bpmn/evidence-collection.bpmn",
    "stub-bpmn/playbook-data-breach.bpmn",
    "dmn/raci.dmn",
    "bpmn/forms/playbook-account-triage.form",
    "bpmn/forms/playbook-account-assess.form",
    "bpmn/forms/playbook-account-investigate.form",
    "bpmn/forms/playbook-account-outside-help.form",
    "bpmn/forms/playbook-account-contain-access-key.form",
    "bpmn/forms/playbook-account-contain-login.form",
    "bpmn/forms/playbook-account-contain-session-tokens.form",
    "bpmn/forms/playbook-account-contain-mailbox.form",
    "bpmn/forms/playbook-account-insider-review.form",
    "bpmn/forms/playbook-account-watch.form",
    "bpmn/forms/playbook-account-eradicate.form",
    "bpmn/forms/playbook-account-quiet.form",
    "bpmn/forms/playbook-account-recover.form"})
class PlaybookCompromisedAccountTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(0.95);

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder recordTimelineEvent = engine.record("recordTimelineEvent");
  final Recorder restrictIncident = engine.record("restrictIncident");

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(T0);
  }

  @Test
  void adminMisuseIsP1NotifiesOwnerAndLegalAndRunsContainToRecovery() {
    ProcessInstance pi = start("P2");
    Task triage = task(TASK_TRIAGE, pi);
    assertThat(engine.candidateGroups(triage)).containsExactly("ir-lead");
    assertThat(engine.getFormService().getDeployedTaskForm(triage.getId())).isNotNull();

    triage(pi, "accessKey", "yes", "yes");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Decided.SEVERITY.name())).isEqualTo("P1");
    assertThat(recordTimelineEvent.single()).containsEntry(EVENT_TYPE.name(), TimelineEvent.SEVERITY_RAISED.name())
        .containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.ACCOUNT_COMPROMISED.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal,business-stakeholder");
    assertThat(engine.candidateGroups(task(TASK_ASSESS_USE, pi))).containsExactly("ir-analyst");

    assess(pi, "confirmed");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DEACTIVATE_ACCESS_KEY);
    assertThat(engine.candidateGroups(task(TASK_DEACTIVATE_ACCESS_KEY, pi))).containsExactly("it-operations");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");

    // evidence collection got the business key, the items of step 4 and no legal hold
    HistoricProcessInstance evidence = calledEvidence(pi).get(0);
    assertThat(evidence.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(variablesOf(evidence)).containsEntry(Variables.LEGAL_HOLD.name(), false)
        .containsEntry(Inputs.INCIDENT_ID.name(), INCIDENT)
        .hasEntrySatisfying(Variables.EVIDENCE_ITEMS.name(), items -> assertThat((String) items)
            .contains("Credential report").contains("Sign-in and API logs").contains("Access key ids and last use"));

    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    recover(pi, "no");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_COMPLETED).hasNotPassed(CALL_DATA_BREACH,
        TASK_RESTRICT_INCIDENT, TASK_INSIDER_REVIEW, EVENT_FALSE_POSITIVE);
  }

  @Test
  void triageNotDoneIn15MinutesEscalatesToTheAccountableRoleAndTriageGoesOn() {
    ProcessInstance pi = start("P3");
    Job overdue = job(EVENT_TRIAGE_OVERDUE, pi);
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    engine.setCurrentTime(T0.plus(Duration.ofMinutes(15)));
    execute(overdue);
    engine.runAsyncJobs(pi);
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.TRIAGE_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "ir-lead").containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_TRIAGE)
        .hasPassed(TASK_NOTIFY_TRIAGE_OVERDUE, EVENT_TRIAGE_OVERDUE_NOTIFIED);
  }

  @Test
  void aConfirmedLegitimateUseIsClosedAsFalsePositiveWithoutNotices() {
    ProcessInstance pi = start("P3");
    triage(pi, "consoleLogin", "no", "yes");
    assertThat(notifyGroups.calls()).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Decided.SEVERITY.name())).isEqualTo("P3");
    assess(pi, "legitimate");
    assertThat(recordTimelineEvent.single()).containsEntry(EVENT_TYPE.name(), TimelineEvent.FALSE_POSITIVE.name());
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_FALSE_POSITIVE).hasNotPassed(TASK_RECORD_P1,
        TASK_NOTIFY_OWNER_AND_LEGAL, GATEWAY_CREDENTIAL_TYPE);
  }

  @Test
  void anAnomalousUseIsInvestigatedFirstAndDecidedAgain() {
    ProcessInstance pi = start("P3");
    triage(pi, "sessionTokens", "yes", "no");
    assess(pi, "anomalous");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_INVESTIGATE_FIRST);
    complete(task(TASK_INVESTIGATE_FIRST, pi), withVariables("investigationFindings", "sign-ins from a new ASN"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ASSESS_USE);
    assess(pi, "exposed");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVOKE_SESSION_TOKENS);
  }

  @Test
  void stillUnclearAfter30MinutesGoesToTheIrLeadToEngageOutsideHelp() {
    ProcessInstance pi = start("P3");
    triage(pi, "mailbox", "no", "no");
    Job unclear = job(EVENT_STILL_UNCLEAR, pi);
    assertThat(unclear.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    engine.setCurrentTime(T0.plus(Duration.ofMinutes(30)));
    execute(unclear);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ENGAGE_OUTSIDE_HELP).isNotWaitingAt(TASK_ASSESS_USE);
    Task outsideHelp = task(TASK_ENGAGE_OUTSIDE_HELP, pi);
    assertThat(engine.candidateGroups(outsideHelp)).containsExactly("ir-lead");
    complete(outsideHelp, withVariables("outsideHelpProvider", "AWS CIRT case 123",
        Variables.USE_ASSESSMENT.name(), "confirmed"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CLEAN_MAILBOX);
  }

  @ParameterizedTest
  @CsvSource({
      "accessKey,     " + TASK_DEACTIVATE_ACCESS_KEY,
      "consoleLogin,  " + TASK_BLOCK_SIGN_IN,
      "sessionTokens, " + TASK_REVOKE_SESSION_TOKENS,
      "mailbox,       " + TASK_CLEAN_MAILBOX})
  void containmentFollowsTheCredentialType(String credentialType, String containTask) {
    ProcessInstance pi = start("P3");
    triage(pi, credentialType, "no", "no");
    assess(pi, "confirmed");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(containTask);
    assertThat(engine.getFormService().getDeployedTaskForm(task(containTask, pi).getId())).isNotNull();
    contain(pi, containTask, "no");
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_WATCH_WINDOW);
  }

  @Test
  void insiderIndicatorsRestrictTheIncidentBringInLegalAndPutTheEvidenceUnderLegalHold() {
    ProcessInstance pi = start("P3");
    triage(pi, "consoleLogin", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_BLOCK_SIGN_IN, "yes");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RESTRICT_INCIDENT);
    engine.runAsyncJobs(pi);
    assertThat(restrictIncident.single()).containsEntry(Recorder.BUSINESS_KEY, INCIDENT)
        .containsKey(RestrictIncidentDelegate.RESTRICTION_REASON.name());
    Task review = task(TASK_INSIDER_REVIEW, pi);
    assertThat(engine.candidateGroups(review)).containsExactly("legal");
    assertThat(calledEvidence(pi)).isEmpty(); // evidence waits for the legal hold
    complete(review, withVariables("hrContact", "HR partner", "insiderReviewNotes", "hold placed"));
    assertThat(variablesOf(calledEvidence(pi).get(0))).containsEntry(Variables.LEGAL_HOLD.name(), true);
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_WATCH_WINDOW);
  }

  @Test
  void lateralMovementRepeatsContainmentForTheOtherAccount() {
    ProcessInstance pi = start("P3");
    triage(pi, "accessKey", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "yes", "consoleLogin");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(TASK_BLOCK_SIGN_IN);
    contain(pi, TASK_BLOCK_SIGN_IN, "no");
    assertThat(calledEvidence(pi)).hasSize(2);
    watchWindow(pi, "no", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ERADICATE);
  }

  @Test
  void newCredentialsFoundInEradicationGoBackToContainment() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "yes", "sessionTokens");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(TASK_REVOKE_SESSION_TOKENS);
    contain(pi, TASK_REVOKE_SESSION_TOKENS, "no");
    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_QUIET_WINDOW);
  }

  @Test
  void maliciousActivityInTheQuietWindowGoesBackToContainment() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "no", null);
    quietWindow(pi, "yes", "mailbox");
    BpmnAwareTests.assertThat(pi).isWaitingAtExactly(TASK_CLEAN_MAILBOX);
  }

  @Test
  void dataAccessedStartsTheDataBreachPlaybookWithTheIncidentAsBusinessKey() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    Task recover = task(TASK_RECOVER, pi);
    assertThat(engine.candidateGroups(recover)).containsExactly("it-operations");
    complete(recover, withVariables(Variables.DATA_ACCESSED.name(), "yes"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_DATA_BREACH);
    ProcessInstance dataBreach = calledProcessInstance(processInstanceQuery()
        .processDefinitionKey(CompromisedAccountPlaybookApi.DATA_BREACH_KEY), pi);
    assertThat(dataBreach.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.getRuntimeService().getVariables(dataBreach.getId()))
        .containsEntry(Inputs.INCIDENT_ID.name(), INCIDENT).containsEntry(Variables.DATA_ACCESSED.name(), "yes");
    complete(task(StubModels.TASK_WORK_PLAYBOOK, dataBreach));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(CALL_DATA_BREACH, EVENT_COMPLETED);
  }

  @Test
  void calledByAPlaybookThatHandlesTheDataBreachItDoesNotStartTheDataBreachPlaybook() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
        CompromisedAccountPlaybookApi.PROCESS_KEY, INCIDENT, Map.of(Inputs.INCIDENT_ID.name(), INCIDENT,
            Inputs.TITLE.name(), "Stolen token", Decided.SEVERITY.name(), "P3", Decided.STATUS_UPDATE_CADENCE.name(),
            "PT30M", DataBreachApi.Vars.DATA_BREACH_HANDLED_BY_CALLER.name(), true));
    triage(pi, "accessKey", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    recover(pi, "yes");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_COMPLETED).hasNotPassed(CALL_DATA_BREACH);
    assertThat(processInstanceQuery().processDefinitionKey(CompromisedAccountPlaybookApi.DATA_BREACH_KEY).count())
        .isZero();
  }

  // ---------------------------------------------------------------- steps

  private ProcessInstance start(String severity) {
    return engine.getRuntimeService().startProcessInstanceByKey(CompromisedAccountPlaybookApi.PROCESS_KEY, INCIDENT,
        Map.of(Inputs.INCIDENT_ID.name(), INCIDENT, Inputs.TITLE.name(), "Access key used from TOR",
            Decided.SEVERITY.name(), severity, Decided.STATUS_UPDATE_CADENCE.name(), "PT30M"));
  }

  private ProcessInstance runToEradication() {
    ProcessInstance pi = start("P3");
    triage(pi, "accessKey", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "no", null);
    return pi;
  }

  private void triage(ProcessInstance pi, String credentialType, String adminRights, String unauthorisedUse) {
    complete(task(TASK_TRIAGE, pi), withVariables(Variables.CREDENTIAL_TYPE.name(), credentialType,
        Variables.ADMIN_RIGHTS.name(), adminRights, Variables.UNAUTHORISED_USE.name(), unauthorisedUse));
    engine.runAsyncJobs(pi);
  }

  private void assess(ProcessInstance pi, String useAssessment) {
    complete(task(TASK_ASSESS_USE, pi), withVariables(Variables.USE_ASSESSMENT.name(), useAssessment));
    engine.runAsyncJobs(pi);
  }

  private void contain(ProcessInstance pi, String containTask, String insiderIndicators) {
    complete(task(containTask, pi), withVariables(Variables.INSIDER_INDICATORS.name(), insiderIndicators));
  }

  /** The 30-minute watch window passes on the engine clock, then the logs are reviewed. */
  private void watchWindow(ProcessInstance pi, String lateralMovement, String otherCredentialType) {
    passTimer(pi, EVENT_WATCH_WINDOW, Duration.ofMinutes(30));
    complete(task(TASK_REVIEW_ACTIVITY_LOGS, pi),
        found(Variables.LATERAL_MOVEMENT_FOUND, lateralMovement, otherCredentialType));
  }

  private void eradicate(ProcessInstance pi, String newCredentialsFound, String credentialType) {
    complete(task(TASK_ERADICATE, pi), found(Variables.NEW_CREDENTIALS_FOUND, newCredentialsFound, credentialType));
  }

  private void quietWindow(ProcessInstance pi, String maliciousActivity, String credentialType) {
    passTimer(pi, EVENT_QUIET_WINDOW, Duration.ofMinutes(30));
    complete(task(TASK_CHECK_QUIET, pi), found(Variables.MALICIOUS_ACTIVITY, maliciousActivity, credentialType));
  }

  private void recover(ProcessInstance pi, String dataAccessed) {
    complete(task(TASK_RECOVER, pi), withVariables(Variables.DATA_ACCESSED.name(), dataAccessed));
  }

  private static Map<String, Object> found(Variable<String> question, String answer, String credentialType) {
    return credentialType == null ? withVariables(question.name(), answer)
        : withVariables(question.name(), answer, Variables.CREDENTIAL_TYPE.name(), credentialType);
  }

  private void passTimer(ProcessInstance pi, String timerEvent, Duration duration) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(timerEvent);
    Job timer = job(timerEvent, pi);
    Instant now = engine.currentTime();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(now.plus(duration));
    engine.setCurrentTime(now.plus(duration));
    execute(timer);
  }

  private List<HistoricProcessInstance> calledEvidence(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(CompromisedAccountPlaybookApi.EVIDENCE_COLLECTION_KEY).orderByProcessInstanceStartTime()
        .asc().list();
  }

  private Map<String, Object> variablesOf(HistoricProcessInstance instance) {
    return engine.historicVariables(instance.getId());
  }
}
