package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.incident.IncidentResponseApi.Elements.*;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_DETAIL;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_TYPE;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.testing.StubModels.TASK_REVIEW_STUB;
import static org.irfoundation.testing.StubModels.TASK_WORK_PLAYBOOK;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.irfoundation.response.PostIncidentReviewApi;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of {@code incident-response} on the in-memory engine, with the stand-in decisions of
 * {@code stub-dmn/} (severity P1 if the root account was used, else P3) and recording delegates.
 */
@Deployment(resources = {
    "bpmn/incident-response.bpmn",
    "stub-bpmn/playbook-compromised-account.bpmn",
    "stub-bpmn/playbook-malware-ransomware.bpmn",
    "stub-bpmn/playbook-data-breach.bpmn",
    "stub-bpmn/post-incident-review.bpmn",
    "stub-bpmn/response-action.bpmn",
    "bpmn/forms/choose-playbook.form",
    "stub-dmn/incident-severity.dmn",
    "stub-dmn/playbook-selection.dmn",
    "stub-dmn/escalation-policy.dmn",
    "dmn/raci.dmn"})
class IncidentResponseProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(0.95);

  static final String INCIDENT = "INC-2026-0001";
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** What the playbook stand-in hands back to the incident. */
  static final String CONTAINED_AT = "containedAt";
  /** The engine's default result variable of a business rule task: the model maps the outputs instead. */
  static final String DECISION_RESULT = "decisionResult";

  final Recorder openTicket = engine.record("openTicket", e -> Refs.TICKET_REF.set(e, "IRF-1"));
  final Recorder openWarRoom = engine.record("openWarRoom", e -> Refs.WAR_ROOM_REF.set(e, "WR-1"));
  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder postStatusReminder = engine.record("postStatusReminder");
  final Recorder recordTimelineEvent = engine.record("recordTimelineEvent");
  final Recorder closeTicket = engine.record("closeTicket");
  final Recorder closeIncident = engine.record("closeIncident");

  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    runtime = engine.getRuntimeService();
    engine.setCurrentTime(T0);
  }

  @Test
  void aKnownPlaybookRunsFromClassificationToClosure() {
    ProcessInstanceWithVariables pi = start("COMPROMISED_ACCOUNT", true);

    // what the intake reads from the start call: the decisions ran before the first transaction boundary
    Map<String, Object> returned = pi.getVariables();
    assertThat(Decided.SEVERITY.from(returned)).isEqualTo("P1");
    assertThat(Decided.RESPONSE_SLA.from(returned)).isEqualTo("PT1H");
    assertThat(Decided.PLAYBOOK_KEY.from(returned)).isEqualTo(CompromisedAccountPlaybookApi.PROCESS_KEY);
    assertThat(Decided.TRIAGE_NEEDED.from(returned)).isFalse();
    assertThat(Decided.ENGAGED_GROUPS.from(returned)).isEqualTo("ir-lead,ir-analyst,executive,legal");
    assertThat(Decided.ACKNOWLEDGE_SLA.from(returned)).isEqualTo("PT15M");
    assertThat(Decided.STATUS_UPDATE_CADENCE.from(returned)).isEqualTo("PT30M");
    assertThat(Decided.EXECUTIVE_NOTICE.from(returned)).isTrue();
    assertThat(Decided.LEGAL_ENGAGED.from(returned)).isTrue();
    assertThat(Decided.PROVIDER_ENGAGED.from(returned)).isFalse();
    assertThat(returned).doesNotContainKey(DECISION_RESULT);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_OPEN_TICKET)
        .hasPassedInOrder(EVENT_REPORTED, TASK_CLASSIFY, TASK_SELECT_PLAYBOOK, TASK_ESCALATION_POLICY);
    assertNoObjectVariables(pi);

    executeJob(pi, TASK_OPEN_TICKET);
    executeJob(pi, TASK_OPEN_WAR_ROOM);
    executeJob(pi, TASK_NOTIFY_ENGAGED);
    assertThat(openTicket.single()).containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    assertThat(openWarRoom.single()).containsEntry(Refs.TICKET_REF.name(), "IRF-1");
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.ENGAGED.name())
        .containsEntry(Decided.ENGAGED_GROUPS.name(), "ir-lead,ir-analyst,executive,legal")
        .doesNotContainKey(RECIPIENT_GROUPS.name()).containsEntry(Refs.WAR_ROOM_REF.name(), "WR-1");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE).task().hasCandidateGroup("ir-lead");
    complete(task(TASK_ACKNOWLEDGE, pi));

    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_PLAYBOOK).hasNotPassed(TASK_CHOOSE_PLAYBOOK);
    ProcessInstance playbook = calledProcessInstance(CompromisedAccountPlaybookApi.PROCESS_KEY, pi);
    complete(task(TASK_WORK_PLAYBOOK, playbook));

    // the review is a process of its own, given what it needs (its due date counts from the severity)
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_POST_INCIDENT_REVIEW);
    ProcessInstance review = calledProcessInstance(PostIncidentReviewApi.PROCESS_KEY, pi);
    BpmnAwareTests.assertThat(review).hasBusinessKey(INCIDENT);
    assertThat(runtime.getVariables(review.getId())).containsEntry(Inputs.INCIDENT_ID.name(), INCIDENT)
        .containsEntry(Inputs.TITLE.name(), "Root key used from TOR")
        .containsEntry(Inputs.CATEGORY.name(), "COMPROMISED_ACCOUNT").containsEntry(Decided.SEVERITY.name(), "P1")
        .containsEntry(Decided.PLAYBOOK_KEY.name(), CompromisedAccountPlaybookApi.PROCESS_KEY)
        .doesNotContainKey(Refs.TICKET_REF.name());
    complete(task(TASK_REVIEW_STUB, review), withVariables(PostIncidentReviewApi.Vars.LESSON_COUNT.name(), 2));
    assertThat(runtime.getVariable(pi.getId(), PostIncidentReviewApi.Vars.LESSON_COUNT.name())).isEqualTo(2);
    executeJob(pi, TASK_CLOSE_TICKET);
    executeJob(pi, TASK_CLOSE_INCIDENT);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TASK_OPEN_TICKET, TASK_OPEN_WAR_ROOM,
        TASK_NOTIFY_ENGAGED, SUBPROCESS_RESPOND, TASK_ACKNOWLEDGE, GATEWAY_PLAYBOOK_KNOWN, CALL_PLAYBOOK,
        CALL_POST_INCIDENT_REVIEW, TASK_CLOSE_TICKET, TASK_CLOSE_INCIDENT, EVENT_CLOSED);
    assertThat(closeTicket.single()).containsEntry(Refs.TICKET_REF.name(), "IRF-1");
    assertThat(closeIncident.single()).containsEntry(Inputs.INCIDENT_ID.name(), INCIDENT);
    assertThat(postStatusReminder.calls()).isEmpty();
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void anUnknownCategoryWaitsForTheIrLeadToChooseThePlaybook() throws IOException {
    ProcessInstanceWithVariables pi = start("UNKNOWN", false);
    assertThat(Decided.PLAYBOOK_KEY.from(pi.getVariables())).isNull();
    assertThat(Decided.TRIAGE_NEEDED.from(pi.getVariables())).isTrue();
    runToAcknowledge(pi);
    complete(task(TASK_ACKNOWLEDGE, pi));

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CHOOSE_PLAYBOOK).task().hasCandidateGroup("ir-lead");
    Task choose = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_CHOOSE_PLAYBOOK).initializeFormKeys().singleResult();
    assertThat(choose.getCamundaFormRef().getKey()).isEqualTo("choose-playbook");
    try (InputStream form = engine.getFormService().getDeployedTaskForm(choose.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"key\": \"playbookKey\"")
          .contains("playbook-compromised-account", "playbook-malware-ransomware", "playbook-data-breach");
    }
    complete(choose, withVariables(Decided.PLAYBOOK_KEY.name(), DataBreachApi.PROCESS_KEY));

    ProcessInstance playbook = calledProcessInstance(DataBreachApi.PROCESS_KEY, pi);
    BpmnAwareTests.assertThat(playbook).hasBusinessKey(INCIDENT);
    complete(task(TASK_WORK_PLAYBOOK, playbook));
    completeReview(pi);
    executeJob(pi, TASK_CLOSE_TICKET);
    executeJob(pi, TASK_CLOSE_INCIDENT);
    BpmnAwareTests.assertThat(pi).isEnded()
        .hasPassedInOrder(TASK_ACKNOWLEDGE, GATEWAY_PLAYBOOK_KNOWN, TASK_CHOOSE_PLAYBOOK, CALL_PLAYBOOK);
  }

  @ParameterizedTest
  @CsvSource({
      "COMPROMISED_ACCOUNT, " + CompromisedAccountPlaybookApi.PROCESS_KEY,
      "MALWARE,             " + MalwareRansomwarePlaybookApi.PROCESS_KEY,
      "RANSOMWARE,          " + MalwareRansomwarePlaybookApi.PROCESS_KEY,
      "DATA_BREACH,         " + DataBreachApi.PROCESS_KEY})
  void theCallActivityStartsTheSelectedPlaybookWithTheIncidentAsBusinessKeyAndAllVariables(String category,
      String playbookKey) {
    ProcessInstanceWithVariables pi = start(category, false);
    runToAcknowledge(pi);
    complete(task(TASK_ACKNOWLEDGE, pi));

    ProcessInstance playbook = calledProcessInstance(playbookKey, pi);
    BpmnAwareTests.assertThat(playbook).hasBusinessKey(INCIDENT).isWaitingAt(TASK_WORK_PLAYBOOK)
        .task().hasCandidateGroup("ir-lead").hasCandidateGroup("ir-analyst");
    Map<String, Object> passed = runtime.getVariables(playbook.getId());
    assertThat(passed).containsEntry(Inputs.INCIDENT_ID.name(), INCIDENT)
        .containsEntry(Inputs.TITLE.name(), "Root key used from TOR").containsEntry(Inputs.CATEGORY.name(), category)
        .containsEntry(Decided.SEVERITY.name(), "P3").containsEntry(Decided.PLAYBOOK_KEY.name(), playbookKey)
        .containsEntry(Decided.ENGAGED_GROUPS.name(), "ir-lead,ir-analyst")
        .containsEntry(Refs.TICKET_REF.name(), "IRF-1").containsEntry(Refs.WAR_ROOM_REF.name(), "WR-1");

    // what the playbook learns comes back to the incident
    complete(task(TASK_WORK_PLAYBOOK, playbook), withVariables(CONTAINED_AT, "2026-03-02T11:00:00Z"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_POST_INCIDENT_REVIEW);
    assertThat(runtime.getVariables(calledProcessInstance(PostIncidentReviewApi.PROCESS_KEY, pi).getId()))
        .containsEntry(Decided.SEVERITY.name(), "P3").containsEntry(Decided.PLAYBOOK_KEY.name(), playbookKey);
    assertThat(runtime.getVariable(pi.getId(), CONTAINED_AT)).isEqualTo("2026-03-02T11:00:00Z");
  }

  @Test
  void anOverdueAcknowledgeNotifiesTheIrLeadAndTheExecutiveAndTheIncidentGoesOn() {
    ProcessInstanceWithVariables pi = start("COMPROMISED_ACCOUNT", true); // P1: executive notice
    runToAcknowledge(pi);

    Job overdue = job(EVENT_ACKNOWLEDGE_OVERDUE, pi);
    assertThat(overdue.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    engine.setCurrentTime(T0.plus(Duration.ofMinutes(16)));
    execute(overdue);
    executeJob(pi, TASK_NOTIFY_ACKNOWLEDGE_OVERDUE);

    assertThat(notifyGroups.calls()).hasSize(2);
    assertThat(notifyGroups.calls().get(1)).containsEntry(NOTICE_KIND.name(), NoticeKind.ACK_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "ir-lead,executive");
    // non-interrupting: the acknowledge task is still open, and the incident goes on when it is done
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE)
        .hasPassed(EVENT_ACKNOWLEDGE_OVERDUE, TASK_NOTIFY_ACKNOWLEDGE_OVERDUE, EVENT_ACKNOWLEDGE_OVERDUE_NOTIFIED);
    complete(task(TASK_ACKNOWLEDGE, pi));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_PLAYBOOK);
  }

  @Test
  void withoutExecutiveNoticeAnOverdueAcknowledgeGoesToTheIrLeadOnly() {
    ProcessInstanceWithVariables pi = start("MALWARE", false); // P3
    runToAcknowledge(pi);
    assertThat(job(EVENT_ACKNOWLEDGE_OVERDUE, pi).getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofHours(4)));
    execute(job(EVENT_ACKNOWLEDGE_OVERDUE, pi));
    executeJob(pi, TASK_NOTIFY_ACKNOWLEDGE_OVERDUE);
    assertThat(notifyGroups.calls().get(1)).containsEntry(NOTICE_KIND.name(), NoticeKind.ACK_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "ir-lead");
  }

  @Test
  void theWarRoomIsRemindedOfStatusUpdatesAtTheCadenceUntilTheResponseIsDone() {
    ProcessInstanceWithVariables pi = start("COMPROMISED_ACCOUNT", true); // P1: every 30 minutes
    runToAcknowledge(pi);

    Job first = job(EVENT_STATUS_UPDATE_DUE, pi);
    assertThat(first.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    engine.setCurrentTime(T0.plus(Duration.ofMinutes(30)));
    execute(first);
    executeJob(pi, TASK_POST_STATUS_REMINDER);
    assertThat(postStatusReminder.single()).containsEntry(Refs.WAR_ROOM_REF.name(), "WR-1")
        .containsEntry(Decided.STATUS_UPDATE_CADENCE.name(), "PT30M");

    // the cycle goes on while the response runs
    Job second = job(EVENT_STATUS_UPDATE_DUE, pi);
    assertThat(second.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    engine.setCurrentTime(T0.plus(Duration.ofMinutes(60)));
    execute(second);
    executeJob(pi, TASK_POST_STATUS_REMINDER);
    assertThat(postStatusReminder.calls()).hasSize(2);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE).hasPassed(EVENT_STATUS_REMINDER_POSTED);

    // and stops when containment and recovery are done: none during the post-incident review
    complete(task(TASK_ACKNOWLEDGE, pi));
    complete(task(TASK_WORK_PLAYBOOK, calledProcessInstance(pi)));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_POST_INCIDENT_REVIEW);
    assertThat(jobQuery().processInstanceId(pi.getId()).activityId(EVENT_STATUS_UPDATE_DUE).count()).isZero();
    completeReview(pi);
    executeJob(pi, TASK_CLOSE_TICKET);
    executeJob(pi, TASK_CLOSE_INCIDENT);
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void aSeverityChangeReappliesTheEscalationPolicyAndNotifiesTheNewlyEngagedGroups() {
    ProcessInstanceWithVariables pi = start("MALWARE", false); // P3
    runToAcknowledge(pi);

    correlateSeverityChanged("P1");

    // the policy's outputs replace the process-level variables that the main flow and the timers read
    for (Variable<?> decided : List.of(Decided.ENGAGED_GROUPS, Decided.ACKNOWLEDGE_SLA,
        Decided.STATUS_UPDATE_CADENCE, Decided.EXECUTIVE_NOTICE, Decided.LEGAL_ENGAGED, Decided.PROVIDER_ENGAGED,
        Decided.SEVERITY)) {
      List<VariableInstance> instances = runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId())
          .variableName(decided.name()).list();
      assertThat(instances).as(decided.name()).singleElement()
          .satisfies(v -> assertThat(v.getExecutionId()).isEqualTo(pi.getId()));
    }
    assertThat(runtime.getVariables(pi.getId())).containsEntry(Decided.SEVERITY.name(), "P1")
        .containsEntry(Decided.ENGAGED_GROUPS.name(), "ir-lead,ir-analyst,executive,legal")
        .containsEntry(Decided.EXECUTIVE_NOTICE.name(), true)
        .containsEntry(Decided.STATUS_UPDATE_CADENCE.name(), "PT30M");
    assertNoObjectVariables(pi);

    executeJob(pi, TASK_RECORD_ESCALATION_REASSESSED);
    assertThat(recordTimelineEvent.single())
        .containsEntry(EVENT_TYPE.name(), TimelineEvent.ESCALATION_REASSESSED.name())
        .containsEntry(EVENT_DETAIL.name(), "Severity P1: engaged ir-lead,ir-analyst,executive,legal, acknowledge"
            + " within PT15M, status updates every PT30M");
    executeJob(pi, TASK_NOTIFY_SEVERITY_CHANGED);
    assertThat(notifyGroups.calls()).hasSize(2);
    assertThat(notifyGroups.calls().get(1)).containsEntry(NOTICE_KIND.name(), NoticeKind.SEVERITY_CHANGED.name())
        .containsEntry(Decided.SEVERITY.name(), "P1")
        .containsEntry(Decided.ENGAGED_GROUPS.name(), "ir-lead,ir-analyst,executive,legal");
    BpmnAwareTests.assertThat(pi).hasPassedInOrder(EVENT_SEVERITY_CHANGED, TASK_REASSESS_ESCALATION,
        TASK_RECORD_ESCALATION_REASSESSED, TASK_NOTIFY_SEVERITY_CHANGED, EVENT_SEVERITY_CHANGE_HANDLED);

    // non-interrupting: the response goes on where it was
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE);
    complete(task(TASK_ACKNOWLEDGE, pi));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_PLAYBOOK);
  }

  /** The engine re-reads the cycle when a reminder is due (reevaluateTimeCycleWhenDue): a new cadence applies. */
  @Test
  void aRaisedSeverityShortensTheStatusUpdateCadenceFromTheNextReminderOn() {
    ProcessInstanceWithVariables pi = start("MALWARE", false); // P3: every 24 hours
    runToAcknowledge(pi);
    Job first = job(EVENT_STATUS_UPDATE_DUE, pi);
    assertThat(first.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofHours(24)));

    correlateSeverityChanged("P1"); // now every 30 minutes
    engine.setCurrentTime(first.getDuedate());
    execute(first);

    Job next = job(EVENT_STATUS_UPDATE_DUE, pi);
    assertThat(next.getDuedate().toInstant()).isEqualTo(T0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(30)));
  }

  @Test
  void aSeverityChangeIsReceivedAtAnyTimeAndAsOftenAsItComes() {
    ProcessInstanceWithVariables pi = start("MALWARE", false); // still before the first job

    correlateSeverityChanged("P2");
    correlateSeverityChanged("P1");

    assertThat(jobQuery().processInstanceId(pi.getId()).activityId(TASK_RECORD_ESCALATION_REASSESSED).count())
        .isEqualTo(2);
    assertThat(runtime.getVariable(pi.getId(), Decided.SEVERITY.name())).isEqualTo("P1");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_OPEN_TICKET, TASK_RECORD_ESCALATION_REASSESSED);
  }

  @Test
  void personalDataFoundWhileThePlaybookRunsStartsTheBreachPlaybookInParallelAndTheResponseWaitsForIt() {
    ProcessInstanceWithVariables pi = start("COMPROMISED_ACCOUNT", true);
    runToAcknowledge(pi);
    complete(task(TASK_ACKNOWLEDGE, pi));
    ProcessInstance playbook = calledProcessInstance(CompromisedAccountPlaybookApi.PROCESS_KEY, pi);

    Instant found = T0.plus(Duration.ofMinutes(40));
    engine.setCurrentTime(found);
    confirmPersonalData(found);

    ProcessInstance breach = calledProcessInstance(DataBreachApi.PROCESS_KEY, pi);
    assertThat(breach.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(runtime.getVariables(breach.getId())).containsEntry(Inputs.AWARE_AT.name(), found.toString())
        .containsEntry(DataBreachApi.Vars.BREACH_HANDED_OVER.name(), true);
    BpmnAwareTests.assertThat(playbook).isActive(); // containment goes on

    complete(task(TASK_WORK_PLAYBOOK, playbook));
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_BREACH_HANDLED).hasPassed(GATEWAY_BREACH_RUNNING);
    assertThat(jobQuery().processInstanceId(pi.getId()).activityId(EVENT_STATUS_UPDATE_DUE).count()).isOne();

    complete(task(TASK_WORK_PLAYBOOK, breach));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_POST_INCIDENT_REVIEW)
        .hasPassed(EVENT_PERSONAL_DATA_CONFIRMED, CALL_DATA_BREACH, EVENT_BREACH_PLAYBOOK_ENDED, EVENT_BREACH_HANDLED);
    completeReview(pi);
    executeJob(pi, TASK_CLOSE_TICKET);
    executeJob(pi, TASK_CLOSE_INCIDENT);
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed(EVENT_LATE_BREACH_HANDLED);
  }

  @Test
  void personalDataFoundAsLateAsTheReviewHoldsTheClosureUntilTheBreachPlaybookEnds() {
    ProcessInstanceWithVariables pi = start("COMPROMISED_ACCOUNT", true);
    runToAcknowledge(pi);
    complete(task(TASK_ACKNOWLEDGE, pi));
    complete(task(TASK_WORK_PLAYBOOK, calledProcessInstance(CompromisedAccountPlaybookApi.PROCESS_KEY, pi)));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_POST_INCIDENT_REVIEW).hasNotPassed(EVENT_BREACH_HANDLED);

    confirmPersonalData(T0.plus(Duration.ofHours(3)));
    completeReview(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_LATE_BREACH_HANDLED).hasPassed(GATEWAY_BREACH_BEFORE_CLOSE);
    assertThat(jobQuery().processInstanceId(pi.getId()).activityId(TASK_CLOSE_TICKET).count()).isZero();

    complete(task(TASK_WORK_PLAYBOOK, calledProcessInstance(DataBreachApi.PROCESS_KEY, pi)));
    executeJob(pi, TASK_CLOSE_TICKET);
    executeJob(pi, TASK_CLOSE_INCIDENT);
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  /** The stand-in review's one task: the real review has its own tests (PostIncidentReviewProcessTest). */
  private void completeReview(ProcessInstance pi) {
    complete(task(TASK_REVIEW_STUB, calledProcessInstance(PostIncidentReviewApi.PROCESS_KEY, pi)));
  }

  /** As PersonalDataHandOff does, once per incident. */
  private void confirmPersonalData(Instant at) {
    Map<String, Object> variables = new HashMap<>();
    IncidentResponseApi.Breach.BREACH_AWARE_AT.put(variables, at.toString());
    IncidentResponseApi.Breach.BREACH_RUNNING.put(variables, true);
    Inputs.PERSONAL_DATA.put(variables, true);
    runtime.createMessageCorrelation(IncidentResponseApi.MESSAGE_PERSONAL_DATA_CONFIRMED)
        .processInstanceBusinessKey(INCIDENT).setVariables(variables).correlateWithResult();
  }

  /**
   * Where the escalation policy engages the cloud provider, opening the incident also asks for a case with its
   * incident response (the response-action stand-in records what it got); otherwise the step has no target.
   */
  @Test
  void theProviderEngagedByTheEscalationPolicyGetsACaseWhenTheIncidentOpens() {
    ProcessInstanceWithVariables engaged = start("COMPROMISED_ACCOUNT", true);
    runtime.setVariable(engaged.getId(), Decided.PROVIDER_ENGAGED.name(), true);
    executeJob(engaged, TASK_OPEN_TICKET);
    executeJob(engaged, TASK_OPEN_WAR_ROOM);
    executeJob(engaged, TASK_NOTIFY_ENGAGED);
    BpmnAwareTests.assertThat(engaged).hasPassed(CALL_OPEN_PROVIDER_CASE).isWaitingAt(TASK_ACKNOWLEDGE);
    assertThat(providerCaseOf(engaged)).containsEntry("actionName", "OPEN_PROVIDER_CASE")
        .containsEntry("actionTarget", INCIDENT).containsEntry("actionParameters",
            "severity=P1;category=COMPROMISED_ACCOUNT");
  }

  private Map<String, Object> providerCaseOf(ProcessInstance pi) {
    var called = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("response-action").singleResult();
    Map<String, Object> seen = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(called.getId()).list()
        .forEach(v -> seen.put(v.getName(), v.getValue()));
    return seen;
  }

  private ProcessInstanceWithVariables start(String category, boolean rootAccount) {
    Map<String, Object> variables = new HashMap<>();
    Inputs.INCIDENT_ID.put(variables, INCIDENT);
    Inputs.TITLE.put(variables, "Root key used from TOR");
    Inputs.CATEGORY.put(variables, category);
    Inputs.DOMAIN.put(variables, null);
    Inputs.DETECTED_AT.put(variables, "2026-03-02T08:40:00Z");
    Inputs.AWARE_AT.put(variables, "2026-03-02T08:55:00Z");
    Inputs.FUNCTIONAL_IMPACT.put(variables, "LOW");
    Inputs.INFORMATION_IMPACT.put(variables, "NONE");
    Inputs.RECOVERABILITY.put(variables, "REGULAR");
    Inputs.ACTOR_ACTIVE.put(variables, true);
    Inputs.EXFILTRATION.put(variables, false);
    Inputs.PRIVILEGED_ACCOUNT.put(variables, rootAccount);
    Inputs.ROOT_ACCOUNT.put(variables, rootAccount);
    Inputs.ACCOUNTS_AFFECTED.put(variables, 1);
    Inputs.PRODUCTION_AFFECTED.put(variables, false);
    Inputs.ENCRYPTION_OBSERVED.put(variables, false);
    Inputs.PERSONAL_DATA.put(variables, false);
    Inputs.CREDENTIALS_PUBLIC.put(variables, false);
    Inputs.PERSISTENCE_FOUND.put(variables, false);
    Inputs.LATERAL_MOVEMENT.put(variables, false);
    // exactly how the intake starts it
    return runtime.createProcessInstanceByKey(IncidentResponseApi.PROCESS_KEY).businessKey(INCIDENT)
        .setVariables(variables).executeWithVariablesInReturn();
  }

  /** As the alert intake does when an alert raises the severity. */
  private void correlateSeverityChanged(String severity) {
    Map<String, Object> variables = new HashMap<>();
    Inputs.ROOT_ACCOUNT.put(variables, true);
    Decided.SEVERITY.put(variables, severity);
    Decided.RESPONSE_SLA.put(variables, "PT1H");
    runtime.createMessageCorrelation(IncidentResponseApi.MESSAGE_SEVERITY_CHANGED)
        .processInstanceBusinessKey(INCIDENT).setVariables(variables).correlateWithResult();
  }

  private void runToAcknowledge(ProcessInstance pi) {
    executeJob(pi, TASK_OPEN_TICKET);
    executeJob(pi, TASK_OPEN_WAR_ROOM);
    executeJob(pi, TASK_NOTIFY_ENGAGED);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE);
  }

  private static void executeJob(ProcessInstance pi, String activityId) {
    execute(job(activityId, pi));
  }

  /** Java serialization is off in 7.24: no variable may be a serialized object (the decision results included). */
  private void assertNoObjectVariables(ProcessInstance pi) {
    List<VariableInstance> variables = runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list();
    assertThat(variables).isNotEmpty().allSatisfy(v -> assertThat(v.getTypedValue().getType())
        .as(v.getName()).isNotEqualTo(ValueType.OBJECT));
    assertThat(variables).extracting(VariableInstance::getName).doesNotContain(DECISION_RESULT);
  }
}
