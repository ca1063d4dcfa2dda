package org.irfoundation.engine;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable's name and type in one place (STYLE.md 7): code reads and writes variables only
 * through these, never with bare strings.
 */
public record Variable<T>(String name, Class<T> type) {

  public static <T> Variable<T> of(String name, Class<T> type) {
    return new Variable<>(name, type);
  }

  public T get(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  /**
   * A required input parameter of a step: a missing or blank value fails the step with a message naming it, e.g.
   * "Comment ticket (Task_CommentTicket) needs the input parameter comment".
   */
  public T required(DelegateExecution execution, String step) {
    T value = get(execution);
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException(step + " (" + execution.getCurrentActivityId()
          + ") needs the input parameter " + name);
    }
    return value;
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /**
   * Sets it on this scope only (e.g. one multi-instance instance), where {@link #set} would put a new variable on the
   * process instance, shared by every instance.
   */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Sets it on an execution or process instance from outside the process. */
  public void setOn(RuntimeService runtimeService, String executionId, T value) {
    runtimeService.setVariable(executionId, name, value);
  }

  public T from(Map<String, ?> variables) {
    return type.cast(variables.get(name));
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }
}
