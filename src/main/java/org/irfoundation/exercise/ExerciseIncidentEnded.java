package org.irfoundation.exercise;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.exercise.ExerciseApi.Vars;
import org.irfoundation.incident.IncidentResponseApi;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When an exercise's incident-response ends (closed, or cancelled), its ir-exercise stops conducting. */
@Component
public class ExerciseIncidentEnded {

  private final ExerciseStore store;
  private final RuntimeService runtimeService;
  private final SystemContext system;

  public ExerciseIncidentEnded(ExerciseStore store, RuntimeService runtimeService, SystemContext system) {
    this.store = store;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
  public void ended(DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof Process)
        || !execution.getProcessDefinitionId().startsWith(IncidentResponseApi.PROCESS_KEY + ":")) {
      return;
    }
    String incidentId = execution.getProcessBusinessKey();
    // whoever closed the incident may not touch the exercise's process: the engine correlates
    store.findByIncident(incidentId).ifPresent(exercise -> system.call(() -> runtimeService
        .createMessageCorrelation(ExerciseApi.MESSAGE_INCIDENT_ENDED).processInstanceBusinessKey(exercise.id())
        .processInstanceVariableEquals(Vars.INCIDENT_ID.name(), incidentId).correlateAllWithResult()));
  }
}
