package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import org.irfoundation.engine.FakeExecution;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.junit.jupiter.api.Test;

/** Close incident and record timeline event: thin calls of {@link IncidentLifecycle}. */
class IncidentDelegatesTest {

  static final String INCIDENT = "INC-2026-0001";

  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);

  @Test
  void closeIncidentClosesTheRecordWhichRecordsTheTimelineEntryItself() {
    new CloseIncidentDelegate(lifecycle).execute(new FakeExecution(INCIDENT, Elements.TASK_CLOSE_INCIDENT, "pi-1")
        .with(Inputs.INCIDENT_ID.name(), INCIDENT).execution);
    verify(lifecycle).close(INCIDENT);
    verifyNoMoreInteractions(lifecycle);
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
