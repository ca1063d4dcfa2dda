package org.irfoundation.evidence;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.evidence.LegalHoldApi.Elements;
import org.irfoundation.evidence.LegalHoldApi.Variables;
import org.irfoundation.incident.IncidentClosure;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.mail.SendNoticeDelegate;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code legal-hold}: the notice to the custodians, the wait for the closure (heard even before the
 * notice is out), legal's review and release in their name, and a hold kept for another review in 90 days.
 */
@Deployment(resources = {"bpmn/legal-hold.bpmn", "bpmn/forms/legal-hold-review.form", "dmn/raci.dmn"})
class LegalHoldProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String INCIDENT = "INC-2026-0044";
  static final Instant PLACED = Instant.parse("2026-05-04T10:00:00Z");

  final Recorder sendNotice = engine.record("sendNotice");
  final LegalHolds holds = mock(LegalHolds.class);
  final SystemContext system = mock(SystemContext.class);
  IncidentClosure closure;

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(PLACED);
    when(system.currentUserId()).thenReturn("lena");
    engine.register("releaseLegalHold", new ReleaseLegalHoldDelegate(holds, system));
    closure = new IncidentClosure(mock(IncidentLifecycle.class), engine.getRuntimeService(),
        new SystemContext(engine.getIdentityService()));
  }

  @Test
  void theCustodiansAreToldAndOnceTheIncidentIsClosedLegalReleasesTheHoldInTheirName() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Elements.TASK_SEND_NOTICE, Elements.EVENT_INCIDENT_CLOSED);

    execute(job(Elements.TASK_SEND_NOTICE, pi));
    Assertions.assertThat(sendNotice.single())
        .containsEntry(SendNoticeDelegate.TEMPLATE.name(), "legal-hold-notice")
        .containsEntry(SendNoticeDelegate.RECIPIENT_GROUPS.name(), "ir-analyst,it-operations,legal")
        .containsEntry(SendNoticeDelegate.RECIPIENT_ADDRESSES.name(), "counsel@lawfirm.example")
        .containsEntry(Recorder.BUSINESS_KEY, INCIDENT);
    assertThat(pi).hasPassed(Elements.EVENT_CUSTODIANS_NOTIFIED).isWaitingAt(Elements.EVENT_INCIDENT_CLOSED);

    closure.close(INCIDENT); // what closing the incident does
    execute(job(Elements.EVENT_INCIDENT_CLOSED, pi));
    assertThat(pi).isWaitingAt(Elements.TASK_REVIEW);
    assertThat(task(Elements.TASK_REVIEW, pi)).hasCandidateGroup("legal");
    Assertions.assertThat(engine.getFormService().getTaskFormData(task(Elements.TASK_REVIEW, pi).getId())
        .getCamundaFormRef().getKey()).isEqualTo(LegalHoldApi.FORM_KEY);

    complete(task(Elements.TASK_REVIEW, pi), withVariables(Variables.RELEASE.name(), "yes",
        Variables.REVIEW_REASONS.name(), "settled; counsel confirms no proceedings are expected"));

    assertThat(pi).isEnded().hasPassed(Elements.TASK_RECORD_RELEASE, Elements.EVENT_RELEASED)
        .hasNotPassed(Elements.EVENT_REVIEW_AGAIN);
    verify(holds).release(INCIDENT, "settled; counsel confirms no proceedings are expected", "lena");
  }

  @Test
  void aClosureBeforeTheNoticeIsOutIsHeardAndAKeptHoldIsReviewedAgainIn90Days() {
    ProcessInstance pi = start();
    closure.close(INCIDENT); // the notice job has not run (e.g. the mail server is down)
    execute(job(Elements.EVENT_INCIDENT_CLOSED, pi));
    assertThat(pi).isWaitingAt(Elements.TASK_SEND_NOTICE, Elements.TASK_REVIEW);

    complete(task(Elements.TASK_REVIEW, pi), withVariables(Variables.RELEASE.name(), "no",
        Variables.REVIEW_REASONS.name(), "a claim by the former employee is expected"));
    assertThat(pi).isWaitingAt(Elements.TASK_SEND_NOTICE, Elements.EVENT_REVIEW_AGAIN);
    verify(holds, never()).release(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.any());
    Assertions.assertThat(job(Elements.EVENT_REVIEW_AGAIN, pi).getDuedate())
        .isEqualTo(Date.from(PLACED.plus(90, ChronoUnit.DAYS)));

    engine.setCurrentTime(PLACED.plus(90, ChronoUnit.DAYS));
    execute(job(Elements.EVENT_REVIEW_AGAIN, pi));
    Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).activityId(Elements.GATEWAY_REVIEW_MERGE).count())
        .as("in after the closure, back after 90 days").isEqualTo(2);
    complete(task(Elements.TASK_REVIEW, pi), withVariables(Variables.RELEASE.name(), "yes",
        Variables.REVIEW_REASONS.name(), "the claim was withdrawn in writing"));
    verify(holds).release(INCIDENT, "the claim was withdrawn in writing", "lena");
    assertThat(pi).isNotEnded().isWaitingAt(Elements.TASK_SEND_NOTICE);

    execute(job(Elements.TASK_SEND_NOTICE, pi));
    assertThat(pi).isEnded().hasPassed(Elements.EVENT_CUSTODIANS_NOTIFIED, Elements.EVENT_RELEASED);
  }

  @Test
  void closingAnIncidentWithNothingWaitingIsFine() {
    closure.close("INC-2026-0999");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  private ProcessInstance start() {
    Map<String, Object> v = new HashMap<>();
    Inputs.INCIDENT_ID.put(v, INCIDENT);
    Inputs.TITLE.put(v, "Insider copied the customer list");
    Variables.REASON.put(v, "Insider indicators: dismissal and a claim are likely");
    Variables.PLACED_AT.put(v, PLACED.toString());
    Variables.CUSTODIAN_GROUPS.put(v, "ir-analyst,it-operations,legal");
    Variables.CUSTODIAN_ADDRESSES.put(v, "counsel@lawfirm.example");
    return engine.getRuntimeService().startProcessInstanceByKey(LegalHoldApi.PROCESS_KEY, INCIDENT, v);
  }
}
