package org.irfoundation.rollout;

import java.util.Date;
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
    /**
     * Week 3, written by scoreTraining on the member's multi-instance instance only (never the process instance):
     * the last attempt's score in percent, and whether it reached the pass mark.
     */
    public static final Variable<Long> TRAINING_SCORE = Variable.of("trainingScore", Long.class);
    public static final Variable<Boolean> TRAINING_PASSED = Variable.of("trainingPassed", Boolean.class);
    /** The training form's answers: {@code answer_<question id>} of the answer key, one per question. */
    public static final String ANSWER_PREFIX = "answer_";
    public static final Variable<Date> DUE_AT = Variable.of("weekDueAt", Date.class);

    /** The training form's answer to a question of the answer key. */
    public static Variable<String> answer(String questionId) {
      return new Variable<>(ANSWER_PREFIX + questionId, String.class);
    }

    private Vars() {}
  }

  private RolloutApi() {}
}
