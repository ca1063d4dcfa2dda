package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_DETAIL;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.RegulatoryNotificationApi.Elements.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.RegulatoryNotificationApi.Vars;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code regulatory-notification}: a determination first (yes / no), a clock from awareness, from the
 * determination or from the filing it follows, the draft from the template, the approval loop, reminder and
 * escalation, the reasons for a late filing, proof, and withdrawal.
 */
@Deployment(resources = {"bpmn/regulatory-notification.bpmn", "dmn/raci.dmn"})
class RegulatoryNotificationProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String INCIDENT = "INC-2026-0042";
  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder draftNotice = engine.record("draftNotice",
      e -> Vars.NOTICE_DRAFT.set(e, "Drafted from the template for " + Outputs.REGULATION.get(e)));
  final Obligations obligations = mock(Obligations.class);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final Incidents incidents = mock(Incidents.class);

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(AWARE.plusSeconds(3600));
    NotificationClock clock = new NotificationClock();
    engine.register("computeNotificationDeadline", new ComputeNotificationDeadlineDelegate(clock, obligations));
    engine.register("recordFiling", new RecordFilingDelegate(obligations, lifecycle, clock, incidents));
    engine.register("notificationClock", clock);
  }

  @Test
  void gdprRunsFromAwarenessStartsFromTheTemplateAndIsFiledInTimeAfterLegalSentTheFirstDraftBack() {
    ProcessInstance pi = start(obligation("GDPR_ART33", "GDPR Art. 33", "Lead supervisory authority", "awareness",
        "PT72H", "elapsed"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_COMPUTE_DEADLINE).hasPassed(GATEWAY_DETERMINATION_NEEDED)
        .hasNotPassed(EVENT_DETERMINED, EVENT_PREDECESSOR_FILED);
    execute(job(TASK_COMPUTE_DEADLINE, pi));

    Date due = Date.from(Instant.parse("2026-03-05T09:00:00Z"));
    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars).containsEntry(Vars.CLOCK_STARTED_AT.name(), AWARE.toString())
        .containsEntry(Vars.DUE_AT.name(), due)
        .containsEntry(Vars.REMIND_AT.name(), Date.from(Instant.parse("2026-03-04T18:36:00Z")));
    verify(obligations).clockStarted(INCIDENT, "GDPR_ART33", AWARE, due.toInstant());

    execute(job(TASK_DRAFT_FROM_TEMPLATE, pi));
    assertThat(job(EVENT_DEADLINE_MISSED, pi).getDuedate()).isEqualTo(due);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.NOTICE_DRAFT.name()))
        .isEqualTo("Drafted from the template for GDPR Art. 33");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("privacy-officer");
    complete(task(TASK_DRAFT, pi), withVariables(Vars.NOTICE_DRAFT.name(), "first draft"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_APPROVE).hasCandidateGroup("legal");
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "rejected", Vars.APPROVAL_COMMENT.name(),
        "add the DPO contact"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.NOTICE_DRAFT.name())).isEqualTo("first draft");
    complete(task(TASK_DRAFT, pi), withVariables(Vars.NOTICE_DRAFT.name(), "second draft"));
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "approved"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_FILE).hasCandidateGroup("privacy-officer");
    complete(task(TASK_FILE, pi), withVariables(Vars.FILING_REFERENCE.name(), "CNIL-2026-77",
        Vars.FILED_AT.name(), "2026-03-04T16:00Z"));

    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TASK_DRAFT_FROM_TEMPLATE, TASK_DRAFT, TASK_APPROVE,
        GATEWAY_APPROVED, TASK_DRAFT, TASK_APPROVE, TASK_FILE, GATEWAY_FILED_IN_TIME, TASK_RECORD_PROOF, EVENT_FILED)
        .hasNotPassed(EVENT_REMINDER, EVENT_DEADLINE_MISSED, TASK_EXPLAIN_DELAY)
        .variables().containsEntry(Vars.FILED_IN_TIME.name(), true);
    verify(obligations).filed(INCIDENT, "GDPR_ART33", "CNIL-2026-77", Instant.parse("2026-03-04T16:00:00Z"), true,
        null);
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.NOTIFICATION_FILED), eq(null),
        eq("GDPR Art. 33 to Lead supervisory authority: reference CNIL-2026-77, filed 2026-03-04T16:00:00Z, clock"
            + " started 2026-03-02T09:00:00Z, due 2026-03-05T09:00:00Z, in time: true"));
    assertThat(notifyGroups.calls()).isEmpty();
  }

  @Test
  void anExercisesFilingIsRecordedAsTheExercisesOnTheTimelineNotAsAFiling() {
    org.mockito.Mockito.when(incidents.isExercise(INCIDENT)).thenReturn(true);
    ProcessInstance pi = start(obligation("GDPR_ART33", "GDPR Art. 33", "Lead supervisory authority", "awareness",
        "PT72H", "elapsed"));
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    execute(job(TASK_DRAFT_FROM_TEMPLATE, pi));
    complete(task(TASK_DRAFT, pi));
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "approved"));
    complete(task(TASK_FILE, pi), withVariables(Vars.FILING_REFERENCE.name(), "EXERCISE-1",
        Vars.FILED_AT.name(), "2026-03-04T16:00Z"));
    execute(job(TASK_RECORD_PROOF, pi));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_FILED);
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.NOTIFICATION_FILED), eq(null),
        eq("[EXERCISE] recorded, not filed with anyone: GDPR Art. 33 to Lead supervisory authority: reference "
            + "EXERCISE-1, filed 2026-03-04T16:00:00Z, clock started 2026-03-02T09:00:00Z, due 2026-03-05T09:00:00Z, "
            + "in time: true"));
  }

  @Test
  void notMaterialEndsTheObligationWithoutAClock() {
    ProcessInstance pi = start(material());
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_DETERMINED);
    determined(pi, false, "2026-03-03T10:00:00Z");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_APPLIES, EVENT_NOT_TRIGGERED)
        .hasNotPassed(TASK_COMPUTE_DEADLINE);
    verify(obligations, never()).clockStarted(any(), any(), any(), any());
  }

  @Test
  void materialStartsTheClockAtTheDeterminationAndALateFilingIsRemindedEscalatedAndExplained() {
    ProcessInstance pi = start(material());
    // determined material on Thursday afternoon: 4 business days -> next Wednesday
    determined(pi, true, "2026-03-05T15:00:00Z");
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    Date due = Date.from(Instant.parse("2026-03-11T15:00:00Z"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.DUE_AT.name())).isEqualTo(due);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.CLOCK_STARTED_AT.name()))
        .isEqualTo("2026-03-05T15:00:00Z");
    execute(job(TASK_DRAFT_FROM_TEMPLATE, pi));

    Job reminder = job(EVENT_REMINDER, pi);
    assertThat(reminder.getDuedate()).isBefore(due);
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(job(TASK_NOTIFY_REMINDER, pi));
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.NOTIFICATION_DUE_SOON.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");
    assertThat(NOTICE_DETAIL.from(notifyGroups.single())).startsWith("SEC Form 8-K Item 1.05 to SEC (EDGAR) is due");

    engine.setCurrentTime(due);
    execute(job(EVENT_DEADLINE_MISSED, pi));
    execute(job(TASK_NOTIFY_MISSED, pi));
    assertThat(notifyGroups.calls()).hasSize(2);
    assertThat(notifyGroups.calls().get(1)).containsEntry(NOTICE_KIND.name(), NoticeKind.NOTIFICATION_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal");

    // non-interrupting: the notice is still filed, late, with the reasons
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    complete(task(TASK_DRAFT, pi));
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "approved"));
    complete(task(TASK_FILE, pi), withVariables(Vars.FILING_REFERENCE.name(), "0001-26-000123",
        Vars.FILED_AT.name(), "2026-03-12T10:00Z"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_EXPLAIN_DELAY).task().hasCandidateGroup("legal");
    complete(task(TASK_EXPLAIN_DELAY, pi), withVariables(Vars.LATE_REASONS.name(),
        "EDGAR filer codes had to be renewed"));
    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_REMINDER_SENT, EVENT_MISSED_ESCALATED, EVENT_FILED)
        .variables().containsEntry(Vars.FILED_IN_TIME.name(), false);
    verify(obligations).filed(INCIDENT, "SEC_8K", "0001-26-000123", Instant.parse("2026-03-12T10:00:00Z"), false,
        "EDGAR filer codes had to be renewed");
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aDeterminationAlreadyMadeForTheIncidentIsNotAwaitedAgain() {
    Map<String, Object> v = material();
    ObligationsApi.Process.TRIGGERED.put(v, true);
    ObligationsApi.Process.DETERMINED_AT.put(v, "2026-03-02T12:00:00Z");
    ProcessInstance pi = start(v);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_COMPUTE_DEADLINE).hasNotPassed(EVENT_DETERMINED);
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.CLOCK_STARTED_AT.name()))
        .isEqualTo("2026-03-02T12:00:00Z");
  }

  @Test
  void aChainedClockStartsWhenTheObligationItFollowsIsFiled() {
    Map<String, Object> v = obligation("NIS2_FINAL", "NIS2 final report", "CSIRT", "filed", "P1M", "elapsed");
    Outputs.STARTS_AFTER.put(v, "NIS2_NOTIFICATION");
    ProcessInstance pi = start(v);
    BpmnAwareTests.assertThat(pi).isWaitingAt(EVENT_PREDECESSOR_FILED);
    engine.getRuntimeService().createMessageCorrelation(ObligationsApi.MESSAGE_PREDECESSOR_FILED)
        .processInstanceId(pi.getId()).setVariable(ObligationsApi.Process.PREDECESSOR_FILED_AT.name(),
            "2026-03-04T08:00:00Z").correlate();
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.DUE_AT.name()))
        .isEqualTo(Date.from(Instant.parse("2026-04-04T08:00:00Z")));
  }

  @Test
  void aWithdrawnObligationEndsWhereverItIs() {
    ProcessInstance pi = start(material());
    engine.getRuntimeService().createMessageCorrelation(ObligationsApi.MESSAGE_WITHDRAWN)
        .processInstanceId(pi.getId()).correlate();
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_WITHDRAWN, EVENT_WITHDRAWN_ENDED)
        .hasNotPassed(GATEWAY_APPLIES);
  }

  private void determined(ProcessInstance pi, boolean triggered, String at) {
    Map<String, Object> v = new HashMap<>();
    ObligationsApi.Process.TRIGGERED.put(v, triggered);
    ObligationsApi.Process.DETERMINED_AT.put(v, at);
    ObligationsApi.Process.DETERMINATION_REASONS.put(v, "disclosure committee");
    engine.getRuntimeService().createMessageCorrelation(ObligationsApi.MESSAGE_DETERMINED)
        .processInstanceId(pi.getId()).setVariables(v).correlate();
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(RegulatoryNotificationApi.PROCESS_KEY, INCIDENT,
        variables);
  }

  private static Map<String, Object> material() {
    Map<String, Object> v = obligation("SEC_8K", "SEC Form 8-K Item 1.05", "SEC (EDGAR)", "determined", "4BD",
        "business-days");
    Outputs.DETERMINATION.put(v, ObligationsApi.MATERIAL);
    Outputs.CALENDAR.put(v, "US");
    return v;
  }

  private static Map<String, Object> obligation(String code, String regulation, String recipient, String clockStart,
      String deadline, String kind) {
    Map<String, Object> v = new HashMap<>();
    Outputs.CODE.put(v, code);
    Outputs.REGULATION.put(v, regulation);
    Outputs.RECIPIENT.put(v, recipient);
    Outputs.AUDIENCE.put(v, "authority");
    Outputs.CLOCK_START.put(v, clockStart);
    Outputs.DETERMINATION.put(v, null);
    Outputs.DEADLINE.put(v, deadline);
    Outputs.DEADLINE_KIND.put(v, kind);
    Inputs.INCIDENT_ID.put(v, INCIDENT);
    Inputs.AWARE_AT.put(v, AWARE.toString());
    return v;
  }
}
