package org.irfoundation.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.irfoundation.exercise.ExerciseApi.Elements.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.exercise.ExerciseApi.Inputs;
import org.irfoundation.exercise.ExerciseApi.Vars;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.irfoundation.testing.StubModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ir-exercise}: the injects fire at their (compressed) times; the facilitator ends it, or the
 * incident's response ends first; the review runs here only when the incident had none.
 */
@Deployment(resources = {"bpmn/ir-exercise.bpmn", "stub-bpmn/post-incident-review.bpmn", "dmn/raci.dmn"})
class ExerciseProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String EXERCISE = "EX-2026-0001";
  static final String INCIDENT = "INC-2026-0101";
  static final Instant START = Instant.parse("2026-06-01T13:00:00Z");

  /** Two injects: at the start and 2 h later on the clock. */
  public static class Injects {
    public List<String> ids(String scenario) {
      return List.of("first", "second");
    }

    public Date dueAt(String exerciseId, String injectId) {
      return Date.from("first".equals(injectId) ? START : START.plusSeconds(7200));
    }
  }

  Recorder report;
  Recorder fire;
  Recorder score;
  boolean reviewedInIncident;
  Instant now = START;

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(START);
    engine.register("exerciseInjects", new Injects());
    report = engine.record("reportExerciseIncident", e -> {
      Vars.INCIDENT_ID.set(e, INCIDENT);
      Vars.SEVERITY.set(e, "P1");
      Vars.CATEGORY.set(e, "RANSOMWARE");
      Vars.PLAYBOOK_KEY.set(e, "playbook-malware-ransomware");
    });
    fire = engine.record("fireInject");
    engine.record("stopExerciseIncident", e -> Vars.INCIDENT_REVIEWED.set(e, reviewedInIncident));
    score = engine.record("scoreExercise");
  }

  @Test
  void theInjectsFireOnTimeAndTheFacilitatorEndsTheExerciseThenDebriefReviewAndScore() {
    ProcessInstance pi = start();
    assertThat(report.calls()).hasSize(1);
    fireDueInjects(pi);
    assertThat(fire.calls()).extracting(v -> v.get(Vars.INJECT_ID.name())).containsExactly("first");
    at(START.plusSeconds(7200));
    fireDueInjects(pi);
    assertThat(fire.calls()).extracting(v -> v.get(Vars.INJECT_ID.name())).containsExactly("first", "second");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_FACILITATE).task().isAssignedTo("lena");

    complete(task(TASK_FACILITATE, pi));
    engine.runAsyncJobs(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DEBRIEF).task().isAssignedTo("lena");
    complete(task(TASK_DEBRIEF, pi), withVariables(Vars.DEBRIEF_NOTES.name(), "containment was quick"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_REVIEW);
    ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ExerciseApi.REVIEW_PROCESS_KEY).singleResult();
    assertThat(review.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "exercise")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "playbookKey"))
        .isEqualTo("playbook-malware-ransomware");
    complete(task(StubModels.TASK_REVIEW_STUB, review));
    engine.runAsyncJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Event_ExerciseCalledOff", CALL_REVIEW,
        TASK_SCORE, "Event_ExerciseEnded");
    assertThat(score.calls()).hasSize(1);
  }

  @Test
  void whenTheIncidentsResponseEndsFirstThePendingInjectsAreDroppedAndItsOwnReviewCounts() {
    reviewedInIncident = true;
    ProcessInstance pi = start();
    fireDueInjects(pi);
    engine.getRuntimeService().createMessageCorrelation(ExerciseApi.MESSAGE_INCIDENT_ENDED)
        .processInstanceBusinessKey(EXERCISE).correlate();
    engine.runAsyncJobs(pi);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    complete(task(TASK_DEBRIEF, pi), withVariables(Vars.DEBRIEF_NOTES.name(), "the review was held in the incident"));
    engine.runAsyncJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(EVENT_INCIDENT_ENDED, TASK_SCORE)
        .hasNotPassed(CALL_REVIEW, "Event_AllInjectsFired");
    assertThat(fire.calls()).hasSize(1);
  }

  @Test
  void allInjectsFiredTheExerciseGoesOnUntilTheFacilitatorEndsIt() {
    reviewedInIncident = true;
    ProcessInstance pi = start();
    at(START.plusSeconds(7200));
    fireDueInjects(pi);
    BpmnAwareTests.assertThat(pi).hasPassed("Event_AllInjectsFired").isWaitingAt(TASK_FACILITATE);
    complete(task(TASK_FACILITATE, pi));
    engine.runAsyncJobs(pi);
    complete(task(TASK_DEBRIEF, pi), withVariables(Vars.DEBRIEF_NOTES.name(), "done"));
    engine.runAsyncJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  private void at(Instant time) {
    now = time;
    engine.setCurrentTime(time);
  }

  private ProcessInstance start() {
    Map<String, Object> v = new HashMap<>();
    Inputs.EXERCISE_ID.put(v, EXERCISE);
    Inputs.SCENARIO.put(v, "ransomware-file-servers");
    Inputs.MODE.put(v, "TABLETOP");
    Inputs.TIME_COMPRESSION.put(v, 12);
    Inputs.FACILITATOR.put(v, "lena");
    return engine.getRuntimeService().startProcessInstanceByKey(ExerciseApi.PROCESS_KEY, EXERCISE, v);
  }

  /** Runs the inject timers that are due, then the fire jobs they lead to. */
  private void fireDueInjects(ProcessInstance pi) {
    for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(Date.from(now.plusSeconds(1))).list()) {
      engine.getManagementService().executeJob(timer.getId());
    }
    engine.runAsyncJobs(pi);
  }
}
