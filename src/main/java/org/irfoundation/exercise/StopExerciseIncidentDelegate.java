package org.irfoundation.exercise;

import static org.irfoundation.exercise.ExerciseApi.Inputs.EXERCISE_ID;
import static org.irfoundation.exercise.ExerciseApi.Inputs.FACILITATOR;
import static org.irfoundation.exercise.ExerciseApi.Vars.INCIDENT_REVIEWED;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${stopExerciseIncident}}: the exercise is over; what of its incident still runs is cancelled. */
@Component("stopExerciseIncident")
public class StopExerciseIncidentDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(EXERCISE_ID, FACILITATOR);
  public static final List<Variable<?>> OUTPUTS = List.of(INCIDENT_REVIEWED);

  private final ExerciseConduct conduct;

  public StopExerciseIncidentDelegate(ExerciseConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  public void execute(DelegateExecution execution) {
    INCIDENT_REVIEWED.set(execution, conduct.stopIncident(EXERCISE_ID.required(execution, "end the exercise"),
        FACILITATOR.get(execution)));
  }
}
