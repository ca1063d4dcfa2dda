package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.incident.ConfirmPersonalDataDelegate.PERSONAL_DATA_SOURCE;
import static org.irfoundation.incident.RaiseSeverityDelegate.NEW_SEVERITY;
import static org.irfoundation.incident.RaiseSeverityDelegate.SEVERITY_REASON;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_TYPE;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.CompromisedAccountPlaybookApi.Elements.*;
import static org.irfoundation.testing.ProcessTestEngine.INCIDENT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.RestrictIncidentDelegate;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.CompromisedAccountPlaybookApi.Variables;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of {@code playbook-compromised-account} on the in-memory engine: each gateway branch, both timers
 * on tasks, both watch windows, the three loops back to containment, and the hand-off to the data-breach playbook
 * at the moment personal data is recorded (triage, or eradication when it was unknown), in parallel with the
 * playbook. Evidence collection is a test stand-in ({@code stub-bpmn/}); the delegates are recorders; the RACI is
 * the real table.
 */
@Deployment(resources = {
    "bpmn/playbook-compromised-account.bpmn",
    "stub-bpmn/evidence-collection.bpmn",
    "stub-bpmn/response-action.bpmn",
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
  /** As the real delegate: the incident's severity comes back into the process. */
  final Recorder raiseSeverity = engine.record("raiseSeverity",
      execution -> Decided.SEVERITY.set(execution, NEW_SEVERITY.get(execution)));
  /** When (engine clock) each hand-off to the data-breach playbook happened. */
  final List<Instant> handedOffAt = new ArrayList<>();
  final Recorder confirmPersonalData = engine.record("confirmPersonalData",
      execution -> handedOffAt.add(engine.currentTime()));

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(T0);
  }

  @Test
  void adminMisuseRaisesTheIncidentToP1NotifiesOwnerAndLegalAndRunsContainToRecovery() {
    ProcessInstance pi = start("P2");
    Task triage = task(TASK_TRIAGE, pi);
    assertThat(engine.candidateGroups(triage)).containsExactly("ir-lead");
    assertThat(engine.getFormService().getDeployedTaskForm(triage.getId())).isNotNull();

    triage(pi, "accessKey", "yes", "yes", "no");
    // the incident's severity, through the severity service; its SEVERITY_CHANGED entry carries the reason
    assertThat(raiseSeverity.single()).containsEntry(NEW_SEVERITY.name(), "P1")
        .containsEntry(SEVERITY_REASON.name(), "compromised account: admin rights and unauthorised use")
        .containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Decided.SEVERITY.name())).isEqualTo("P1");
    assertThat(recordTimelineEvent.calls()).isEmpty();
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.ACCOUNT_COMPROMISED.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal,business-stakeholder");
    assertThat(confirmPersonalData.calls()).isEmpty();
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
    recover(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_ESCALATED, EVENT_COMPLETED).hasNotPassed(
        TASK_CONFIRM_PERSONAL_DATA_AT_TRIAGE, TASK_CONFIRM_PERSONAL_DATA_AT_ERADICATION, TASK_RESTRICT_INCIDENT,
        TASK_INSIDER_REVIEW, EVENT_FALSE_POSITIVE);
  }

  @Test
  void personalDataAccessedAtTriageHandsOffAtOnceWhileScopingAndContainmentGoOn() {
    ProcessInstance pi = start("P3");
    Instant recorded = T0.plus(Duration.ofMinutes(12));
    engine.setCurrentTime(recorded);
    complete(task(TASK_TRIAGE, pi), triageAnswers("consoleLogin", "no", "no", "yes"));

    // the hand-off is its own branch: scoping is open before it has even run
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_PERSONAL_DATA_AT_TRIAGE, TASK_ASSESS_USE);
    engine.runAsyncJobs(pi);
    assertThat(confirmPersonalData.single()).containsEntry(Recorder.BUSINESS_KEY, INCIDENT)
        .containsEntry(PERSONAL_DATA_SOURCE.name(), "account playbook, triage: personal data accessed");
    assertThat(handedOffAt).containsExactly(recorded);
    BpmnAwareTests.assertThat(pi).hasPassed(EVENT_HANDED_OFF_AT_TRIAGE).isWaitingAt(TASK_ASSESS_USE);

    engine.setCurrentTime(recorded.plus(Duration.ofMinutes(5)));
    assess(pi, "confirmed");
    assertOnlyOpen(pi, TASK_BLOCK_SIGN_IN);
    contain(pi, TASK_BLOCK_SIGN_IN, "no");
    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    recover(pi);
    // once per playbook: known at triage, eradication does not ask again
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed(TASK_CONFIRM_PERSONAL_DATA_AT_ERADICATION);
    assertThat(confirmPersonalData.calls()).hasSize(1);
  }

  @Test
  void personalDataUnknownAtTriageIsAskedAgainInEradicationAndHandsOffThenWhileContainmentRunsAgain() {
    ProcessInstance pi = start("P3");
    triage(pi, "accessKey", "no", "no", "unknown");
    assertThat(confirmPersonalData.calls()).isEmpty();
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "no", null);

    // eradication finds new credentials and that personal data was read: both at once
    Instant found = engine.currentTime().plus(Duration.ofMinutes(20));
    engine.setCurrentTime(found);
    Map<String, Object> answers = found(Variables.NEW_CREDENTIALS_FOUND, "yes", "sessionTokens");
    answers.put(Variables.PERSONAL_DATA_ACCESSED_AT_ERADICATION.name(), "yes");
    complete(task(TASK_ERADICATE, pi), answers);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_PERSONAL_DATA_AT_ERADICATION, TASK_REVOKE_SESSION_TOKENS);
    engine.runAsyncJobs(pi);
    assertThat(confirmPersonalData.single())
        .containsEntry(PERSONAL_DATA_SOURCE.name(), "account playbook, eradication: personal data accessed");
    assertThat(handedOffAt).containsExactly(found);
    BpmnAwareTests.assertThat(pi).hasPassed(EVENT_HANDED_OFF_AT_ERADICATION);
    assertOnlyOpen(pi, TASK_REVOKE_SESSION_TOKENS);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Variables.PERSONAL_DATA_ACCESSED.name()))
        .isEqualTo("yes");

    // the loop comes back to eradication: the answer is known now, no second hand-off
    contain(pi, TASK_REVOKE_SESSION_TOKENS, "no");
    watchWindow(pi, "no", null);
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    recover(pi);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(confirmPersonalData.calls()).hasSize(1);
  }

  @Test
  void personalDataUnknownAtTriageAndNotAccessedIsNeverHandedOff() {
    ProcessInstance pi = start("P3");
    triage(pi, "mailbox", "no", "no", "unknown");
    assess(pi, "exposed");
    contain(pi, TASK_CLEAN_MAILBOX, "no");
    watchWindow(pi, "no", null);
    Map<String, Object> answers = found(Variables.NEW_CREDENTIALS_FOUND, "no", null);
    answers.put(Variables.PERSONAL_DATA_ACCESSED_AT_ERADICATION.name(), "no");
    complete(task(TASK_ERADICATE, pi), answers);
    quietWindow(pi, "no", null);
    recover(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed(TASK_CONFIRM_PERSONAL_DATA_AT_TRIAGE,
        TASK_CONFIRM_PERSONAL_DATA_AT_ERADICATION);
    assertThat(confirmPersonalData.calls()).isEmpty();
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
    triage(pi, "consoleLogin", "no", "yes", "no");
    assertThat(notifyGroups.calls()).isEmpty();
    assertThat(raiseSeverity.calls()).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Decided.SEVERITY.name())).isEqualTo("P3");
    assess(pi, "legitimate");
    assertThat(recordTimelineEvent.single()).containsEntry(EVENT_TYPE.name(), TimelineEvent.FALSE_POSITIVE.name());
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_ESCALATED, EVENT_FALSE_POSITIVE).hasNotPassed(
        TASK_RAISE_SEVERITY, TASK_NOTIFY_OWNER_AND_LEGAL, SUB_PROCESS_CONTAIN, GATEWAY_CREDENTIAL_TYPE);
  }

  @Test
  void anAnomalousUseIsInvestigatedFirstAndDecidedAgain() {
    ProcessInstance pi = start("P3");
    triage(pi, "sessionTokens", "yes", "no", "no");
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
    triage(pi, "mailbox", "no", "no", "no");
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
    triage(pi, credentialType, "no", "no", "no");
    assess(pi, "confirmed");
    assertOnlyOpen(pi, containTask);
    assertThat(engine.getFormService().getDeployedTaskForm(task(containTask, pi).getId())).isNotNull();
    contain(pi, containTask, "no");
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_WATCH_WINDOW);
  }

  /** Each credential type's automated step (response-action) gets the action and the target named at triage. */
  @ParameterizedTest
  @CsvSource({
      "accessKey,     " + CALL_DEACTIVATE_ACCESS_KEY + ", DEACTIVATE_ACCESS_KEY, AKIAIOSFODNN7EXAMPLE, userName=j.doe",
      "consoleLogin,  " + CALL_DISABLE_USER + ",          DISABLE_USER,          j.doe,",
      "sessionTokens, " + CALL_REVOKE_SESSIONS + ",       REVOKE_SESSIONS,       j.doe,"})
  void containmentRunsTheAutomatedStepWithTheTargetNamedAtTriageBeforeTheManualOne(String credentialType,
      String call, String action, String target, String parameters) {
    ProcessInstance pi = start("P3");
    Map<String, Object> answers = new HashMap<>(triageAnswers(credentialType, "no", "no", "no"));
    answers.put(Variables.ACCESS_KEY_ID.name(), "AKIAIOSFODNN7EXAMPLE");
    answers.put(Variables.ACCOUNT_USER.name(), "j.doe");
    complete(task(TASK_TRIAGE, pi), answers);
    engine.runAsyncJobs(pi);
    assess(pi, "confirmed");

    BpmnAwareTests.assertThat(pi).hasPassed(call);
    Map<String, Object> passed = calledWith(call);
    assertThat(passed).containsEntry("actionName", action).containsEntry("actionTarget", target);
    if (parameters != null) {
      assertThat(passed).containsEntry("actionParameters", parameters);
    }
  }

  @Test
  void recoveryLiftsTheSignInBlockOfAConsoleLoginOnly() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    complete(task(TASK_RECOVER, pi), withVariables(Variables.ACCOUNT_USER.name(), "j.doe"));
    assertThat(calledWith(CALL_ENABLE_USER)).containsEntry("actionName", "ENABLE_USER")
        .containsEntry("actionTarget", ""); // an access key: nothing to lift

    ProcessInstance login = start("P3");
    Map<String, Object> answers = new HashMap<>(triageAnswers("consoleLogin", "no", "no", "no"));
    answers.put(Variables.ACCOUNT_USER.name(), "j.doe");
    complete(task(TASK_TRIAGE, login), answers);
    engine.runAsyncJobs(login);
    assess(login, "confirmed");
    contain(login, TASK_BLOCK_SIGN_IN, "no");
    watchWindow(login, "no", null);
    eradicate(login, "no", null);
    quietWindow(login, "no", null);
    complete(task(TASK_RECOVER, login));
    BpmnAwareTests.assertThat(login).isEnded();
    // blocked, then lifted: two automated steps of this playbook named the user
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(login.getId())
        .processDefinitionKey("response-action").list())
        .filteredOn(called -> "j.doe".equals(engine.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(called.getId()).variableName("actionTarget").singleResult().getValue()))
        .hasSize(2);
  }

  /** The variables the (stand-in) response-action instance started from {@code call} got. */
  private Map<String, Object> calledWith(String call) {
    var activity = engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(call)
        .orderByHistoricActivityInstanceStartTime().desc().list().get(0);
    Map<String, Object> seen = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(activity.getCalledProcessInstanceId()).list()
        .forEach(v -> seen.put(v.getName(), v.getValue()));
    return seen;
  }

  @Test
  void insiderIndicatorsRestrictTheIncidentBringInLegalAndPutTheEvidenceUnderLegalHold() {
    ProcessInstance pi = start("P3");
    triage(pi, "consoleLogin", "no", "no", "no");
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
    assertThat(variablesOf(calledEvidence(pi).get(0))).containsEntry(Variables.LEGAL_HOLD.name(), true)
        .hasEntrySatisfying(EvidenceCollectionApi.Inputs.LEGAL_HOLD_REASON.name(),
            reason -> assertThat((String) reason).startsWith("Insider indicators"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_WATCH_WINDOW);
  }

  @Test
  void lateralMovementRepeatsContainmentForTheOtherAccount() {
    ProcessInstance pi = start("P3");
    triage(pi, "accessKey", "no", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "yes", "consoleLogin");
    assertOnlyOpen(pi, TASK_BLOCK_SIGN_IN);
    contain(pi, TASK_BLOCK_SIGN_IN, "no");
    assertThat(calledEvidence(pi)).hasSize(2);
    watchWindow(pi, "no", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ERADICATE);
  }

  @Test
  void newCredentialsFoundInEradicationGoBackToContainment() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "yes", "sessionTokens");
    assertOnlyOpen(pi, TASK_REVOKE_SESSION_TOKENS);
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
    assertOnlyOpen(pi, TASK_CLEAN_MAILBOX);
  }

  @Test
  void recoveryGoesToItOperationsAndEndsThePlaybook() {
    ProcessInstance pi = runToEradication();
    eradicate(pi, "no", null);
    quietWindow(pi, "no", null);
    Task recover = task(TASK_RECOVER, pi);
    assertThat(engine.candidateGroups(recover)).containsExactly("it-operations");
    assertThat(engine.getFormService().getDeployedTaskForm(recover.getId())).isNotNull();
    complete(recover);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_COMPLETED);
  }

  // ---------------------------------------------------------------- steps

  private ProcessInstance start(String severity) {
    return engine.getRuntimeService().startProcessInstanceByKey(CompromisedAccountPlaybookApi.PROCESS_KEY, INCIDENT,
        Map.of(Inputs.INCIDENT_ID.name(), INCIDENT, Inputs.TITLE.name(), "Access key used from TOR",
            Decided.SEVERITY.name(), severity, Decided.STATUS_UPDATE_CADENCE.name(), "PT30M"));
  }

  private ProcessInstance runToEradication() {
    ProcessInstance pi = start("P3");
    triage(pi, "accessKey", "no", "no", "no");
    assess(pi, "confirmed");
    contain(pi, TASK_DEACTIVATE_ACCESS_KEY, "no");
    watchWindow(pi, "no", null);
    return pi;
  }

  private static Map<String, Object> triageAnswers(String credentialType, String adminRights, String unauthorisedUse,
      String personalDataAccessed) {
    return withVariables(Variables.CREDENTIAL_TYPE.name(), credentialType, Variables.ADMIN_RIGHTS.name(), adminRights,
        Variables.UNAUTHORISED_USE.name(), unauthorisedUse, Variables.PERSONAL_DATA_ACCESSED.name(),
        personalDataAccessed);
  }

  private void triage(ProcessInstance pi, String credentialType, String adminRights, String unauthorisedUse,
      String personalDataAccessed) {
    complete(task(TASK_TRIAGE, pi), triageAnswers(credentialType, adminRights, unauthorisedUse, personalDataAccessed));
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
    engine.runAsyncJobs(pi);
  }

  private void quietWindow(ProcessInstance pi, String maliciousActivity, String credentialType) {
    passTimer(pi, EVENT_QUIET_WINDOW, Duration.ofMinutes(30));
    complete(task(TASK_CHECK_QUIET, pi), found(Variables.MALICIOUS_ACTIVITY, maliciousActivity, credentialType));
  }

  private void recover(ProcessInstance pi) {
    complete(task(TASK_RECOVER, pi));
  }

  private static Map<String, Object> found(Variable<String> question, String answer, String credentialType) {
    Map<String, Object> answers = new HashMap<>(withVariables(question.name(), answer));
    if (credentialType != null) {
      answers.put(Variables.CREDENTIAL_TYPE.name(), credentialType);
    }
    return answers;
  }

  private void passTimer(ProcessInstance pi, String timerEvent, Duration duration) {
    BpmnAwareTests.assertThat(pi).isWaitingAt(timerEvent);
    Job timer = job(timerEvent, pi);
    Instant now = engine.currentTime();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(now.plus(duration));
    engine.setCurrentTime(now.plus(duration));
    execute(timer);
  }

  /** The user tasks open in the instance, none else (sub-process scopes and waiting joins aside). */
  private void assertOnlyOpen(ProcessInstance pi, String... userTasks) {
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(userTasks);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().count())
        .as("steps waiting to run").isZero();
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
