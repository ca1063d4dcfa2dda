package org.irfoundation.response.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.response.actions.ResponseActionApi.Elements.*;
import static org.irfoundation.testing.ProcessTestEngine.INCIDENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.actions.ActionFixtures.FakeIncidents;
import org.irfoundation.response.actions.ActionFixtures.MemoryLedger;
import org.irfoundation.response.actions.ActionFixtures.RecordingCustody;
import org.irfoundation.response.actions.ResponseActionApi.Inputs;
import org.irfoundation.response.actions.ResponseActionApi.Result;
import org.irfoundation.response.actions.ResponseActionApi.Variables;
import org.irfoundation.testing.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code response-action} on the in-memory engine with the real delegates and service over recording
 * adapters ({@link FakeAction} counts what was sent) and the real escalation policy and RACI: approval given and
 * refused, standing authority, an action that needs no approval (snapshot ids into custody), denied -> a task with
 * the API's message, failing -> retried, then by hand, exercise -> nothing sent, no adapter or no target -> the
 * playbook's task, several adapters -> by hand unless the step names one, and a retry after a crash that does not
 * send twice.
 */
@Deployment(resources = {
    "bpmn/response-action.bpmn",
    "dmn/raci.dmn",
    "dmn/escalation-policy.dmn",
    "bpmn/forms/response-action-approve.form",
    "bpmn/forms/response-action-by-hand.form"})
class ResponseActionProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String KEY = "AKIAIOSFODNN7EXAMPLE";

  final FakeIncidents incidents = new FakeIncidents();
  final MemoryLedger ledger = new MemoryLedger();
  final RecordingCustody custody = new RecordingCustody();
  final FakeAction iam = new FakeAction("AWS IAM", ResponseAction.DEACTIVATE_ACCESS_KEY, ResponseAction.DISABLE_USER);
  final FakeAction ec2 = new FakeAction("AWS EC2", ResponseAction.ISOLATE_HOST, ResponseAction.SNAPSHOT_HOST);
  final List<ActionPort> adapters = new ArrayList<>(List.of(iam, ec2));

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** The delegates as the app wires them, over this test's adapters. */
  void wire() {
    ResponseActions actions = new ResponseActions(adapters, incidents, incidents, engine.getDecisionService(), ledger,
        custody);
    engine.register("planResponseAction", new PlanResponseActionDelegate(actions));
    engine.register("runResponseAction", new RunResponseActionDelegate(actions));
    engine.register("actionApproval", new ActionApprovalListener(actions,
        new SystemContext(engine.getIdentityService())));
  }

  ProcessInstance start(ResponseAction action, String target, String parameters) {
    wire();
    return engine.getRuntimeService().startProcessInstanceByKey(ResponseActionApi.PROCESS_KEY, INCIDENT,
        withVariables(Inputs.ACTION.name(), action.name(), Inputs.TARGET.name(), target,
            Inputs.PARAMETERS.name(), parameters));
  }

  Object variable(ProcessInstance pi, org.irfoundation.engine.Variable<?> variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(variable.name()).singleResult().getValue();
  }

  @Test
  void anApprovalNamesTheExactActionAndTargetAndTheActionRunsOnceWithWhoApproved() {
    ProcessInstance pi = start(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, "userName=j.doe");
    Task approval = task(TASK_APPROVE, pi);
    assertThat(approval.getName()).isEqualTo("Approve: Deactivate access key " + KEY + " (userName=j.doe) with AWS IAM");
    assertThat(engine.candidateGroups(approval)).containsExactly("ir-lead");
    assertThat(engine.getFormService().getDeployedTaskForm(approval.getId())).isNotNull();
    assertThat(iam.sent).isEmpty();

    engine.getIdentityService().setAuthenticatedUserId("lead.lisa");
    complete(approval, withVariables(Variables.APPROVED.name(), "yes", Variables.APPROVAL_NOTE.name(), "key is live"));
    engine.runAsyncJobs(pi);

    assertThat(iam.sent).hasSize(1);
    assertThat(iam.sent.get(0).parameter("userName")).isEqualTo("j.doe");
    TimelineEntry approved = incidents.of(TimelineEvent.RESPONSE_ACTION_APPROVED).get(0);
    assertThat(approved.actor()).isEqualTo("lead.lisa");
    assertThat(approved.detail()).contains(KEY).endsWith("key is live");
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_EXECUTED).get(0).detail())
        .contains("approved by lead.lisa", "sent DEACTIVATE_ACCESS_KEY to https://api.example.test", "answer: 200 OK");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_DONE);
    assertThat(variable(pi, Variables.RESULT)).isEqualTo(Result.EXECUTED.name());
  }

  @Test
  void aRefusalSendsNothingAndLeavesTheStepToAPerson() {
    ProcessInstance pi = start(ResponseAction.DISABLE_USER, "j.doe", null);
    engine.getIdentityService().setAuthenticatedUserId("lead.lisa");
    complete(task(TASK_APPROVE, pi), withVariables(Variables.APPROVED.name(), "no",
        Variables.APPROVAL_NOTE.name(), "the CFO is presenting"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_REFUSED).hasNotPassed(TASK_RUN);
    assertThat(iam.sent).isEmpty();
    TimelineEntry refused = incidents.of(TimelineEvent.RESPONSE_ACTION_REFUSED).get(0);
    assertThat(refused.actor()).isEqualTo("lead.lisa");
    assertThat(refused.detail()).contains("Disable user j.doe with AWS IAM", "the CFO is presenting");
    assertThat(variable(pi, Variables.RESULT)).isEqualTo(Result.REFUSED.name());
  }

  @Test
  void standingAuthorityOnP1RansomwareIsolatesAtOnceWithoutAnApproval() {
    incidents.severity = "P1";
    incidents.category = "RANSOMWARE";
    ProcessInstance pi = start(ResponseAction.ISOLATE_HOST, "i-0abc123", null);

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RUN).hasNotPassed(TASK_APPROVE);
    engine.runAsyncJobs(pi);
    assertThat(ec2.sent).hasSize(1);
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_EXECUTED).get(0).detail())
        .contains("Isolate host i-0abc123 with AWS EC2", "standing authority");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_DONE);
  }

  @Test
  void standingAuthorityEndsAtTheEdgeOfThePolicy() {
    incidents.severity = "P2";
    incidents.category = "RANSOMWARE";
    ProcessInstance p2 = start(ResponseAction.ISOLATE_HOST, "i-0abc123", null);
    BpmnAwareTests.assertThat(p2).isWaitingAt(TASK_APPROVE);

    incidents.severity = "P1";
    incidents.category = "COMPROMISED_ACCOUNT";
    ProcessInstance account = start(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, null);
    BpmnAwareTests.assertThat(account).isWaitingAt(TASK_APPROVE);
  }

  @Test
  void theStandingAuthorityOfThePolicyNamesDisruptiveActionsOnly() {
    var rows = engine.getDecisionService().evaluateDecisionTableByKey(ResponseActions.ESCALATION_POLICY,
        withVariables("severity", "P1", "domain", null, "category", "RANSOMWARE")).getResultList();
    String granted = (String) rows.get(0).get(ResponseActions.STANDING_AUTHORITY);
    assertThat(granted.split(",")).isNotEmpty()
        .allSatisfy(name -> assertThat(ResponseAction.valueOf(name).disruptive()).as(name).isTrue());
  }

  @Test
  void aSnapshotNeedsNoApprovalAndItsIdsGoIntoTheCustodyLog() {
    ec2.references = List.of("snap-0a1", "snap-0b2");
    ProcessInstance pi = start(ResponseAction.SNAPSHOT_HOST, "i-0abc123", null);
    engine.runAsyncJobs(pi);

    assertThat(custody.snapshots).containsExactly("snap-0a1", "snap-0b2");
    assertThat(variable(pi, Variables.REFERENCES)).isEqualTo("snap-0a1,snap-0b2");
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_EXECUTED).get(0).detail())
        .contains("needs no approval", "references snap-0a1, snap-0b2");
  }

  @Test
  void aRetryAfterACrashFindsWhatWasSentAndDoesNotSendItAgain() {
    ec2.references = List.of("snap-0a1");
    custody.failures = 1; // the step fails after the API answered and the ledger recorded it
    ProcessInstance pi = start(ResponseAction.SNAPSHOT_HOST, "i-0abc123", null);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("crashed");

    engine.getManagementService().executeJob(job.getId());
    assertThat(ec2.sent).hasSize(1);
    assertThat(custody.snapshots).containsExactly("snap-0a1");
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_EXECUTED).get(0).detail()).contains("not sent again");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_DONE);
  }

  @Test
  void aDenialBecomesATaskWithTheApisMessage() {
    iam.failWith(request -> new ActionDeniedException("AWS IAM", 403,
        "AccessDenied: not authorized to perform iam:UpdateAccessKey"));
    ProcessInstance pi = start(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, null);
    complete(task(TASK_APPROVE, pi), withVariables(Variables.APPROVED.name(), "yes"));
    engine.runAsyncJobs(pi);

    Task byHand = task(TASK_BY_HAND, pi);
    assertThat(byHand.getName()).startsWith("Do by hand: Deactivate access key " + KEY);
    assertThat(engine.candidateGroups(byHand)).containsExactly("it-operations");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Variables.MESSAGE.name()))
        .isEqualTo("AccessDenied: not authorized to perform iam:UpdateAccessKey");
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_FAILED).get(0).detail()).contains("AccessDenied");
    complete(byHand, withVariables("actionDoneByHand", "deactivated in the console"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_BY_HAND);
    assertThat(variable(pi, Variables.RESULT)).isEqualTo(Result.FAILED.name());
  }

  @Test
  void aFailingProductIsRetriedAndOnTheLastAttemptHandedToAPerson() {
    ec2.failWith(request -> new ConnectorUnavailableException("AWS EC2", 503, "ServiceUnavailable", null));
    incidents.severity = "P1";
    incidents.category = "MALWARE";
    ProcessInstance pi = start(ResponseAction.ISOLATE_HOST, "i-0abc123", null);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .isInstanceOf(ConnectorUnavailableException.class);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RUN);

    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(ec2.sent).hasSize(2);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_BY_HAND);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Variables.MESSAGE.name()))
        .isEqualTo("ServiceUnavailable");
  }

  @Test
  void anExerciseSendsNothingAndRecordsWhatItWouldHaveSent() {
    incidents.exercise = true;
    ProcessInstance pi = start(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, "userName=j.doe");
    complete(task(TASK_APPROVE, pi), withVariables(Variables.APPROVED.name(), "yes"));
    engine.runAsyncJobs(pi);

    assertThat(iam.sent).isEmpty();
    assertThat(iam.previewed).hasSize(1);
    assertThat(ledger.rows).isEmpty();
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_EXECUTED)).isEmpty();
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_WOULD_HAVE).get(0).detail())
        .contains("would have sent DEACTIVATE_ACCESS_KEY to https://api.example.test [target=" + KEY + "]");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_DONE);
    assertThat(variable(pi, Variables.RESULT)).isEqualTo(Result.WOULD_HAVE.name());
  }

  @Test
  void withoutAnAdapterItEndsAtOnceForThePlaybooksTask() {
    adapters.clear();
    ProcessInstance pi = start(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, null);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_NOT_AUTOMATED);
    assertThat(incidents.of(TimelineEvent.RESPONSE_ACTION_NOT_AUTOMATED).get(0).detail())
        .contains("no adapter for DEACTIVATE_ACCESS_KEY is configured");
    assertThat(variable(pi, Variables.RESULT)).isEqualTo(Result.NOT_AUTOMATED.name());
  }

  @Test
  void withoutATargetNothingIsAutomated() {
    ProcessInstance pi = start(ResponseAction.DEACTIVATE_ACCESS_KEY, " ", null);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_NOT_AUTOMATED);
    assertThat(iam.sent).isEmpty();
    assertThat(incidents.entries).isEmpty(); // nothing named to act on is no news for the timeline
  }

  @Test
  void severalAdaptersGoToAPersonUnlessTheStepNamesTheSystem() {
    adapters.add(new FakeAction("Okta", ResponseAction.DISABLE_USER));
    ProcessInstance pi = start(ResponseAction.DISABLE_USER, "j.doe", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_BY_HAND);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Variables.MESSAGE.name()))
        .contains("AWS IAM", "Okta");

    ProcessInstance named = engine.getRuntimeService().startProcessInstanceByKey(ResponseActionApi.PROCESS_KEY,
        INCIDENT, Map.of(Inputs.ACTION.name(), "DISABLE_USER", Inputs.TARGET.name(), "j.doe",
            Inputs.SYSTEM.name(), "okta"));
    assertThat(task(TASK_APPROVE, named).getName()).endsWith("with Okta");
  }
}
