package org.irfoundation.evidence;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi.State;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Component;

/** {@code Task_RecordOverdue}: puts the overdue collection, with what is missing, on the incident's timeline. */
@Component("evidenceOverdue")
public class EvidenceOverdue implements JavaDelegate {

  /** None from a caller: it reads {@code missingItems}, which the checks set. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final IncidentLifecycle incidents;

  public EvidenceOverdue(IncidentLifecycle incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.recordEvent(IncidentOfStep.of(execution), TimelineEvent.EVIDENCE_OVERDUE, null,
        "Evidence collection is overdue; still missing: " + State.MISSING_ITEMS.getOrDefault(execution, "?")
            + ". The IR lead follows up.");
  }
}
