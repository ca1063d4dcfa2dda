package org.irfoundation.rollout;

import java.util.List;
import java.util.Map;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.rollout.TrainingKey.Question;
import org.springframework.stereotype.Service;

/**
 * The week-3 competency check: scores a member's answers against the {@link TrainingKey} (the fundamentals and the
 * module of their role; answers to other modules do not count) and records the attempt. A missing or unknown answer
 * counts as wrong. Answers are neither kept nor logged: only the score is recorded.
 */
@Service
public class TrainingCheck {

  /** {@code percent} is rounded down, so an attempt passes only when its exact share reaches the pass mark. */
  public record Score(int correct, int questions, long percent, boolean passed, int attempt) {}

  private final TrainingKey key;
  private final TrainingProperties properties;
  private final TrainingRecords records;

  public TrainingCheck(TrainingKey key, TrainingProperties properties, TrainingRecords records) {
    this.key = key;
    this.properties = properties;
    this.records = records;
  }

  /** Scores the answers (question id -> the option chosen) and records the attempt. */
  public Score check(String rolloutId, String userId, String role, Map<String, ?> answers) {
    List<Question> questions = key.questionsFor(role);
    int correct = (int) questions.stream().filter(q -> q.answer().equals(answers.get(q.id()))).count();
    long percent = 100L * correct / questions.size();
    boolean passed = percent >= properties.passMark();
    int attempt = records.record(rolloutId, userId, role, (int) percent, passed, EngineClock.now());
    return new Score(correct, questions.size(), percent, passed, attempt);
  }

  public int passMark() {
    return properties.passMark();
  }
}
