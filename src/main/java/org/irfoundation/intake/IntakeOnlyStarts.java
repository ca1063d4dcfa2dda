package org.irfoundation.intake;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.ProcessEngineException;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.ProcessInstanceStartListener;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.evidence.LegalHoldApi;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Incidents;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.ImprovementActionApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.irfoundation.response.ObligationDeterminationApi;
import org.irfoundation.response.PostIncidentReviewApi;
import org.irfoundation.response.RegulatoryNotificationApi;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The processes of an incident start only for an incident the intake opened (its row exists before the start, in the
 * same transaction): a start from the engine's REST API or Cockpit with another business key, or none, is refused and
 * rolls back, so no incident-response runs without an incident behind it. Called activities are the product's own.
 */
@Component
@Order(0)
public class IntakeOnlyStarts implements ProcessInstanceStartListener {

  /** Started by the product only, with the incident id as business key; not startable in Tasklist either. */
  public static final Set<String> PRODUCT_ONLY = Set.of(IncidentResponseApi.PROCESS_KEY,
      CompromisedAccountPlaybookApi.PROCESS_KEY, MalwareRansomwarePlaybookApi.PROCESS_KEY, DataBreachApi.PROCESS_KEY,
      RegulatoryNotificationApi.PROCESS_KEY, EvidenceCollectionApi.PROCESS_KEY, ObligationDeterminationApi.PROCESS_KEY,
      LegalHoldApi.PROCESS_KEY, PostIncidentReviewApi.PROCESS_KEY, ImprovementActionApi.PROCESS_KEY);

  private final Incidents incidents;

  public IntakeOnlyStarts(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void started(DelegateExecution processInstance) {
    if (processInstance.getSuperExecution() != null || !PRODUCT_ONLY.contains(processKey(processInstance))) {
      return;
    }
    String incidentId = processInstance.getProcessBusinessKey();
    if (incidentId == null || incidents.find(incidentId).isEmpty()) {
      throw refusal(processKey(processInstance), incidentId);
    }
  }

  static ProcessEngineException refusal(String processKey, String businessKey) {
    return FormRefusal.of("businessKey", processKey + " is started by IR Foundation"
        + " for an incident it opened, not directly: report the incident (POST /api/incidents or Tasklist's"
        + " \"Report an incident\")" + (businessKey == null ? "" : "; no incident " + businessKey));
  }

  /** From the definition id ({@code key:version:uuid}), or from the repository when the key is too long for that. */
  private static String processKey(DelegateExecution processInstance) {
    String definitionId = processInstance.getProcessDefinitionId();
    int colon = definitionId.indexOf(':');
    return colon > 0 ? definitionId.substring(0, colon) : processInstance.getProcessEngineServices()
        .getRepositoryService().getProcessDefinition(definitionId).getKey();
  }
}
