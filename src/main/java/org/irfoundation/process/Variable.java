package org.irfoundation.process;

import java.util.Map;
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

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public T from(Map<String, ?> variables) {
    return type.cast(variables.get(name));
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }
}
