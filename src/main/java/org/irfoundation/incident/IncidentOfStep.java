package org.irfoundation.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one rule for which incident a process step works for: the process's business key, which every process of
 * an incident carries (intake starts {@code incident-response} with the incident id, and every call activity passes
 * it on); a process started without one may name it in the {@code incidentId} variable.
 */
public final class IncidentOfStep {

  private IncidentOfStep() {}

  /** The incident of a service task or listener; a step of no incident is a modelling error, named here. */
  public static String of(DelegateExecution execution) {
    String id = find(execution.getProcessBusinessKey(), execution);
    if (id == null) {
      throw new IllegalStateException(execution.getCurrentActivityId() + " needs the incident id as the process's"
          + " business key (camunda:in businessKey) or in the variable " + IncidentResponseApi.Inputs.INCIDENT_ID.name());
    }
    return id;
  }

  /** The incident of a user task, or null for a task of no incident (e.g. of the rollout). */
  public static String of(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    return execution == null ? null : find(execution.getProcessBusinessKey(), task);
  }

  private static String find(String businessKey, VariableScope scope) {
    if (businessKey != null && !businessKey.isBlank()) {
      return businessKey;
    }
    String variable = IncidentResponseApi.Inputs.INCIDENT_ID.get(scope);
    return variable == null || variable.isBlank() ? null : variable;
  }
}
