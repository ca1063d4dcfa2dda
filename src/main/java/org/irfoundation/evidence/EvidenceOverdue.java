package org.irfoundation.evidence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.evidence.EvidenceCollectionApi.State;
import org.irfoundation.intake.IncidentLifecycle;
import org.springframework.stereotype.Component;

/** {@code Task_RecordOverdue}: puts the overdue collection, with what is missing, on the incident's timeline. */
@Component("evidenceOverdue")
public class EvidenceOverdue implements JavaDelegate {

  static final String EVENT_TYPE = "EVIDENCE_OVERDUE";

  private final IncidentLifecycle incidents;

  public EvidenceOverdue(IncidentLifecycle incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.recordEvent(EvidenceCollectionDelegates.incidentId(execution), EVENT_TYPE, null,
        "Evidence collection is overdue; still missing: " + State.MISSING_ITEMS.getOrDefault(execution, "?")
            + ". The IR lead follows up.");
  }
}
