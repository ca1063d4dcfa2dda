package org.irfoundation.rollout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A rollout task is due when its week is (17:00 UTC, n weeks after the start date; weeks 5-6 after six), so Tasklist
 * shows "due in 3 days" and overdue in red; a due date the model sets stays.
 */
@Component
public class RolloutTaskDue {

  private static final Pattern WEEK = Pattern.compile("SubProcess_Week(\\d)");

  private final RolloutCalendar calendar;

  public RolloutTaskDue(RolloutCalendar calendar) {
    this.calendar = calendar;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void created(DelegateTask task) {
    if (task.getDueDate() != null || !task.getProcessDefinitionId().startsWith(RolloutApi.PROCESS_KEY + ":")) {
      return;
    }
    String startDate = Inputs.START_DATE.get(task);
    Integer week = weekOf(task.getBpmnModelElementInstance());
    if (startDate != null && week != null) {
      task.setDueDate(calendar.due(startDate, week));
    }
  }

  /** The week sub-process the element lies in, or null outside the weeks. */
  static Integer weekOf(ModelElementInstance element) {
    for (ModelElementInstance at = element; at != null; at = at.getParentElement()) {
      if (at instanceof SubProcess sub) {
        Matcher matcher = WEEK.matcher(sub.getId());
        if (matcher.matches()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
    }
    return null;
  }
}
