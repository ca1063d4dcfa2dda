package org.irfoundation.exercise;

import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.reporting.StoredReport;
import org.irfoundation.response.ImprovementActions;
import org.springframework.stereotype.Service;

/** The end of an exercise: scored, the score on the incident's timeline, the simulation report stored. */
@Service
public class ExerciseResults {

  private final Exercises exercises;
  private final Scenarios scenarios;
  private final Scoring scoring;
  private final IncidentLifecycle lifecycle;
  private final ImprovementActions improvements;
  private final ExerciseReports reports;

  public ExerciseResults(Exercises exercises, Scenarios scenarios, Scoring scoring, IncidentLifecycle lifecycle,
      ImprovementActions improvements, ExerciseReports reports) {
    this.exercises = exercises;
    this.scenarios = scenarios;
    this.scoring = scoring;
    this.lifecycle = lifecycle;
    this.improvements = improvements;
    this.reports = reports;
  }

  public Scoring.Score finish(String exerciseId) {
    Exercise exercise = exercises.find(exerciseId).orElseThrow();
    Scoring.Score score = scoring.score(exercise, scenarios.of(exercise));
    if (exercise.incidentId() != null && reports.stored(exercise).isEmpty()) {
      lifecycle.recordEvent(exercise.incidentId(), TimelineEvent.EXERCISE_SCORED, null, score.summary());
      reports.storeFinal(exercise); // the last step: a retried job finds the report and records nothing twice
    }
    return score;
  }

  public Scoring.Score current(Exercise exercise) {
    return scoring.score(exercise, scenarios.of(exercise));
  }

  /** The stored simulation report's SHA-256, null until stored. */
  public String reportSha256(Exercise exercise) {
    return reports.stored(exercise).map(StoredReport::sha256).orElse(null);
  }

  /** The lessons the exercise's review recorded (improvement actions of its incident). */
  public int lessons(Exercise exercise) {
    return exercise.incidentId() == null ? 0 : improvements.forIncident(exercise.incidentId()).size();
  }

  public int lessonsWithoutOwner(Exercise exercise) {
    return exercise.incidentId() == null ? 0 : (int) improvements.forIncident(exercise.incidentId()).stream()
        .filter(i -> i.owner() == null || i.owner().isBlank() || i.due() == null).count();
  }
}
