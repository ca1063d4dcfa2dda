package org.irfoundation.exercise;

import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code ${exerciseInjects}} in ir-exercise: the injects to fire and when each is due on the clock. */
@Component("exerciseInjects")
public class ExerciseInjects {

  private final Exercises exercises;
  private final Scenarios scenarios;

  public ExerciseInjects(Exercises exercises, Scenarios scenarios) {
    this.exercises = exercises;
    this.scenarios = scenarios;
  }

  /** The inject ids of the scenario, in the file's order (the multi-instance collection). */
  public List<String> ids(String scenarioId) {
    return scenarios.find(scenarioId).orElseThrow(() -> new IllegalStateException("no scenario " + scenarioId))
        .injects().stream().map(Scenario.Inject::id).toList();
  }

  /** The inject's offset of scenario time, compressed: when it arrives. */
  public Date dueAt(String exerciseId, String injectId) {
    Exercise exercise = exercises.find(exerciseId).orElseThrow();
    return Date.from(exercise.clockTimeOf(scenarios.of(exercise).inject(injectId).at()));
  }
}
