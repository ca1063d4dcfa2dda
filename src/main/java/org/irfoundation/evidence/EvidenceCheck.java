package org.irfoundation.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi.State;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckEvidence}, {@code Task_CheckRegisteredEvidence}: which required items are registered and
 * verified now ({@code missingItems}, {@code evidenceComplete}, {@code collectedEvidence}).
 */
@Component("evidenceCheck")
public class EvidenceCheck implements JavaDelegate {

  /** None from a caller: it reads {@code requiredItems}, which the plan set. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(State.MISSING_ITEMS, State.EVIDENCE_COMPLETE,
      State.COLLECTED_EVIDENCE);

  private final EvidenceCatalog catalog;
  private final ObjectMapper json;

  public EvidenceCheck(EvidenceCatalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvidenceCollectionDelegates.apply(execution, catalog.status(IncidentOfStep.of(execution),
        EvidenceCollectionDelegates.requiredItems(execution, json)), json);
  }
}
