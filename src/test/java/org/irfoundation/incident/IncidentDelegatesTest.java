package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.FakeExecution;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.junit.jupiter.api.Test;

/** Close incident and record timeline event: thin calls of {@link IncidentLifecycle} (and the closure message). */
class IncidentDelegatesTest {

  static final String INCIDENT = "INC-2026-0001";

  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);

  @Test
  void closeIncidentClosesTheRecordWhichRecordsTheTimelineEntryItselfAndTellsWhatWaitsForTheClosure() {
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    SystemContext system = mock(SystemContext.class);
    when(system.call(any())).thenAnswer(call -> call.getArgument(0, Supplier.class).get());

    new CloseIncidentDelegate(new IncidentClosure(lifecycle, runtime, system)).execute(
        new FakeExecution(INCIDENT, Elements.TASK_CLOSE_INCIDENT, "pi-1").with(Inputs.INCIDENT_ID.name(), INCIDENT)
            .execution);

    verify(lifecycle).close(INCIDENT);
    verifyNoMoreInteractions(lifecycle);
    verify(runtime.createMessageCorrelation(IncidentResponseApi.MESSAGE_INCIDENT_CLOSED)
        .processInstanceBusinessKey(INCIDENT)).correlateAllWithResult();
    verify(system).call(any());
  }

  @Test
  void recordTimelineEventRecordsItsInputParameters() {
    new RecordTimelineEventDelegate(lifecycle).execute(
        new FakeExecution(INCIDENT, Elements.TASK_RECORD_ESCALATION_REASSESSED, "sub-1")
            .with(RecordTimelineEventDelegate.EVENT_TYPE.name(), TimelineEvent.ESCALATION_REASSESSED.name())
            .with(RecordTimelineEventDelegate.EVENT_DETAIL.name(), "Severity P1: engaged ir-lead").execution);
    verify(lifecycle).recordEvent(INCIDENT, TimelineEvent.ESCALATION_REASSESSED, null, "Severity P1: engaged ir-lead");
  }

  @Test
  void aMissingEventTypeIsAModelErrorAndFailsTheJob() {
    assertThatThrownBy(() -> new RecordTimelineEventDelegate(lifecycle).execute(
        new FakeExecution(INCIDENT, "Task_Somewhere", "sub-1").execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("eventType").hasMessageContaining("Task_Somewhere");
  }
}
