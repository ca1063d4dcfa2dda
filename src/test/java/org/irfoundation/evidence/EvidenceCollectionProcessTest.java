package org.irfoundation.evidence;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.irfoundation.evidence.EvidenceCatalog.CollectedItem;
import org.irfoundation.evidence.EvidenceCatalog.CollectionStatus;
import org.irfoundation.evidence.EvidenceCollectionApi.Elements;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.evidence.EvidenceCollectionApi.State;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.testing.ProcessTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of evidence-collection on the in-memory engine, with the evidence catalog mocked. */
@Deployment(resources = {"bpmn/evidence-collection.bpmn", "bpmn/forms/collect-evidence.form"})
class EvidenceCollectionProcessTest {

  /** Every flow node and sequence flow of the model is covered by this class (report: target/process-test-coverage). */
  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String INCIDENT = "INC-2026-0042";
  static final String ITEMS = """
      [{"name": "memory-image", "required": true}, {"name": "firewall-logs", "required": false},
       "edr-triage-package"]""";
  static final List<String> REQUIRED = List.of("memory-image", "edr-triage-package");
  static final CollectionStatus NOTHING_YET = new CollectionStatus(REQUIRED, List.of());
  static final CollectionStatus ONE_MISSING = new CollectionStatus(List.of("edr-triage-package"),
      List.of(new CollectedItem("memory-image", "8c1f0b6e-7d2a-4d1e-9f3a-1b2c3d4e5f60", "ab".repeat(32),
          "fs:8c/8c1f0b6e-7d2a-4d1e-9f3a-1b2c3d4e5f60")));
  static final CollectionStatus ALL_VERIFIED = new CollectionStatus(List.of(),
      List.of(ONE_MISSING.collected().get(0), new CollectedItem("edr-triage-package",
          "0d9e8f7a-6b5c-4d3e-8f2a-a1b2c3d4e5f6", "cd".repeat(32), "fs:0d/0d9e8f7a-6b5c-4d3e-8f2a-a1b2c3d4e5f6")));

  final EvidenceCatalog catalog = mock(EvidenceCatalog.class);
  final IncidentLifecycle incidents = mock(IncidentLifecycle.class);
  final LegalHolds holds = mock(LegalHolds.class);
  final LegalHoldProcess holdProcess = mock(LegalHoldProcess.class);
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void delegates() {
    engine.setCurrentTime(Instant.parse("2026-11-28T09:00:00Z"));
    engine.register("evidenceCollectionPlan", new EvidenceCollectionPlan(catalog, json));
    engine.register("evidenceCheck", new EvidenceCheck(catalog, json));
    engine.register("evidenceOverdue", new EvidenceOverdue(incidents));
    engine.register("placeLegalHold", new PlaceLegalHoldDelegate(holds, holdProcess));
  }

  @Test
  void evidenceVerifiedBeforeTheRequestEndsItAtOnce() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(ALL_VERIFIED);

    ProcessInstance instance = start(ITEMS);

