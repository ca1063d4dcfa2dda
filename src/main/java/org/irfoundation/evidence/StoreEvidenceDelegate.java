package org.irfoundation.evidence;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.engine.CurrentJob;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.UrlEvidenceCollector.UrlCollection;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * "Store evidence" ({@code ${storeEvidence}}, element template {@code store-evidence.json}): fetches a file from an
 * HTTP(S) URL into the evidence store with its SHA-256 and a COLLECTED custody entry, like an upload through the
 * evidence API. The incident is the process's business key; the collector is the process
 * ({@code process:<process key>}). Input parameters: {@code evidenceUrl} and {@code evidenceDescription} (required),
 * {@code evidenceItem} (the evidence-collection item it satisfies) and {@code evidenceSource} (default: the URL's
 * host). Fetching is off unless {@code irf.evidence.fetch.allowed-hosts} lists the URL's host.
 *
 * <p>Safe to retry: the item is registered under a key of incident, activity and the job that runs the step (plus
 * the multi-instance {@code loopCounter}). Every retry of that job has the same key and finds the item an earlier
 * attempt stored; entering the step again (a loop) is a new job and fetches anew. The activity instance id cannot
 * serve: each attempt of an {@code asyncBefore} job gets a new one.
 */
@Component("storeEvidence")
public class StoreEvidenceDelegate implements JavaDelegate {

  public static final Variable<String> EVIDENCE_URL = Variable.of("evidenceUrl", String.class);
  public static final Variable<String> EVIDENCE_DESCRIPTION = Variable.of("evidenceDescription", String.class);
  public static final Variable<String> EVIDENCE_ITEM = Variable.of("evidenceItem", String.class);
  public static final Variable<String> EVIDENCE_SOURCE = Variable.of("evidenceSource", String.class);
  /** Set by the engine on each instance of a multi-instance activity. */
  static final Variable<Integer> LOOP_COUNTER = Variable.of("loopCounter", Integer.class);
  public static final List<Variable<?>> INPUTS = List.of(EVIDENCE_URL, EVIDENCE_DESCRIPTION, EVIDENCE_ITEM,
      EVIDENCE_SOURCE);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final UrlEvidenceCollector collector;

  public StoreEvidenceDelegate(UrlEvidenceCollector collector) {
    this.collector = collector;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId;
    try {
      incidentId = IncidentOfStep.of(execution);
    } catch (IllegalStateException noIncident) {
      throw new ConnectorConfigurationException(EvidenceFetcher.SYSTEM, 0, "Store evidence: " + noIncident.getMessage());
    }
    collector.collect(incidentId, new UrlCollection(EVIDENCE_URL.get(execution),
        EVIDENCE_DESCRIPTION.get(execution), EVIDENCE_ITEM.get(execution), EVIDENCE_SOURCE.get(execution),
        "process:" + processKey(execution), fetchKey(execution, incidentId)));
  }

  /** Incident, activity and the job running this attempt (the activity instance when no job runs it). */
  static String fetchKey(DelegateExecution execution, String incidentId) {
    Integer instance = LOOP_COUNTER.get(execution);
    return String.join(":", incidentId, execution.getCurrentActivityId(), CurrentJob.id().map(job -> "job:" + job)
        .orElse("activity-instance:" + execution.getActivityInstanceId())) + (instance == null ? "" : ":" + instance);
  }

  /** The id of the process the step belongs to (its definition key). */
  static String processKey(DelegateExecution execution) {
    for (ModelElementInstance element = execution.getBpmnModelElementInstance(); element != null;
        element = element.getParentElement()) {
      if (element instanceof Process process) {
        return process.getId();
      }
    }
    return execution.getProcessDefinitionId();
  }
}
