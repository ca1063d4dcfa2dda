package org.irfoundation.rollout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irfoundation.rollout.TrainingKey.Question;

/** Form submissions of the training for tests: the key's answers for a role, some of them wrong. */
final class TrainingAnswers {

  static final String WRONG = "not-the-answer";

  private TrainingAnswers() {}

  /** Question id -> answer, the first {@code wrong} questions answered wrongly. */
  static Map<String, Object> byQuestion(TrainingKey key, String role, int wrong) {
    List<Question> questions = key.questionsFor(role);
    Map<String, Object> answers = new HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      answers.put(questions.get(i).id(), i < wrong ? WRONG : questions.get(i).answer());
    }
    return answers;
  }

  /** The same as the form submits them: {@code answer_<question id>}. */
  static Map<String, Object> asForm(TrainingKey key, String role, int wrong) {
    Map<String, Object> form = new HashMap<>();
    byQuestion(key, role, wrong).forEach((id, answer) -> form.put(RolloutApi.Vars.answer(id).name(), answer));
    return form;
  }
}
