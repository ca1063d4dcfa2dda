package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The deadline of a user task as its model gives it: its due date, or else a non-interrupting timer on it that
 * warns when it is overdue ("Triage not done in 15 min", "Acknowledge overdue" after {@code ${acknowledgeSla}}),
 * counted from when the task was created. A timer's expression may name one variable; anything else is no deadline.
 */
@Component
public class TaskDeadlines {

  private static final Pattern ONE_VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final RepositoryService repositoryService;
  private final SystemContext system;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  public TaskDeadlines(RepositoryService repositoryService, SystemContext system) {
    this.repositoryService = repositoryService;
    this.system = system;
  }

  /**
   * The task's deadline: {@code dueDate} when it has one, else created + its overdue timer's duration.
   *
   * @param variables the task's process variables by name (null when not set)
   */
  public Optional<Instant> dueAt(String processDefinitionId, String taskKey, Date dueDate, Date createdAt,
      Function<String, Object> variables) {
    if (dueDate != null) {
      return Optional.of(dueDate.toInstant());
    }
    if (createdAt == null || processDefinitionId == null) {
      return Optional.empty();
    }
    BpmnModelInstance model = models.computeIfAbsent(processDefinitionId,
        id -> system.call(() -> repositoryService.getBpmnModelInstance(id)));
    return model.getModelElementById(taskKey) instanceof UserTask task
        ? overdueAfter(task, variables).map(d -> createdAt.toInstant().plus(d)) : Optional.empty();
  }

  /** The duration of the non-interrupting timer on the task, if it has one the report can read. */
  public static Optional<Duration> overdueAfter(UserTask task, Function<String, Object> variables) {
    String taskKey = task.getId();
    for (BoundaryEvent boundary : task.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
      if (boundary.cancelActivity() || boundary.getAttachedTo() == null
          || !taskKey.equals(boundary.getAttachedTo().getId())) {
        continue;
      }
      for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
        if (timer.getTimeDuration() != null) {
          Optional<Duration> duration = duration(timer.getTimeDuration().getTextContent().trim(), variables);
          if (duration.isPresent()) {
            return duration;
          }
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Duration> duration(String text, Function<String, Object> variables) {
    Matcher variable = ONE_VARIABLE.matcher(text);
    if (variable.matches()) {
      Object value = variables.apply(variable.group(1));
      text = value == null ? "" : value.toString();
    }
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException notADuration) {
      return Optional.empty();
    }
  }
}
