package org.irfoundation.incident;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.FormRefusal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Times a responder records in a form (when a notice was filed, when a determination was made) must lie between the
 * incident's awareness and now: a user task names them in its extension property {@code timesSinceAwareness}. A time
 * outside refuses the completion with a message that says why, and the task stays open.
 */
@Component
public class RecordedTimes {

  public static final String PROPERTY = "timesSinceAwareness";
  /** Clock skew allowed between the responder's machine and the app. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  // the activity's end, not the task's complete event: the engine wraps a task listener's exception into an internal
  // error, an execution listener's reaches the caller as it is (REST: 400 with the message)
  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
  public void completing(DelegateExecution execution) {
    if (!(execution.getBpmnModelElementInstance() instanceof UserTask task)) {
      return;
    }
    String names = property(task);
    String aware = IncidentResponseApi.Inputs.AWARE_AT.get(execution);
    if (names == null || aware == null) {
      return;
    }
    Instant awareness = NotificationClock.parse(aware);
    Instant latest = EngineClock.now().plus(TOLERANCE);
    for (String name : Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList()) {
      Object value = execution.getVariable(name);
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      Instant at;
      try {
        at = NotificationClock.parse(value.toString());
      } catch (DateTimeException e) {
        throw FormRefusal.of(name, name + " '" + value + "' is not a time (ISO-8601, e.g. 2026-11-28T09:12:00Z)");
      }
      if (at.isBefore(awareness)) {
        throw FormRefusal.of(name, name + " " + at + " is before the incident was known (" + awareness
            + "): give a time between then and now");
      }
      if (at.isAfter(latest)) {
        throw FormRefusal.of(name, name + " " + at + " is in the future: give a time between " + awareness
            + " and now");
      }
    }
  }

  private static String property(UserTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }
}
