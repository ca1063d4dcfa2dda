package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.response.RegulatoryNotificationApi.Elements.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/** Every path of {@code regulatory-notification}: clocks, deadline timers, the approval loop, proof. */
@Deployment(resources = {"bpmn/regulatory-notification.bpmn", "dmn/raci.dmn"})
class RegulatoryNotificationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(PlaybookTestSupport.coverageEngineConfiguration("irf-regulatory-coverage"))
      .assertClassCoverageAtLeast(0.95)
      .build();

  static final String INCIDENT = "INC-2026-0042";
  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = new Recorder();
  final Recorder recordTimelineEvent = new Recorder();
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(AWARE.plusSeconds(3600)));
    NotificationClock clock = new NotificationClock();
    Mocks.register("notifyGroups", notifyGroups);
    Mocks.register("recordTimelineEvent", recordTimelineEvent);
    Mocks.register("computeNotificationDeadline", new ComputeNotificationDeadlineDelegate(clock));
    Mocks.register("notificationClock", clock);
    Mocks.register("raci", new Raci(engine.getDecisionService()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void gdprRunsFromAwarenessAndIsFiledInTimeAfterLegalSentTheFirstDraftBack() {
    ProcessInstance pi = start("GDPR Art. 33", "Lead supervisory authority", "awareness", "PT72H", "elapsed");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_COMPUTE_DEADLINE).hasNotPassed(TASK_RECORD_CLOCK_START);
    execute(job(TASK_COMPUTE_DEADLINE, pi));

    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars).containsEntry("clockStartedAt", AWARE.toString())
        .containsEntry("dueAt", Date.from(Instant.parse("2026-03-05T09:00:00Z")))
        .containsEntry("remindAt", Date.from(Instant.parse("2026-03-04T18:36:00Z")));
    assertThat(job(EVENT_DEADLINE_MISSED, pi).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-05T09:00:00Z")));

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("privacy-officer");
    complete(task(TASK_DRAFT, pi), withVariables("noticeDraft", "first draft"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_APPROVE).hasCandidateGroup("legal");
    complete(task(TASK_APPROVE, pi), withVariables("approval", "rejected", "approvalComment", "add the DPO contact"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    complete(task(TASK_DRAFT, pi), withVariables("noticeDraft", "second draft"));
    complete(task(TASK_APPROVE, pi), withVariables("approval", "approved"));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey(TASK_FILE).hasCandidateGroup("privacy-officer");
    complete(task(TASK_FILE, pi), withVariables("filingReference", "CNIL-2026-77", "filedAt", "2026-03-04T16:00Z"));

    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TASK_DRAFT, TASK_APPROVE, GATEWAY_APPROVED, TASK_DRAFT,
        TASK_APPROVE, TASK_FILE, TASK_RECORD_PROOF, EVENT_FILED).hasNotPassed(EVENT_REMINDER, EVENT_DEADLINE_MISSED)
        .variables().containsEntry("filedInTime", true);
    assertThat(recordTimelineEvent.single()).containsEntry("eventType", "NOTIFICATION_FILED")
        .containsEntry("_businessKey", INCIDENT);
    assertThat((String) recordTimelineEvent.single().get("eventDetail"))
        .startsWith("GDPR Art. 33 to Lead supervisory authority: reference CNIL-2026-77, filed 2026-03-04T16:00Z")
        .endsWith("in time: true");
    assertThat(notifyGroups.calls).isEmpty();
  }

  @Test
  void secMaterialityStartsItsOwnClockAndAMissedDeadlineIsRemindedThenEscalated() {
    ProcessInstance pi = start("SEC Form 8-K Item 1.05", "SEC (EDGAR)", "materiality", "4BD", "business-days");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_RECORD_CLOCK_START).task().hasCandidateGroup("legal")
        .hasCandidateGroup("privacy-officer");
    // determined material on Thursday afternoon: 4 business days -> next Wednesday
    complete(task(TASK_RECORD_CLOCK_START, pi), withVariables("clockStartedAt", "2026-03-05T15:00Z",
        "clockStartBasis", "Disclosure committee"));
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    Date due = Date.from(Instant.parse("2026-03-11T15:00:00Z"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "dueAt")).isEqualTo(due);

    Job reminder = job(EVENT_REMINDER, pi);
    assertThat(reminder.getDuedate()).isBefore(due);
    ClockUtil.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(job(TASK_NOTIFY_REMINDER, pi));
    assertThat(notifyGroups.single()).containsEntry("noticeKind", "NOTIFICATION_DUE_SOON")
        .containsEntry("recipientGroups", "privacy-officer");
    assertThat((String) notifyGroups.single().get("noticeDetail")).startsWith("SEC Form 8-K Item 1.05 to SEC (EDGAR) is due");

    ClockUtil.setCurrentTime(due);
    execute(job(EVENT_DEADLINE_MISSED, pi));
    execute(job(TASK_NOTIFY_MISSED, pi));
    assertThat(notifyGroups.calls).hasSize(2);
    assertThat(notifyGroups.calls.get(1)).containsEntry("noticeKind", "NOTIFICATION_OVERDUE")
        .containsEntry("recipientGroups", "legal");

    // non-interrupting: the notice is still filed, late, and the proof says so
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DRAFT);
    complete(task(TASK_DRAFT, pi), withVariables("noticeDraft", "8-K text"));
    complete(task(TASK_APPROVE, pi), withVariables("approval", "approved"));
    complete(task(TASK_FILE, pi), withVariables("filingReference", "0001-26-000123", "filedAt", "2026-03-12T10:00Z"));
    execute(job(TASK_RECORD_PROOF, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Event_ReminderSent", "Event_MissedEscalated")
        .variables().containsEntry("filedInTime", false).containsEntry("clockStartedAt", "2026-03-05T15:00:00Z");
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void withoutAnAwarenessTimeTheClockStartsWhenTheObligationStarts() {
    Map<String, Object> v = obligation("PCI DSS 12.10", "Card brands and acquirer", "confirmed-compromise", "PT24H",
        "target");
    v.put("awareAt", null);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(RegulatoryNotificationApi.PROCESS_KEY,
        INCIDENT, v);
    execute(job(TASK_COMPUTE_DEADLINE, pi));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "dueAt"))
        .isEqualTo(Date.from(AWARE.plusSeconds(3600 + 24 * 3600)));
  }

  private ProcessInstance start(String regulation, String recipient, String clockStart, String deadline, String kind) {
    return engine.getRuntimeService().startProcessInstanceByKey(RegulatoryNotificationApi.PROCESS_KEY, INCIDENT,
        obligation(regulation, recipient, clockStart, deadline, kind));
  }

  private static Map<String, Object> obligation(String regulation, String recipient, String clockStart,
      String deadline, String kind) {
    Map<String, Object> v = new HashMap<>();
    v.put("regulation", regulation);
    v.put("recipient", recipient);
    v.put("audience", "authority");
    v.put("clockStart", clockStart);
    v.put("deadline", deadline);
    v.put("deadlineKind", kind);
    v.put("incidentId", INCIDENT);
    v.put("severity", "P1");
    v.put("awareAt", AWARE.toString());
    return v;
  }
}
