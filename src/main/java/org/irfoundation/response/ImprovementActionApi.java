package org.irfoundation.response;

import java.util.Date;
import org.irfoundation.engine.Variable;

/**
 * The {@code improvement-action} process as code sees it (STYLE.md 6): one lesson of a review as tracked work, started
 * by {@link ImprovementActions#start} with the incident id as business key. Its task is assigned to the owner and due
 * at the end of the due date; a reminder goes to the owner before, an escalation to the review's responsible and
 * accountable roles when it is overdue.
 */
public final class ImprovementActionApi {

  public static final String PROCESS_KEY = "improvement-action";
  public static final String ACTION_FORM_KEY = "improvement-action";

  public static final class Elements {
    public static final String EVENT_LESSON_RECORDED = "Event_LessonRecorded";
    public static final String TASK_WORK_IMPROVEMENT = "Task_WorkImprovement";
    public static final String EVENT_DUE_SOON = "Event_ImprovementDueSoon";
    public static final String EVENT_OVERDUE = "Event_ImprovementOverdue";
    public static final String TASK_REMIND_OWNER = "Task_RemindOwner";
    public static final String EVENT_OWNER_REMINDED = "Event_OwnerReminded";
    public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdue";
    public static final String EVENT_OVERDUE_ESCALATED = "Event_OverdueEscalated";
    public static final String TASK_RECORD_DONE = "Task_RecordImprovementDone";
    public static final String EVENT_IMPROVEMENT_DONE = "Event_ImprovementDone";

    private Elements() {}
  }

  public static final class Vars {
    /** The action's id ({@code INC-2026-0003-L1}); also the review's multi-instance element variable. */
    public static final Variable<String> IMPROVEMENT_ID = Variable.of("improvementId", String.class);
    /** The owner's Camunda user id: the task's assignee. */
    public static final Variable<String> OWNER = Variable.of("improvementOwner", String.class);
    /** The end of the due date (UTC): the task's due date and the overdue timer. */
    public static final Variable<Date> DUE_AT = Variable.of("improvementDueAt", Date.class);
    /** When the owner is reminded: {@link ImprovementActions#REMIND_BEFORE} before it is due, or at once. */
    public static final Variable<Date> REMIND_AT = Variable.of("improvementRemindAt", Date.class);
    /** The lesson and what it changes, as the owner's form shows them. */
    public static final Variable<String> LESSON = Variable.of("improvementLesson", String.class);
    public static final Variable<String> CHANGES = Variable.of("improvementChanges", String.class);
    /** What the owner did: required to complete the task. */
    public static final Variable<String> OUTCOME = Variable.of("improvementOutcome", String.class);

    private Vars() {}
  }

  private ImprovementActionApi() {}
}
