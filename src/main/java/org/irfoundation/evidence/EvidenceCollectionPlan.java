package org.irfoundation.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.evidence.EvidenceCollectionApi.State;
import org.irfoundation.evidence.EvidenceCollectionDelegates.Item;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanCollection}: reads what the calling step wants collected, sets the due date and collectors,
 * and checks what the incident's evidence already covers.
 */
@Component("evidenceCollectionPlan")
public class EvidenceCollectionPlan implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(Inputs.EVIDENCE_ITEMS, Inputs.EVIDENCE_DUE,
      Inputs.EVIDENCE_COLLECTORS);
  /** Due and collectors are written back with their defaults: the overdue timer and the collect task read them. */
  public static final List<Variable<?>> OUTPUTS = List.of(State.INCIDENT_ID, State.REQUIRED_ITEMS,
      State.EVIDENCE_DUE_AT, Inputs.EVIDENCE_DUE, Inputs.EVIDENCE_COLLECTORS, State.MISSING_ITEMS,
      State.EVIDENCE_COMPLETE, State.COLLECTED_EVIDENCE);

  private final EvidenceCatalog catalog;
  private final ObjectMapper json;

  public EvidenceCollectionPlan(EvidenceCatalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String incidentId = IncidentOfStep.of(execution);
    List<Item> items = EvidenceCollectionDelegates.items(Inputs.EVIDENCE_ITEMS.get(execution), json);
    List<String> required = items.stream().filter(Item::required).map(Item::name).toList();
    String due = Inputs.EVIDENCE_DUE.getOrDefault(execution, Inputs.DEFAULT_DUE);

    State.INCIDENT_ID.set(execution, incidentId);
    State.REQUIRED_ITEMS.set(execution, json.writeValueAsString(required));
    State.EVIDENCE_DUE_AT.set(execution, EvidenceCollectionDelegates.dueAt(due));
    Inputs.EVIDENCE_DUE.set(execution, due);
    Inputs.EVIDENCE_COLLECTORS.set(execution,
        Inputs.EVIDENCE_COLLECTORS.getOrDefault(execution, Inputs.DEFAULT_COLLECTORS));
    EvidenceCollectionDelegates.apply(execution, catalog.status(incidentId, required), json);
  }
}
