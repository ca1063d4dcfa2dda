package org.irfoundation.exercise;

import static org.irfoundation.exercise.ExerciseApi.Inputs.EXERCISE_ID;
import static org.irfoundation.exercise.ExerciseApi.Vars.INJECT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${fireInject}}: one inject of the scenario arrives (war room, timeline, alert, facts, message). */
@Component("fireInject")
public class FireInjectDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(EXERCISE_ID, INJECT_ID);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final ExerciseConduct conduct;

  public FireInjectDelegate(ExerciseConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  public void execute(DelegateExecution execution) {
    conduct.fireInject(EXERCISE_ID.required(execution, "fire an inject"), INJECT_ID.required(execution,
        "fire an inject"));
  }
}
