package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.irfoundation.rollout.RolloutApi.Vars;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole program week by week on the test clock: every week's gate fails once and goes back to its work (the
 * plan is sent back by the sponsor, a training is retaken, a review asks for changes), every week is reminded when
 * due and escalated two days later, and the recurring cadence starts when week 8 passes.
 */
@Deployment(resources = {"bpmn/ir-rollout.bpmn", "bpmn/ir-cadence.bpmn"})
class IrRolloutProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String ROLLOUT = "RO-2027-0001";
  static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

  /** Each week's gate: fails at the first measurement, passes at the second. */
  final Map<Long, Deque<Boolean>> gateAnswers = new HashMap<>();
  final Recorder checkGate = engine.record("checkGate", e -> {
    boolean passed = gateAnswers.computeIfAbsent(Vars.WEEK.get(e), w -> new ArrayDeque<>(List.of(false, true)))
        .removeFirst();
    Vars.GATE_PASSED.set(e, passed);
    Vars.GATE_FAILURES.set(e, passed ? null : "week " + Vars.WEEK.get(e) + ": a metric is not met");
  });
  final Deque<Boolean> trainingAnswers = new ArrayDeque<>(List.of(false, true));
  final Recorder scoreTraining = engine.record("scoreTraining",
      e -> e.setVariable("trainingPassed", trainingAnswers.removeFirst()));
  final Recorder recordPlaybookReview = engine.record("recordPlaybookReview",
      e -> Vars.REVIEW_APPROVED.set(e, RolloutApi.APPROVED.equals(Vars.REVIEW_DECISION.get(e))));
  final Recorder describePlan = engine.record("describePlan",
      e -> Vars.PLAN_SUMMARY.set(e, "incident-severity version 1; regimes none"));
  final Recorder recordApproval = engine.record("recordApproval");
  final Recorder recordTeam = engine.record("recordTeam");
  final Recorder sendChannelTest = engine.record("sendChannelTest");
  final Recorder recordAcknowledgement = engine.record("recordAcknowledgement");
  final Recorder issueCertificate = engine.record("issueCertificate");
  final Recorder rolloutNotice = engine.record("rolloutNotice");
  final Recorder registerRollout = engine.record("registerRollout");

  List<String> unacknowledged = List.of("arno", "lara");
  List<String> untrained = List.of("arno");
  List<String> unreviewed = List.of("playbook-data-breach|legal");
  final RolloutTeam team = mock(RolloutTeam.class);
  final RolloutReviews reviews = mock(RolloutReviews.class);
  final Training training = mock(Training.class);
  final Lessons lessons = mock(Lessons.class);

  /** What the model asks of the {@code improvementActions} bean. */
  public interface Lessons {
    String pendingFor(String playbookKey);
  }

  /** What the model asks of the {@code rolloutTraining} bean. */
  public interface Training {
    List<String> pending(String rolloutId);

    String role(String rolloutId, String userId);
  }

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(START);
    engine.register("rolloutCalendar", new RolloutCalendar());
    engine.register("rolloutTeam", team);
    engine.register("rolloutReviews", reviews);
    engine.register("rolloutTraining", training);
    engine.register("improvementActions", lessons);
    when(lessons.pendingFor("playbook-data-breach")).thenReturn("1 open: INC-2026-0003 'DPO reached too late'"
        + " (lena, due 2027-01-15)");
    engine.register("scheduleCadence", new ScheduleCadenceDelegate(engine.getRuntimeService()));
    // the engine evaluates a collection once per instance: what is pending changes only when the test says so
    when(team.unacknowledged(ROLLOUT)).thenAnswer(i -> unacknowledged);
    when(training.pending(ROLLOUT)).thenAnswer(i -> untrained);
    when(training.role(anyString(), anyString())).thenReturn("ir-analyst");
    when(reviews.pending(ROLLOUT)).thenAnswer(i -> unreviewed);
    when(reviews.playbook("playbook-data-breach|legal")).thenReturn("playbook-data-breach");
    when(reviews.reviewerGroup("playbook-data-breach|legal")).thenReturn("legal");
  }

  @Test
  void theProgramRunsWeekByWeekEveryGateFailingOnceAndTheCadenceStartsAtTheEnd() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(RolloutApi.PROCESS_KEY, ROLLOUT,
        Map.of(Inputs.ROLLOUT_ID.name(), ROLLOUT, Inputs.ORGANISATION.name(), "Acme", Inputs.SPONSOR.name(), "ezra",
            Inputs.PROGRAM_OWNER.name(), "olga", Inputs.START_DATE.name(), "2027-01-04"));

    week1(pi);
    week2(pi);
    week3(pi);
    week4(pi);
    week5To8(pi, 5, "Task_PrepareInfrastructure");
    week5To8(pi, 7, "Task_PlanSimulations");
    week5To8(pi, 8, "Task_RunSimulation");

    execute(job("Task_ScheduleCadence", pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Event_CapabilityBuilt");
    assertThat(checkGate.values(Vars.WEEK.name())).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L, 7L, 7L,
        8L, 8L);
    ProcessInstance cadence = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RolloutApi.CADENCE_PROCESS_KEY).processInstanceBusinessKey(ROLLOUT).singleResult();
    assertThat(engine.getRuntimeService().getVariable(cadence.getId(), Inputs.PROGRAM_OWNER.name())).isEqualTo("olga");
    cadence(cadence);
  }

  private void week1(ProcessInstance pi) {
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewRaci").task().isAssignedTo("olga");
    late(pi, 1);
    complete(task("Task_ReviewRaci", pi), withVariables(Vars.RACI_NOTES.name(), "fits"));
    assertThat(recordApproval.single()).containsEntry(Vars.APPROVAL_SUBJECT.name(), "raci")
        .containsEntry(Vars.APPROVAL_DEFINITIONS.name(), "raci").containsEntry(Vars.APPROVAL_COMMENT.name(), "fits");
    complete(task("Task_NameTeam", pi), withVariables(RolloutTeam.field("ir-analyst"), "arno"));
    execute(job("Task_SendChannelTest", pi));
    List<Task> acks = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_AcknowledgeChannelTest").list();
    assertThat(acks).extracting(Task::getAssignee).containsExactlyInAnyOrder("arno", "lara");
    acks.forEach(t -> complete(t, withVariables("channelTestReceived", "yes")));
    assertThat(recordAcknowledgement.values(Vars.MEMBER.name())).containsExactlyInAnyOrder("arno", "lara");
    unacknowledged = List.of();
    execute(job("Task_CheckWeek1Gate", pi));
    // the gate failed: back to naming the team, with what it found missing
    Task again = task("Task_NameTeam", pi);
    assertThat(engine.getTaskService().getVariable(again.getId(), Vars.GATE_FAILURES.name()).toString())
        .contains("week 1");
    complete(again);
    execute(job("Task_SendChannelTest", pi));
    execute(job("Task_CheckWeek1Gate", pi)); // nobody left to acknowledge: straight to the gate
    assertThat(recordTeam.calls()).hasSize(2);
  }

  private void week2(ProcessInstance pi) {
    execute(job("Task_DescribePlan", pi));
    late(pi, 2);
    complete(task("Task_PrepareIrPlan", pi));
    BpmnAwareTests.assertThat(pi).task().hasDefinitionKey("Task_ApprovePlan").isAssignedTo("ezra");
    complete(task("Task_ApprovePlan", pi), withVariables(Vars.PLAN_APPROVAL.name(), "rejected",
        Vars.PLAN_APPROVAL_REASON.name(), "name the DPO as the regulators' contact"));
    complete(task("Task_PrepareIrPlan", pi));
    complete(task("Task_ApprovePlan", pi), withVariables(Vars.PLAN_APPROVAL.name(), RolloutApi.APPROVED));
    assertThat(recordApproval.calls().get(1)).containsEntry(Vars.APPROVAL_SUBJECT.name(), "plan")
        .containsEntry(Vars.APPROVAL_DEFINITIONS.name(), "incident-severity,escalation-policy,notification-obligations");
    execute(job("Task_CheckWeek2Gate", pi));
    complete(task("Task_PrepareIrPlan", pi));
    complete(task("Task_ApprovePlan", pi), withVariables(Vars.PLAN_APPROVAL.name(), RolloutApi.APPROVED));
    execute(job("Task_CheckWeek2Gate", pi));
    BpmnAwareTests.assertThat(pi).hasPassed("Event_Week2Passed");
  }

  private void week3(ProcessInstance pi) {
    late(pi, 3);
    Task take = task("Task_TakeTraining", pi);
    assertThat(take.getAssignee()).isEqualTo("arno");
    complete(take);
    // below the pass mark: the same member takes it again
    Task retake = task("Task_TakeTraining", pi);
    assertThat(retake.getAssignee()).isEqualTo("arno");
    complete(retake);
    assertThat(scoreTraining.values(Vars.MEMBER_ROLE.name())).containsExactly("ir-analyst", "ir-analyst");
    execute(job("Task_IssueCertificate", pi));
    assertThat(issueCertificate.single()).containsEntry(Vars.MEMBER.name(), "arno");
    untrained = List.of();
    execute(job("Task_CheckWeek3Gate", pi));
    complete(task("Task_FollowUpTraining", pi));
    execute(job("Task_CheckWeek3Gate", pi));
    BpmnAwareTests.assertThat(pi).hasPassed("Event_Week3Passed", "Event_Certified");
  }

  private void week4(ProcessInstance pi) {
    late(pi, 4);
    Task review = task("Task_ReviewPlaybook", pi);
    assertThat(engine.candidateGroups(review)).containsExactly("legal");
    // the reviewer sees what incidents and exercises taught about the playbook and is still open
    assertThat(engine.getTaskService().getVariable(review.getId(), "pendingLessons")).asString()
        .contains("DPO reached too late");
    complete(review, withVariables(Vars.REVIEW_DECISION.name(), "changes", Vars.REVIEW_COMMENT.name(),
        "name outside counsel in step 2"));
    Task revise = task("Task_RevisePlaybook", pi);
    assertThat(engine.candidateGroups(revise)).containsExactly("ir-lead");
    assertThat(engine.getTaskService().getVariable(revise.getId(), Vars.REVIEW_COMMENT.name()))
        .isEqualTo("name outside counsel in step 2");
    complete(revise, withVariables("revisionNotes", "step 2 names outside counsel"));
    complete(task("Task_ReviewPlaybook", pi), withVariables(Vars.REVIEW_DECISION.name(), RolloutApi.APPROVED,
        Vars.REVIEW_COMMENT.name(), "fine"));
    // the answers stayed in the review's own scope
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.REVIEW_COMMENT.name())).isNull();
    unreviewed = List.of();
    execute(job("Task_CheckWeek4Gate", pi));
    complete(task("Task_FollowUpReviews", pi));
    execute(job("Task_CheckWeek4Gate", pi));
    BpmnAwareTests.assertThat(pi).hasPassed("Event_Week4Passed", "Event_Reviewed", "Task_RevisePlaybook");
  }

  private void week5To8(ProcessInstance pi, int week, String work) {
    late(pi, week);
    complete(task(work, pi));
    execute(job("Task_CheckWeek" + week + "Gate", pi));
    Task rework = task(work, pi);
    assertThat(engine.getTaskService().getVariable(rework.getId(), Vars.GATE_FAILURES.name()).toString())
        .contains("week " + week);
    complete(rework);
    execute(job("Task_CheckWeek" + week + "Gate", pi));
    BpmnAwareTests.assertThat(pi).hasPassed("Event_Week" + week + "Passed");
  }

  /** The week is due: the program owner is reminded; two days later the sponsor is told. */
  private void late(ProcessInstance pi, int week) {
    var due = job("Event_Week" + week + "Due", pi);
    assertThat(due.getDuedate().toInstant()).isEqualTo(RolloutCalendar.dueAt(java.time.LocalDate.of(2027, 1, 4),
        week));
    engine.setCurrentTime(due.getDuedate());
    execute(due);
    execute(job("Task_RemindWeek" + week, pi));
    assertThat(rolloutNotice.of("Task_RemindWeek" + week)).containsEntry(Vars.NOTICE_TO.name(), "olga");
    var overdue = job("Event_Week" + week + "Overdue", pi);
    engine.setCurrentTime(overdue.getDuedate());
    execute(overdue);
    execute(job("Task_EscalateWeek" + week, pi));
    assertThat(rolloutNotice.of("Task_EscalateWeek" + week)).containsEntry(Vars.NOTICE_TO.name(), "ezra,olga");
    assertThat(Vars.NOTICE_TEXT.from(rolloutNotice.of("Task_EscalateWeek" + week))).contains("two days overdue");
  }

  private void cadence(ProcessInstance cadence) {
    execute(job("Event_ExerciseDue", cadence));
    BpmnAwareTests.assertThat(cadence).task("Task_PlanQuarterlyExercise").isAssignedTo("olga");
    complete(task("Task_PlanQuarterlyExercise", cadence));
    execute(job("Event_TrainingRefreshDue", cadence));
    complete(task("Task_RefreshTraining", cadence));
    engine.getRuntimeService().createMessageCorrelation("IrProgramRetired").processInstanceBusinessKey(ROLLOUT)
        .correlate();
    BpmnAwareTests.assertThat(cadence).isEnded().hasPassed("Event_ExercisePlanned", "Event_TrainingRefreshPlanned");
  }
}
