package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.response.CompromisedAccountPlaybookApi.Elements.*;
import static org.irfoundation.response.PlaybookTestSupport.INCIDENT;
import static org.irfoundation.response.PlaybookTestSupport.candidateGroups;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.irfoundation.engine.Raci;
import org.irfoundation.response.PlaybookTestSupport.Recorder;
import org.junit.jupiter.api.AfterEach;
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
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(PlaybookTestSupport.coverageEngineConfiguration("irf-playbook-account"))
      .assertClassCoverageAtLeast(0.95)
      .build();

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = new Recorder();
  final Recorder recordTimelineEvent = new Recorder();
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(T0));
    Mocks.register("notifyGroups", notifyGroups);
    Mocks.register("recordTimelineEvent", recordTimelineEvent);
    Mocks.register("raci", new Raci(engine.getDecisionService()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void adminMisuseIsP1NotifiesOwnerAndLegalAndRunsContainToRecovery() {
    ProcessInstance pi = start("P2");
    Task triage = task(TASK_TRIAGE, pi);
    assertThat(candidateGroups(engine, triage)).containsExactly("ir-lead");
    assertThat(engine.getFormService().getDeployedTaskForm(triage.getId())).isNotNull();

    triage(pi, "accessKey", "yes", "yes");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "severity")).isEqualTo("P1");
    assertThat(recordTimelineEvent.single()).containsEntry("eventType", "SEVERITY_RAISED")
        .containsEntry("_businessKey", INCIDENT);
    assertThat(notifyGroups.single()).containsEntry("noticeKind", "ACCOUNT_COMPROMISED")
        .containsEntry("recipientGroups", "legal,business-stakeholder");
    assertThat(candidateGroups(engine, task(TASK_ASSESS_USE, pi))).containsExactly("ir-analyst");

    assess(pi, "confirmed");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DEACTIVATE_ACCESS_KEY);
    assertThat(candidateGroups(engine, task(TASK_DEACTIVATE_ACCESS_KEY, pi))).containsExactly("it-operations");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");

    // evidence collection got the business key, the items of step 4 and no legal hold
    HistoricProcessInstance evidence = calledEvidence(pi).get(0);
    assertThat(evidence.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(variablesOf(evidence)).containsEntry("legalHold", false).containsEntry("incidentId", INCIDENT)
        .hasEntrySatisfying("evidenceItems", items -> assertThat((String) items)
            .contains("Credential report").contains("Sign-in and API logs").contains("Access key ids and last use"));

    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    recover(pi, "no");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_COMPLETED).hasNotPassed(CALL_DATA_BREACH,
        TASK_INSIDER_REVIEW, EVENT_FALSE_POSITIVE);
  }

  @Test
  void triageNotDoneIn15MinutesEscalatesToTheAccountableRoleAndTriageGoesOn() {
    ProcessInstance pi = start("P3");
    Job overdue = job(EVENT_TRIAGE_OVERDUE, pi);
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(15))));
    execute(overdue);
    PlaybookTestSupport.runAsyncJobs(engine, pi);
    assertThat(notifyGroups.single()).containsEntry("noticeKind", "TRIAGE_OVERDUE")
        .containsEntry("recipientGroups", "ir-lead").containsEntry("_businessKey", INCIDENT);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_TRIAGE)
        .hasPassed(TASK_NOTIFY_TRIAGE_OVERDUE, EVENT_TRIAGE_OVERDUE_NOTIFIED);
  }

  @Test
  void aConfirmedLegitimateUseIsClosedAsFalsePositiveWithoutNotices() {
    ProcessInstance pi = start("P3");
    triage(pi, "consoleLogin", "no", "yes");
    assertThat(notifyGroups.calls).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "severity")).isEqualTo("P3");
    assess(pi, "legitimate");
    assertThat(recordTimelineEvent.single()).containsEntry("eventType", "FALSE_POSITIVE");
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
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(30))));
    execute(unclear);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ENGAGE_OUTSIDE_HELP).isNotWaitingAt(TASK_ASSESS_USE);
    Task outsideHelp = task(TASK_ENGAGE_OUTSIDE_HELP, pi);
    assertThat(candidateGroups(engine, outsideHelp)).containsExactly("ir-lead");
    complete(outsideHelp, withVariables("outsideHelpProvider", "AWS CIRT case 123", "useAssessment", "confirmed"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CLEAN_MAILBOX);
  }

  @ParameterizedTest
  @CsvSource({
      "accessKey,     Task_DeactivateAccessKey",
      "consoleLogin,  Task_BlockSignIn",
      "sessionTokens, Task_RevokeSessionTokens",
      "mailbox,       Task_CleanMailbox"})
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
  void insiderIndicatorsBringInLegalAndPutTheEvidenceUnderLegalHold() {
    ProcessInstance pi = start("P3");
    triage(pi, "consoleLogin", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_BLOCK_SIGN_IN, "yes");
    Task review = task(TASK_INSIDER_REVIEW, pi);
    assertThat(candidateGroups(engine, review)).containsExactly("legal");
    assertThat(calledEvidence(pi)).isEmpty(); // evidence waits for the legal hold
    complete(review, withVariables("hrContact", "HR partner", "insiderReviewNotes", "hold placed"));
    assertThat(variablesOf(calledEvidence(pi).get(0))).containsEntry("legalHold", true);
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
    assertThat(candidateGroups(engine, recover)).containsExactly("it-operations");
    complete(recover, withVariables("dataAccessed", "yes"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_DATA_BREACH);
    ProcessInstance dataBreach = calledProcessInstance(processInstanceQuery()
        .processDefinitionKey(CompromisedAccountPlaybookApi.DATA_BREACH_KEY), pi);
    assertThat(dataBreach.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.getRuntimeService().getVariables(dataBreach.getId()))
        .containsEntry("incidentId", INCIDENT).containsEntry("dataAccessed", "yes");
    complete(task("Task_WorkPlaybook", dataBreach));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(CALL_DATA_BREACH, EVENT_COMPLETED);
  }

  @Test
  void calledByAPlaybookThatHandlesTheDataBreachItDoesNotStartTheDataBreachPlaybook() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
        CompromisedAccountPlaybookApi.PROCESS_KEY, INCIDENT, Map.of("incidentId", INCIDENT, "title", "Stolen token",
            "severity", "P3", "statusUpdateCadence", "PT30M", "dataBreachHandledByCaller", true));
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
        Map.of("incidentId", INCIDENT, "title", "Access key used from TOR", "severity", severity,
            "statusUpdateCadence", "PT30M"));
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
    complete(task(TASK_TRIAGE, pi), withVariables("credentialType", credentialType, "adminRights", adminRights,
        "unauthorisedUse", unauthorisedUse));
    PlaybookTestSupport.runAsyncJobs(engine, pi);
  }

  private void assess(ProcessInstance pi, String useAssessment) {
    complete(task(TASK_ASSESS_USE, pi), withVariables("useAssessment", useAssessment));
    PlaybookTestSupport.runAsyncJobs(engine, pi);
  }

  private void contain(ProcessInstance pi, String containTask, String insiderIndicators) {
    complete(task(containTask, pi), withVariables("insiderIndicators", insiderIndicators));
  }

  /** The 30-minute watch window passes on the engine clock, then the logs are reviewed. */
  private void watchWindow(ProcessInstance pi, String lateralMovement, String otherCredentialType) {
    passTimer(pi, EVENT_WATCH_WINDOW, Duration.ofMinutes(30));
    complete(task(TASK_REVIEW_ACTIVITY_LOGS, pi), found("lateralMovement", lateralMovement, otherCredentialType));
  }

  private void eradicate(ProcessInstance pi, String newCredentialsFound, String credentialType) {
    complete(task(TASK_ERADICATE, pi), found("newCredentialsFound", newCredentialsFound, credentialType));
  }

  private void quietWindow(ProcessInstance pi, String maliciousActivity, String credentialType) {
    passTimer(pi, EVENT_QUIET_WINDOW, Duration.ofMinutes(30));
    complete(task(TASK_CHECK_QUIET, pi), found("maliciousActivity", maliciousActivity, credentialType));
  }

  private void recover(ProcessInstance pi, String dataAccessed) {
    complete(task(TASK_RECOVER, pi), withVariables("dataAccessed", dataAccessed));
  }

  private static Map<String, Object> found(String question, String answer, String credentialType) {
    return credentialType == null ? withVariables(question, answer)
        : withVariables(question, answer, "credentialType", credentialType);
  }

  private void passTimer(ProcessInstance pi, String timerEvent, Duration duration) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(timerEvent);
    Job timer = job(timerEvent, pi);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(now.plus(duration));
    ClockUtil.setCurrentTime(Date.from(now.plus(duration)));
    execute(timer);
  }

  private List<HistoricProcessInstance> calledEvidence(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(CompromisedAccountPlaybookApi.EVIDENCE_COLLECTION_KEY).orderByProcessInstanceStartTime()
        .asc().list();
  }

  private Map<String, Object> variablesOf(HistoricProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .list().stream().collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
  }
}
