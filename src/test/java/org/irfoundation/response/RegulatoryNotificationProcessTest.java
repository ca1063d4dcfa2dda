package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_DETAIL;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_TYPE;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_DETAIL;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.RegulatoryNotificationApi.Elements.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.RegulatoryNotificationApi.Obligation;
import org.irfoundation.response.RegulatoryNotificationApi.Vars;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code regulatory-notification}: clocks, deadline timers, the approval loop, proof. */
@Deployment(resources = {"bpmn/regulatory-notification.bpmn", "dmn/raci.dmn"})
class RegulatoryNotificationProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(0.95);

  static final String INCIDENT = "INC-2026-0042";
  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder recordTimelineEvent = engine.record("recordTimelineEvent");

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(AWARE.plusSeconds(3600));
    NotificationClock clock = new NotificationClock();
    engine.register("computeNotificationDeadline", new ComputeNotificationDeadlineDelegate(clock));
    engine.register("notificationClock", clock);
  }

  @Test
  void gdprRunsFromAwarenessAndIsFiledInTimeAfterLegalSentTheFirstDraftBack() {
    ProcessInstance pi = start("GDPR Art. 33", "Lead supervisory authority", "awareness", "PT72H", "elapsed");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_COMPUTE_DEADLINE).hasNotPassed(TASK_RECORD_CLOCK_START);
    execute(job(TASK_COMPUTE_DEADLINE, pi));

    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars).containsEntry(Vars.CLOCK_STARTED_AT.name(), AWARE.toString())
        .containsEntry(Vars.DUE_AT.name(), Date.from(Instant.parse("2026-03-05T09:00:00Z")))
        .containsEntry(Vars.REMIND_AT.name(), Date.from(Instant.parse("2026-03-04T18:36:00Z")));
    assertThat(job(EVENT_DEADLINE_MISSED, pi).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-05T09:00:00Z")));

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("privacy-officer");
    complete(task(TASK_DRAFT, pi), withVariables(Vars.NOTICE_DRAFT.name(), "first draft"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_APPROVE).hasCandidateGroup("legal");
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "rejected", Vars.APPROVAL_COMMENT.name(),
        "add the DPO contact"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    complete(task(TASK_DRAFT, pi), withVariables(Vars.NOTICE_DRAFT.name(), "second draft"));
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "approved"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_FILE).hasCandidateGroup("privacy-officer");
    complete(task(TASK_FILE, pi), withVariables(Vars.FILING_REFERENCE.name(), "CNIL-2026-77",
        Vars.FILED_AT.name(), "2026-03-04T16:00Z"));

    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TASK_DRAFT, TASK_APPROVE, GATEWAY_APPROVED, TASK_DRAFT,
        TASK_APPROVE, TASK_FILE, TASK_RECORD_PROOF, EVENT_FILED).hasNotPassed(EVENT_REMINDER, EVENT_DEADLINE_MISSED)
        .variables().containsEntry("filedInTime", true);
    assertThat(recordTimelineEvent.single()).containsEntry(EVENT_TYPE.name(), TimelineEvent.NOTIFICATION_FILED.name())
        .containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    assertThat(EVENT_DETAIL.from(recordTimelineEvent.single()))
        .startsWith("GDPR Art. 33 to Lead supervisory authority: reference CNIL-2026-77, filed 2026-03-04T16:00Z")
        .endsWith("in time: true");
    assertThat(notifyGroups.calls()).isEmpty();
  }

  @Test
  void secMaterialityStartsItsOwnClockAndAMissedDeadlineIsRemindedThenEscalated() {
    ProcessInstance pi = start("SEC Form 8-K Item 1.05", "SEC (EDGAR)", "materiality", "4BD", "business-days");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_CLOCK_START).task().hasCandidateGroup("legal")
        .hasCandidateGroup("privacy-officer");
    // determined material on Thursday afternoon: 4 business days -> next Wednesday
    complete(task(TASK_RECORD_CLOCK_START, pi), withVariables(Vars.CLOCK_STARTED_AT.name(), "2026-03-05T15:00Z",
        "clockStartBasis", "Disclosure committee"));
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    Date due = Date.from(Instant.parse("2026-03-11T15:00:00Z"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.DUE_AT.name())).isEqualTo(due);

    Job reminder = job(EVENT_REMINDER, pi);
    assertThat(reminder.getDuedate()).isBefore(due);
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(job(TASK_NOTIFY_REMINDER, pi));
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.NOTIFICATION_DUE_SOON.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");
    assertThat(NOTICE_DETAIL.from(notifyGroups.single()))
        .startsWith("SEC Form 8-K Item 1.05 to SEC (EDGAR) is due");

    engine.setCurrentTime(due);
    execute(job(EVENT_DEADLINE_MISSED, pi));
    execute(job(TASK_NOTIFY_MISSED, pi));
    assertThat(notifyGroups.calls()).hasSize(2);
    assertThat(notifyGroups.calls().get(1)).containsEntry(NOTICE_KIND.name(), NoticeKind.NOTIFICATION_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal");

    // non-interrupting: the notice is still filed, late, and the proof says so
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    complete(task(TASK_DRAFT, pi), withVariables(Vars.NOTICE_DRAFT.name(), "8-K text"));
    complete(task(TASK_APPROVE, pi), withVariables(Vars.APPROVAL.name(), "approved"));
    complete(task(TASK_FILE, pi), withVariables(Vars.FILING_REFERENCE.name(), "0001-26-000123",
        Vars.FILED_AT.name(), "2026-03-12T10:00Z"));
    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_REMINDER_SENT, EVENT_MISSED_ESCALATED)
        .variables().containsEntry("filedInTime", false)
        .containsEntry(Vars.CLOCK_STARTED_AT.name(), "2026-03-05T15:00:00Z");
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void withoutAnAwarenessTimeTheClockStartsWhenTheObligationStarts() {
    Map<String, Object> v = obligation("PCI DSS 12.10", "Card brands and acquirer", "confirmed-compromise", "PT24H",
        "target");
    Inputs.AWARE_AT.put(v, null);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(RegulatoryNotificationApi.PROCESS_KEY,
        INCIDENT, v);
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.DUE_AT.name()))
        .isEqualTo(Date.from(AWARE.plusSeconds(3600 + 24 * 3600)));
  }

  private ProcessInstance start(String regulation, String recipient, String clockStart, String deadline, String kind) {
    return engine.getRuntimeService().startProcessInstanceByKey(RegulatoryNotificationApi.PROCESS_KEY, INCIDENT,
        obligation(regulation, recipient, clockStart, deadline, kind));
  }

  private static Map<String, Object> obligation(String regulation, String recipient, String clockStart,
      String deadline, String kind) {
    Map<String, Object> v = new HashMap<>();
    Obligation.REGULATION.put(v, regulation);
    Obligation.RECIPIENT.put(v, recipient);
    Obligation.AUDIENCE.put(v, "authority");
    Obligation.CLOCK_START.put(v, clockStart);
    Obligation.DEADLINE.put(v, deadline);
    Obligation.DEADLINE_KIND.put(v, kind);
    Inputs.INCIDENT_ID.put(v, INCIDENT);
    Decided.SEVERITY.put(v, "P1");
    Inputs.AWARE_AT.put(v, AWARE.toString());
    return v;
  }
}
