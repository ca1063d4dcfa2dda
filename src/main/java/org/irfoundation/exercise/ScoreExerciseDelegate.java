package org.irfoundation.exercise;

import static org.irfoundation.exercise.ExerciseApi.Inputs.EXERCISE_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${scoreExercise}}: the exercise ends, is scored from its expectations and its report stored. */
@Component("scoreExercise")
public class ScoreExerciseDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(EXERCISE_ID);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final ExerciseResults results;

  public ScoreExerciseDelegate(ExerciseResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    results.finish(EXERCISE_ID.required(execution, "score the exercise"));
  }
}
