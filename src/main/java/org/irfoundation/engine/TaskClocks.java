package org.irfoundation.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The clocks a user task runs against: the due dates of the timers on its own boundary events, as the engine created
 * them when the task's scope started (so already compressed for an exercise). Read from the task's execution in the
 * same transaction, when the task is created: the timers are not in the database yet.
 */
public final class TaskClocks {

  private TaskClocks() {}

  /** When the task's boundary timers fire, earliest first; empty for a task without any. */
  public static List<Date> timersOf(DelegateTask task) {
    if (!(task.getExecution() instanceof ExecutionEntity execution)) {
      return List.of();
    }
    FlowElement element = task.getBpmnModelElementInstance();
    List<Date> dues = new ArrayList<>();
    for (JobEntity job : execution.getJobs()) {
      if (job instanceof TimerEntity timer && timer.getDuedate() != null && element != null
          && attachedTo(element, timer.getActivityId())) {
        dues.add(timer.getDuedate());
      }
    }
    dues.sort(Date::compareTo);
    return dues;
  }

  private static boolean attachedTo(FlowElement task, String eventId) {
    ModelElementInstance event = eventId == null ? null : task.getModelInstance().getModelElementById(eventId);
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
        && task.getId().equals(boundary.getAttachedTo().getId());
  }
}
