package org.irfoundation.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.irfoundation.engine.SystemContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every completed user task on its incident's timeline, with who completed it, and everyone who was assigned
 * or completed one of its tasks on its team. Listens to the task events the Camunda starter publishes (in the
 * engine's transaction), so no diagram needs a listener.
 */
@Component
public class TaskTimeline {

  private final IncidentLifecycle incidents;
  private final IncidentTeam team;
  private final SystemContext system;

  public TaskTimeline(IncidentLifecycle incidents, IncidentTeam team, SystemContext system) {
    this.incidents = incidents;
    this.team = team;
    this.system = system;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
  public void assigned(DelegateTask task) {
    String incidentId = IncidentOfStep.of(task);
    if (incidentId != null) {
      team.worked(incidentId, task.getAssignee());
    }
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void completed(DelegateTask task) {
    String incidentId = IncidentOfStep.of(task);
    if (incidentId == null) {
      return;
    }
    String actor = system.currentUserId() != null ? system.currentUserId() : task.getAssignee();
    incidents.recordEvent(incidentId, TimelineEvent.TASK_COMPLETED, actor, modelledName(task));
    team.worked(incidentId, actor);
  }

  /** The step as modelled: the task card's name also carries the incident id and severity, which the timeline has. */
  private static String modelledName(DelegateTask task) {
    FlowElement element = task.getBpmnModelElementInstance();
    return element != null && element.getName() != null ? element.getName() : task.getName();
  }
}
