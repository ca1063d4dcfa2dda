package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.ObligationDeterminationApi.Elements.*;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.irfoundation.incident.ObligationsApi.Process;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code obligation-determination}: decided in time (yes, no), and decided after the escalation. */
@Deployment(resources = {"bpmn/obligation-determination.bpmn", "dmn/raci.dmn"})
class ObligationDeterminationProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String INCIDENT = "INC-2026-0043";
  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant DUE = AWARE.plusSeconds(24 * 3600);

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Obligations obligations = mock(Obligations.class);
  final SystemContext system = mock(SystemContext.class);

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(AWARE.plusSeconds(600));
    when(system.currentUserId()).thenReturn("ines");
    engine.register("recordDetermination", new RecordDeterminationDelegate(obligations, system));
  }

  @Test
  void theAccountableRoleDecidesNotSignificantWithReasonsAndTheTimeDefaultsToNow() {
    ProcessInstance pi = start(ObligationsApi.SIGNIFICANT);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DETERMINE).task().hasCandidateGroup("ir-lead")
        .hasDueDate(Date.from(DUE));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Process.DETERMINATION_QUESTION.name()))
        .isEqualTo(ObligationsApi.question(ObligationsApi.SIGNIFICANT));
    complete(task(TASK_DETERMINE, pi), withVariables(RecordDeterminationDelegate.DECISION.name(), "no",
        Process.DETERMINATION_REASONS.name(), "one internal file server, restored in 2 h, no service impact"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TASK_RECORD, EVENT_DETERMINED).hasNotPassed(EVENT_OVERDUE);
    verify(obligations).determined(INCIDENT, ObligationsApi.SIGNIFICANT, false,
        "one internal file server, restored in 2 h, no service impact", AWARE.plusSeconds(600), "ines");
  }

  @Test
  void notDecidedWhenDueTheAccountableRoleIsToldAndAYesKeepsTheTimeGiven() {
    ProcessInstance pi = start(ObligationsApi.MATERIAL);
    BpmnAwareTests.assertThat(pi).task().hasCandidateGroup("legal");
    engine.setCurrentTime(DUE);
    execute(job(EVENT_OVERDUE, pi));
    execute(job(TASK_NOTIFY_OVERDUE, pi));
    assertThat(notifyGroups.single()).containsEntry(NOTICE_KIND.name(), NoticeKind.NOTIFICATION_OVERDUE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "executive");
    complete(task(TASK_DETERMINE, pi), withVariables(RecordDeterminationDelegate.DECISION.name(), "yes",
        Process.DETERMINATION_REASONS.name(), "disclosure committee: material", Process.DETERMINED_AT.name(),
        "2026-03-02T20:00:00Z"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_OVERDUE_NOTIFIED, EVENT_DETERMINED);
    verify(obligations).determined(eq(INCIDENT), eq(ObligationsApi.MATERIAL), eq(true),
        eq("disclosure committee: material"), eq(Instant.parse("2026-03-02T20:00:00Z")), eq("ines"));
  }

  private ProcessInstance start(String determination) {
    Map<String, Object> v = new HashMap<>();
    Inputs.INCIDENT_ID.put(v, INCIDENT);
    Inputs.AWARE_AT.put(v, AWARE.toString());
    Outputs.DETERMINATION.put(v, determination);
    Process.DETERMINATION_QUESTION.put(v, ObligationsApi.question(determination));
    Process.DETERMINATION_DUE_AT.put(v, Date.from(DUE));
    return engine.getRuntimeService().startProcessInstanceByKey(ObligationDeterminationApi.PROCESS_KEY, INCIDENT, v);
  }
}
