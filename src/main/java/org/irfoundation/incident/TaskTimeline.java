package org.irfoundation.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.irfoundation.engine.SystemContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every completed user task on its incident's timeline, with who completed it. Listens to the
 * task events the Camunda starter publishes (in the engine's transaction), so no diagram needs a listener.
 */
@Component
public class TaskTimeline {

  private final IncidentLifecycle incidents;
  private final SystemContext system;

  public TaskTimeline(IncidentLifecycle incidents, SystemContext system) {
    this.incidents = incidents;
    this.system = system;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void completed(DelegateTask task) {
    String incidentId = IncidentOfStep.of(task);
    if (incidentId == null) {
      return;
    }
    String actor = system.currentUserId();
    incidents.recordEvent(incidentId, TimelineEvent.TASK_COMPLETED, actor != null ? actor : task.getAssignee(),
        task.getName());
  }
}
