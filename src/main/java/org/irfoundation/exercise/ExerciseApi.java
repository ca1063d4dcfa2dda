package org.irfoundation.exercise;

import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi;

/**
 * The {@code ir-exercise} process (bpmn/ir-exercise.bpmn) as code sees it (STYLE.md 6): one run of a scenario.
 * Business key = exercise id ({@code EX-yyyy-nnnn}).
 */
public final class ExerciseApi {

  public static final String PROCESS_KEY = "ir-exercise";
  public static final String MESSAGE_INCIDENT_ENDED = "ExerciseIncidentEnded";
  /** Called at the end of an exercise whose incident did not have its own review. */
  public static final String REVIEW_PROCESS_KEY = "post-incident-review";

  /** Set by POST /api/exercises. */
  public static final class Inputs {
    public static final Variable<String> EXERCISE_ID = Variable.of("exerciseId", String.class);
    public static final Variable<String> SCENARIO = Variable.of("scenario", String.class);
    public static final Variable<String> MODE = Variable.of("mode", String.class);
    public static final Variable<Integer> TIME_COMPRESSION = Variable.of("timeCompression", Integer.class);
    /** The user who runs the exercise: the facilitate and debrief tasks are theirs. */
    public static final Variable<String> FACILITATOR = Variable.of("facilitator", String.class);
    /** The rollout whose simulation week the exercise is (POST /api/exercises only). */
    public static final Variable<String> ROLLOUT_ID = org.irfoundation.rollout.RolloutApi.Inputs.ROLLOUT_ID;

    private Inputs() {}
  }

  /** Set by the process's steps. */
  public static final class Vars {
    // incidentId, severity, category, playbookKey: as incident-response names them (IncidentResponseApi)
    public static final Variable<String> INCIDENT_ID = IncidentResponseApi.Inputs.INCIDENT_ID;
    public static final Variable<String> SEVERITY = IncidentResponseApi.Decided.SEVERITY;
    public static final Variable<String> CATEGORY = IncidentResponseApi.Inputs.CATEGORY;
    public static final Variable<String> PLAYBOOK_KEY = IncidentResponseApi.Decided.PLAYBOOK_KEY;
    public static final Variable<String> INJECT_ID = Variable.of("injectId", String.class);
    /** Whether the incident had its post-incident review before the exercise ended. */
    public static final Variable<Boolean> INCIDENT_REVIEWED = Variable.of("incidentReviewed", Boolean.class);
    public static final Variable<String> DEBRIEF_NOTES = Variable.of("debriefNotes", String.class);

    private Vars() {}
  }

  public static final class Elements {
    public static final String CONDUCT = "SubProcess_Conduct";
    public static final String INJECTS = "SubProcess_Injects";
    public static final String EVENT_INJECT_DUE = "Event_InjectDue";
    public static final String TASK_FIRE_INJECT = "Task_FireInject";
    public static final String TASK_FACILITATE = "Task_Facilitate";
    public static final String EVENT_INCIDENT_ENDED = "Event_IncidentEnded";
    public static final String TASK_STOP_INCIDENT = "Task_StopExerciseIncident";
    public static final String TASK_DEBRIEF = "Task_Debrief";
    public static final String CALL_REVIEW = "Call_PostIncidentReview";
    public static final String TASK_SCORE = "Task_ScoreExercise";

    private Elements() {}
  }

  private ExerciseApi() {}
}
