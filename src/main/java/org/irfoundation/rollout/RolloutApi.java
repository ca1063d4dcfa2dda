package org.irfoundation.rollout;

import org.irfoundation.engine.Variable;

/**
 * The {@code ir-rollout} process (bpmn/ir-rollout.bpmn) as code sees it (STYLE.md 6): the 8-week program that
 * builds the IR capability. Business key = rollout id ({@code RO-yyyy-nnnn}).
 */
public final class RolloutApi {

  public static final String PROCESS_KEY = "ir-rollout";

  /** Set at the start (the REST API or the start form). */
  public static final class Inputs {
    public static final Variable<String> ROLLOUT_ID = Variable.of("rolloutId", String.class);
    public static final Variable<String> ORGANISATION = Variable.of("organisation", String.class);
    /** Camunda user ids. */
    public static final Variable<String> SPONSOR = Variable.of("sponsor", String.class);
    public static final Variable<String> PROGRAM_OWNER = Variable.of("programOwner", String.class);
    /** ISO date (2027-01-04): week n is due n weeks after it. */
    public static final Variable<String> START_DATE = Variable.of("startDate", String.class);

    private Inputs() {}
  }

  /** The weeks' sub-processes (weeks 5-6 are one, numbered 5). */
  public static final class Elements {
    public static final String WEEK_1 = "SubProcess_Week1";
    public static final String WEEK_2 = "SubProcess_Week2";
    public static final String WEEK_3 = "SubProcess_Week3";
    public static final String WEEK_4 = "SubProcess_Week4";
    public static final String WEEK_5 = "SubProcess_Week5";
    public static final String WEEK_7 = "SubProcess_Week7";
    public static final String WEEK_8 = "SubProcess_Week8";
    public static final String TASK_REVIEW_RACI = "Task_ReviewRaci";
    public static final String TASK_NAME_TEAM = "Task_NameTeam";
    public static final String TASK_ACKNOWLEDGE_CHANNEL_TEST = "Task_AcknowledgeChannelTest";

    public static String week(int number) {
      return switch (number) {
        case 1 -> WEEK_1;
        case 2 -> WEEK_2;
        case 3 -> WEEK_3;
        case 4 -> WEEK_4;
        case 5 -> WEEK_5;
        case 7 -> WEEK_7;
        case 8 -> WEEK_8;
        default -> throw new IllegalArgumentException("no week " + number + " in the program");
      };
    }

    private Elements() {}
  }

  /** Written while the program runs. */
  public static final class Vars {
    /** The week a gate checks (input parameter of checkGate). */
    public static final Variable<Long> WEEK = Variable.of("week", Long.class);
    public static final Variable<Boolean> GATE_PASSED = Variable.of("gatePassed", Boolean.class);
    /** The unmet metrics of the last gate, one line each, for the rework task. */
    public static final Variable<String> GATE_FAILURES = Variable.of("gateFailures", String.class);
    /** Multi-instance element variables. */
    public static final Variable<String> MEMBER = Variable.of("member", String.class);
    public static final Variable<String> MEMBER_ROLE = Variable.of("memberRole", String.class);
    /** What a rework task asks (input parameter shown by the rollout-work form). */
    public static final Variable<String> WEEK_INSTRUCTIONS = Variable.of("weekInstructions", String.class);
    // approvals (recordApproval's input parameters; the forms' answers)
    public static final Variable<String> APPROVAL_SUBJECT = Variable.of("approvalSubject", String.class);
    /** Comma list of decision or process keys (or {@code regimes}) the approval names as deployed. */
    public static final Variable<String> APPROVAL_DEFINITIONS = Variable.of("approvalDefinitions", String.class);
    public static final Variable<String> APPROVAL_COMMENT = Variable.of("approvalNote", String.class);
    public static final Variable<String> RACI_NOTES = Variable.of("raciNotes", String.class);
    /** Week 2: the decisions and regimes as deployed, for the plan form (describePlan). */
    public static final Variable<String> PLAN_SUMMARY = Variable.of("planSummary", String.class);
    /** The sponsor's answer: approved or rejected, and why. */
    public static final Variable<String> PLAN_APPROVAL = Variable.of("planApproval", String.class);
    public static final Variable<String> PLAN_APPROVAL_REASON = Variable.of("planApprovalReason", String.class);
    // week 4: one review = playbook key and reviewer group ("playbook-data-breach|legal")
    public static final Variable<String> REVIEW = Variable.of("review", String.class);
    public static final Variable<String> REVIEW_PLAYBOOK = Variable.of("reviewPlaybook", String.class);
    public static final Variable<String> REVIEWER_GROUP = Variable.of("reviewerGroup", String.class);
    /** The reviewer's answer: approved or changes. */
    public static final Variable<String> REVIEW_DECISION = Variable.of("reviewDecision", String.class);
    public static final Variable<String> REVIEW_COMMENT = Variable.of("reviewComment", String.class);
    public static final Variable<Boolean> REVIEW_APPROVED = Variable.of("reviewApproved", Boolean.class);
    // notices (rolloutNotice's input parameters)
    /** Comma list of Camunda user ids. */
    public static final Variable<String> NOTICE_TO = Variable.of("noticeTo", String.class);
    public static final Variable<String> NOTICE_TEXT = Variable.of("noticeText", String.class);
    /**
     * Week 3, written by scoreTraining on the member's multi-instance instance only (never the process instance):
     * the last attempt's score in percent, and whether it reached the pass mark.
     */
    public static final Variable<Long> TRAINING_SCORE = Variable.of("trainingScore", Long.class);
    public static final Variable<Boolean> TRAINING_PASSED = Variable.of("trainingPassed", Boolean.class);
    /** The training form's answers: {@code answer_<question id>} of the answer key, one per question. */
    public static final String ANSWER_PREFIX = "answer_";

    /** The training form's answer to a question of the answer key. */
    public static Variable<String> answer(String questionId) {
      return new Variable<>(ANSWER_PREFIX + questionId, String.class);
    }

    private Vars() {}
  }

  public static final String CADENCE_PROCESS_KEY = "ir-cadence";
  public static final String APPROVED = "approved";

  private RolloutApi() {}
}
