package org.irfoundation.response;

import org.irfoundation.engine.Variable;

/**
 * The {@code post-incident-review} process as code sees it (STYLE.md 6). Called by {@code incident-response} at the
 * end of the response and by {@code ir-exercise} after an exercise, with the incident id as business key (and in
 * {@code incidentId}) and, when known, {@code severity} (the review's due date). It ends once the lessons are
 * recorded; each lesson goes on as an {@link ImprovementActionApi improvement-action} instance of its own.
 */
public final class PostIncidentReviewApi {

  public static final String PROCESS_KEY = "post-incident-review";
  public static final String REVIEW_FORM_KEY = "post-incident-review";

  /** The RACI activity of the review: responsible (the IR lead) and accountable (the IR program owner). */
  public static final String RACI_ACTIVITY = "post-incident-review";

  public static final class Elements {
    public static final String EVENT_REVIEW_DUE = "Event_ReviewDue";
    public static final String TASK_HOLD_REVIEW = "Task_HoldReview";
    public static final String TASK_RECORD_LESSONS = "Task_RecordLessons";
    public static final String GATEWAY_LESSONS_LEARNED = "Gateway_LessonsLearned";
    public static final String TASK_START_IMPROVEMENT_ACTIONS = "Task_StartImprovementActions";
    public static final String EVENT_LESSONS_TRACKED = "Event_LessonsTracked";
    public static final String EVENT_NOTHING_TO_IMPROVE = "Event_NothingToImprove";

    private Elements() {}
  }

  /** What the review form records, and what recording the lessons leaves behind. */
  public static final class Vars {
    public static final Variable<Boolean> TIMELINE_REVIEWED = Variable.of("timelineReviewed", Boolean.class);
    public static final Variable<String> WHAT_WENT_WELL = Variable.of("whatWentWell", String.class);
    public static final Variable<String> WHAT_WENT_WRONG = Variable.of("whatWentWrong", String.class);
    public static final Variable<String> ROOT_CAUSES = Variable.of("rootCauses", String.class);
    /** One lesson a line ({@link LessonLines}): {@code lesson | changes:... | owner:... | due:yyyy-mm-dd}. */
    public static final Variable<String> LESSONS = Variable.of("lessons", String.class);
    /** The ids of the improvement actions the lessons became, comma-separated (no list variable: no serialization). */
    public static final Variable<String> IMPROVEMENT_IDS = Variable.of("improvementIds", String.class);
    public static final Variable<Integer> LESSON_COUNT = Variable.of("lessonCount", Integer.class);

    private Vars() {}
  }

  private PostIncidentReviewApi() {}
}
