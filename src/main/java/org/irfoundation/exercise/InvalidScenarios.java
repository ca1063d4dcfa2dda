package org.irfoundation.exercise;

import java.util.List;

/** Scenario files with errors: the app does not start, and says which file, line and field (see the analyzer). */
public class InvalidScenarios extends IllegalStateException {

  private final List<String> errors;

  public InvalidScenarios(List<String> errors) {
    super("exercise scenarios with errors:\n  " + String.join("\n  ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
