package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scoring against the answer key: the fundamentals and the member's own module count, nothing else. */
class TrainingCheckTest {

  static final String RO = "RO-2026-0042";
  static final TrainingKey KEY = new TrainingKey();

  final TrainingRecords records = mock(TrainingRecords.class);
  TrainingCheck check = new TrainingCheck(KEY, new TrainingProperties(null), records);

  @BeforeEach
  void attempts() {
    when(records.record(anyString(), anyString(), anyString(), anyInt(), anyBoolean(), any())).thenReturn(1);
  }

  static int questions(String role) {
    return KEY.questionsFor(role).size();
  }

  @Test
  void everyAnswerRightScores100AndPassesAndIsRecorded() {
    TrainingCheck.Score score = check.check(RO, "lena", Roles.IR_LEAD,
        TrainingAnswers.byQuestion(KEY, Roles.IR_LEAD, 0));
    assertThat(score.correct()).isEqualTo(questions(Roles.IR_LEAD));
    assertThat(score.percent()).isEqualTo(100);
    assertThat(score.passed()).isTrue();
    assertThat(score.attempt()).isEqualTo(1);
    verify(records).record(eq(RO), eq("lena"), eq(Roles.IR_LEAD), eq(100), eq(true), any());
  }

  @Test
  void belowThePassMarkDoesNotPass() {
    int n = questions(Roles.IR_ANALYST);
    // the most wrong answers that still pass at 80 %, and one more
    int tolerated = n - (int) Math.ceil(0.8 * n);
    TrainingCheck.Score justPassed = check.check(RO, "arno", Roles.IR_ANALYST,
        TrainingAnswers.byQuestion(KEY, Roles.IR_ANALYST, tolerated));
    assertThat(justPassed.passed()).as("%d of %d right", n - tolerated, n).isTrue();
    assertThat(justPassed.percent()).isGreaterThanOrEqualTo(80);

    TrainingCheck.Score below = check.check(RO, "arno", Roles.IR_ANALYST,
        TrainingAnswers.byQuestion(KEY, Roles.IR_ANALYST, tolerated + 1));
    assertThat(below.passed()).isFalse();
    assertThat(below.percent()).isEqualTo(100L * (n - tolerated - 1) / n).isLessThan(80);
    verify(records).record(eq(RO), eq("arno"), eq(Roles.IR_ANALYST), eq((int) below.percent()), eq(false), any());
  }

  @Test
  void aScoreExactlyAtThePassMarkPassesAndOneJustBelowItDoesNot() {
    int n = questions(Roles.LEGAL);
    int right = 1;
    while (100 * right % n != 0) {
      right++; // the fewest right answers whose share is a whole percentage (n of n at worst)
    }
    int exact = 100 * right / n;
    check = new TrainingCheck(KEY, new TrainingProperties(exact), records);
    TrainingCheck.Score atPassMark = check.check(RO, "lara", Roles.LEGAL,
        TrainingAnswers.byQuestion(KEY, Roles.LEGAL, n - right));
    assertThat(atPassMark.percent()).isEqualTo(exact);
    assertThat(atPassMark.passed()).isTrue();

    // (n-1) of n is a little below 100 %: rounded down it stays below a pass mark of 100
    check = new TrainingCheck(KEY, new TrainingProperties(100), records);
    assertThat(check.check(RO, "lara", Roles.LEGAL, TrainingAnswers.byQuestion(KEY, Roles.LEGAL, 1)).passed())
        .isFalse();
  }

  @Test
  void anotherRolesModuleIsIgnored() {
    Map<String, Object> answers = TrainingAnswers.byQuestion(KEY, Roles.LEGAL, 0);
    // a lead's module answered (rightly) on top changes nothing, in the count or the score
    KEY.module(Roles.IR_LEAD).forEach(q -> answers.put(q.id(), q.answer()));
    TrainingCheck.Score score = check.check(RO, "lara", Roles.LEGAL, answers);
    assertThat(score.questions()).isEqualTo(questions(Roles.LEGAL));
    assertThat(score.percent()).isEqualTo(100);

    // and the lead's module cannot make up for a wrong legal answer
    Map<String, Object> oneWrong = TrainingAnswers.byQuestion(KEY, Roles.LEGAL, 0);
    oneWrong.put(KEY.module(Roles.LEGAL).get(0).id(), TrainingAnswers.WRONG);
    KEY.module(Roles.IR_LEAD).forEach(q -> oneWrong.put(q.id(), q.answer()));
    assertThat(check.check(RO, "lara", Roles.LEGAL, oneWrong).correct()).isEqualTo(questions(Roles.LEGAL) - 1);
  }

  @Test
  void missingAndUnknownAnswersCountAsWrong() {
    assertThat(check.check(RO, "ben", Roles.BUSINESS_STAKEHOLDER, Map.of()).percent()).isZero();

    Map<String, Object> answers = new HashMap<>(TrainingAnswers.byQuestion(KEY, Roles.BUSINESS_STAKEHOLDER, 0));
    answers.remove(KEY.fundamentals().get(0).id());                    // not answered
    answers.put(KEY.fundamentals().get(1).id(), null);                  // cleared
    answers.put(KEY.fundamentals().get(2).id(), "no-such-option");      // not one of the options
    answers.put(KEY.fundamentals().get(3).id(), 1L);                    // not even text
    TrainingCheck.Score score = check.check(RO, "ben", Roles.BUSINESS_STAKEHOLDER, answers);
    assertThat(score.correct()).isEqualTo(questions(Roles.BUSINESS_STAKEHOLDER) - 4);
  }

  @Test
  void everyResponderRoleHasAModuleAndAnUnknownRoleIsAnError() {
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      assertThat(KEY.module(role.id())).as(role.id()).isNotEmpty();
      assertThat(KEY.questionsFor(role.id())).startsWith(KEY.fundamentals().toArray(TrainingKey.Question[]::new));
    }
    assertThatThrownBy(() -> check.check(RO, "root", Roles.CAMUNDA_ADMIN, Map.of()))
        .hasMessageContaining("no module for the role 'camunda-admin'");
  }

  @Test
  void theKeyNeverShowsItsAnswersInText() {
    TrainingKey.Question question = KEY.fundamentals().get(0);
    assertThat(question.toString()).contains(question.id()).doesNotContain(question.answer());
  }
}