    assertThat(instance).isEnded().hasPassed(Elements.TASK_PLAN, Elements.EVENT_NOTHING_TO_COLLECT)
        .hasNotPassed(Elements.SUBPROCESS_COLLECT, Elements.TASK_PLACE_LEGAL_HOLD);
    verifyNoInteractions(holds);
    Assertions.assertThat(variable(instance, State.COLLECTED_EVIDENCE.name()).toString())
        .contains("0d9e8f7a-6b5c-4d3e-8f2a-a1b2c3d4e5f6", "fs:8c/").doesNotContain("content");
  }

  @Test
  void theTaskClosesItselfOnceUploadsAndVerificationsCompleteTheList() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(NOTHING_YET, ONE_MISSING, ALL_VERIFIED);
    ProcessInstance instance = start(ITEMS);

    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT).variables()
        .containsEntry(State.MISSING_ITEMS.name(), "memory-image, edr-triage-package")
        .containsEntry(State.INCIDENT_ID.name(), INCIDENT);
    assertThat(task()).hasCandidateGroup("ir-analyst").hasCandidateGroup("it-operations")
        .hasDueDate(Date.from(Instant.parse("2026-11-29T09:00:00Z")));
    Assertions.assertThat(engine.getFormService().getTaskFormData(task().getId())
        .getCamundaFormRef().getKey()).isEqualTo(EvidenceCollectionApi.FORM_KEY);

    registered(); // the first item arrives: checked in a job of its own, one still missing
    execute(job(Elements.TASK_CHECK_REGISTERED));
    assertThat(instance).hasPassed(Elements.EVENT_STILL_MISSING).isWaitingAt(Elements.TASK_COLLECT).variables()
        .containsEntry(State.MISSING_ITEMS.name(), "edr-triage-package");

    registered(); // the last one is verified: the task closes, the process ends
    execute(job(Elements.TASK_CHECK_REGISTERED));
    assertThat(instance).isEnded().hasPassed(Elements.EVENT_ALL_VERIFIED, Elements.EVENT_COLLECTED);
    Assertions.assertThat(taskQuery().count()).isZero();
    Assertions.assertThat(variable(instance, State.EVIDENCE_COMPLETE.name())).isEqualTo(true);
  }

  @Test
  void completingTheTaskWhileItemsAreMissingReopensIt() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(NOTHING_YET, ONE_MISSING, ALL_VERIFIED);
    ProcessInstance instance = start(ITEMS);
    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT);

    complete(task());
    execute(job(Elements.TASK_COLLECT));
    assertThat(instance).hasPassed(Elements.TASK_CHECK).isWaitingAt(Elements.TASK_COLLECT);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(Elements.GATEWAY_COLLECT_MERGE).count()).as("in at the start, back after the check").isEqualTo(2);

    complete(task());
    execute(job(Elements.TASK_COLLECT));
    assertThat(instance).isEnded().hasPassed(Elements.EVENT_TASK_DONE, Elements.EVENT_COLLECTED)
        .hasNotPassed(Elements.EVENT_ALL_VERIFIED);
  }

  @Test
  void anOverdueCollectionGoesOnTheTimelineAndToTheIrLead() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(ONE_MISSING, ALL_VERIFIED);
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(INCIDENT).setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS)
        .setVariable(Inputs.EVIDENCE_DUE.name(), "PT4H").setVariable(Inputs.EVIDENCE_COLLECTORS.name(), "it-operations")
        .execute();
    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT);
    assertThat(task()).hasCandidateGroup("it-operations");
    Assertions.assertThat(job(Elements.EVENT_OVERDUE).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-11-28T13:00:00Z")));

    execute(job(Elements.EVENT_OVERDUE));

    verify(incidents).recordEvent(eq(INCIDENT), eq(TimelineEvent.EVIDENCE_OVERDUE), isNull(),
        contains("edr-triage-package"));
    assertThat(task(Elements.TASK_FOLLOW_UP)).hasCandidateGroup("ir-lead");
    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT, Elements.TASK_FOLLOW_UP);

    complete(task(Elements.TASK_FOLLOW_UP));
    execute(job(Elements.TASK_FOLLOW_UP));
    assertThat(instance).hasPassed(Elements.EVENT_FOLLOWED_UP).isWaitingAt(Elements.TASK_COLLECT);

    registered();
    execute(job(Elements.TASK_CHECK_REGISTERED));
    assertThat(instance).isEnded().hasPassed(Elements.EVENT_COLLECTED);
  }

  @Test
  void collectionFinishingClosesAnOpenFollowUp() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(ONE_MISSING, ALL_VERIFIED);
    ProcessInstance instance = start(ITEMS);
    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT);
    execute(job(Elements.EVENT_OVERDUE));
    assertThat(instance).isWaitingAt(Elements.TASK_COLLECT, Elements.TASK_FOLLOW_UP);

    registered();
    execute(job(Elements.TASK_CHECK_REGISTERED));

    assertThat(instance).isEnded().hasPassed(Elements.EVENT_COLLECTED).hasNotPassed(Elements.EVENT_FOLLOWED_UP);
    Assertions.assertThat(taskQuery().count()).isZero();
  }

  @Test
  void underLegalHoldTheHoldIsPlacedFirstForTheCollectorsAndLegalAndANewHoldStartsItsProcess() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(NOTHING_YET);
    LegalHolds.Hold hold = new LegalHolds.Hold(INCIDENT, Instant.parse("2026-11-28T09:00:00Z"),
        PlaceLegalHoldDelegate.PLACED_BY, "Evidence of incident " + INCIDENT + " may be needed in legal proceedings",
        List.of("ir-analyst", "it-operations", "legal"), null, null, null);
    when(holds.place(any(), any(), any(), any())).thenReturn(true);
    when(holds.find(INCIDENT)).thenReturn(Optional.of(hold));
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(INCIDENT).setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS)
        .setVariable(Inputs.LEGAL_HOLD.name(), true).execute();
    assertThat(instance).isWaitingAt(Elements.TASK_PLACE_LEGAL_HOLD); // a job of its own

    execute(job(Elements.TASK_PLACE_LEGAL_HOLD));

    verify(holds).place(INCIDENT, hold.reason(), hold.custodians(), "process:evidence-collection");
    verify(holdProcess).start(hold);
    assertThat(instance).hasPassed(Elements.GATEWAY_LEGAL_HOLD_MERGE).isWaitingAt(Elements.TASK_COLLECT);
  }

  @Test
  void aHoldInPlaceAlreadyStaysAsItIsAndTheCallerNamesReasonAndFurtherCustodians() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(ALL_VERIFIED);
    when(holds.place(any(), any(), any(), any())).thenReturn(false);
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(INCIDENT).setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS)
        .setVariable(Inputs.EVIDENCE_COLLECTORS.name(), "it-operations")
        .setVariable(Inputs.LEGAL_HOLD.name(), true)
        .setVariable(Inputs.LEGAL_HOLD_REASON.name(), "Ransom note: extortion claim to be expected")
        .setVariable(Inputs.LEGAL_HOLD_CUSTODIANS.name(), "ciso@acme.example, counsel@lawfirm.example").execute();

    execute(job(Elements.TASK_PLACE_LEGAL_HOLD, instance));

    verify(holds).place(INCIDENT, "Ransom note: extortion claim to be expected",
        List.of("it-operations", "legal", "ciso@acme.example", "counsel@lawfirm.example"),
        "process:evidence-collection");
    verifyNoInteractions(holdProcess);
    assertThat(instance).isEnded().hasPassed(Elements.EVENT_NOTHING_TO_COLLECT);
  }

  @Test
  void aCustodianThatIsNoAddressFailsTheStepAndPlacesNothing() {
    when(catalog.status(INCIDENT, REQUIRED)).thenReturn(NOTHING_YET);
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(INCIDENT).setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS)
        .setVariable(Inputs.LEGAL_HOLD.name(), true)
        .setVariable(Inputs.LEGAL_HOLD_CUSTODIANS.name(), "the CFO").execute();

    Assertions.assertThatThrownBy(() -> execute(job(Elements.TASK_PLACE_LEGAL_HOLD, instance)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'the CFO' is no e-mail address");
    verifyNoInteractions(holds, holdProcess);
    assertThat(instance).isWaitingAt(Elements.TASK_PLACE_LEGAL_HOLD);
  }

  @Test
  void withoutABusinessKeyTheIncidentIdVariableNamesTheIncident() {
    when(catalog.status(INCIDENT, List.of("memory-image"))).thenReturn(ALL_VERIFIED);
    ProcessInstance instance = runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .setVariable(Inputs.EVIDENCE_ITEMS.name(), List.of("memory-image"))
        .setVariable(State.INCIDENT_ID.name(), INCIDENT).execute();
    assertThat(instance).isEnded().hasPassed(Elements.EVENT_NOTHING_TO_COLLECT);
  }

  @Test
  void aMissingOrMalformedRequestIsATechnicalErrorAndStartsNothing() {
    for (String items : new String[] {null, "[not json", "[]", "[{\"required\": true}]",
        "[\"memory-image\", \"Memory-Image\"]"}) {
      Assertions.assertThatThrownBy(() -> start(items)).as(String.valueOf(items))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence");
    }
    Assertions.assertThatThrownBy(() -> runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
            .setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS).execute())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("business key");
    Assertions.assertThatThrownBy(() -> runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
            .businessKey(INCIDENT).setVariable(Inputs.EVIDENCE_ITEMS.name(), ITEMS)
            .setVariable(Inputs.EVIDENCE_DUE.name(), "tomorrow").execute())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidenceDue");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  private ProcessInstance start(String items) {
    return runtimeService().createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY).businessKey(INCIDENT)
        .setVariable(Inputs.EVIDENCE_ITEMS.name(), items).execute();
  }

  /** What the evidence API does after every upload and verification. */
  private void registered() {
    runtimeService().createMessageCorrelation(EvidenceCollectionApi.MESSAGE_EVIDENCE_REGISTERED)
        .processInstanceBusinessKey(INCIDENT).correlateAll();
  }

  private static Object variable(ProcessInstance instance, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
