package org.irfoundation.exercise;

import static org.irfoundation.exercise.ExerciseApi.Inputs.EXERCISE_ID;
import static org.irfoundation.exercise.ExerciseApi.Vars.CATEGORY;
import static org.irfoundation.exercise.ExerciseApi.Vars.INCIDENT_ID;
import static org.irfoundation.exercise.ExerciseApi.Vars.PLAYBOOK_KEY;
import static org.irfoundation.exercise.ExerciseApi.Vars.SEVERITY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.Incident;
import org.springframework.stereotype.Component;

/** {@code ${reportExerciseIncident}}: the scenario's incident, reported through the intake as an exercise. */
@Component("reportExerciseIncident")
public class ReportExerciseIncidentDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(EXERCISE_ID);
  public static final List<Variable<?>> OUTPUTS = List.of(INCIDENT_ID, SEVERITY, CATEGORY, PLAYBOOK_KEY);

  private final ExerciseConduct conduct;

  public ReportExerciseIncidentDelegate(ExerciseConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident incident = conduct.reportIncident(EXERCISE_ID.required(execution, "report the exercise's incident"));
    INCIDENT_ID.set(execution, incident.id());
    SEVERITY.set(execution, incident.severity());
    CATEGORY.set(execution, incident.category());
    PLAYBOOK_KEY.set(execution, incident.playbook());
  }
}
