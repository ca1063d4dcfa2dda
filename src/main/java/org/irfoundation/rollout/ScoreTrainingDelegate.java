package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.ANSWER_PREFIX;
import static org.irfoundation.rollout.RolloutApi.Vars.TRAINING_PASSED;
import static org.irfoundation.rollout.RolloutApi.Vars.TRAINING_SCORE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.irfoundation.rollout.RolloutApi.Vars;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScoreTraining} ({@code ${scoreTraining}}, synchronous, in the transaction in which the member completes
 * the training task): scores the member's {@code answer_*} answers and records the attempt; writes
 * {@code trainingScore} and {@code trainingPassed} on the member's instance only.
 *
 * <p>The completed form's answers land on the process instance (the engine puts a new variable on the top scope),
 * where every other member's task would see them. They are taken away here, in the same transaction, so they are
 * never committed there: each member's answers stay theirs, and a retake starts empty.
 */
@Component("scoreTraining")
public class ScoreTrainingDelegate implements JavaDelegate {

  /** Besides these it reads rolloutId, member, memberRole and the answers. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(TRAINING_SCORE, TRAINING_PASSED);

  private final TrainingCheck check;

  public ScoreTrainingDelegate(TrainingCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "Score training";
    Map<String, Object> answers = takeAnswers(execution);
    TrainingCheck.Score score = check.check(Inputs.ROLLOUT_ID.required(execution, step),
        Vars.MEMBER.required(execution, step), Vars.MEMBER_ROLE.required(execution, step), answers);
    TRAINING_SCORE.setLocal(execution, score.percent());
    TRAINING_PASSED.setLocal(execution, score.passed());
  }

  /** The answers by question id, removed from wherever the completion put them. */
  static Map<String, Object> takeAnswers(DelegateExecution execution) {
    Map<String, Object> answers = new HashMap<>();
    for (String name : List.copyOf(execution.getVariableNames())) {
      if (name.startsWith(ANSWER_PREFIX)) {
        answers.put(name.substring(ANSWER_PREFIX.length()), execution.getVariable(name));
        execution.removeVariable(name);
      }
    }
    return answers;
  }
}
