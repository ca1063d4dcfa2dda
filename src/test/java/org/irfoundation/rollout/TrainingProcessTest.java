package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.irfoundation.rollout.RolloutApi.Vars;
import org.irfoundation.rollout.TrainingRecords.Attempt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Week 3 in the shape of ir-rollout (src/test/resources/rollout-fixtures/rollout-training-week.bpmn) with the real
 * beans: one training per team member in parallel, each member's answers scored in their own completing transaction;
 * below the pass mark the same member gets the training again, a pass issues the certificate; one member's answers
 * and result never reach another member's instance or the process instance.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingProcessTest {

  static final String PROCESS = "rollout-training-week";
  static final String TAKE = "Task_TakeTraining";
  static final String ISSUE = "Task_IssueCertificate";
  static final String LEAD = "tp.lena";
  static final String ANALYST = "tp.arno";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RolloutStore rollouts;
  @Autowired TrainingRecords records;
  @Autowired Deliverables deliverables;
  @Autowired TrainingKey key;

  @BeforeAll
  void deploy() {
    repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
        .addClasspathResource("rollout-fixtures/" + PROCESS + ".bpmn").deploy();
    TrainingFixture.user(identityService, LEAD, "Lena", "Lead");
    TrainingFixture.user(identityService, ANALYST, "Arno", "Analyst");
  }

  String rolloutOfTwo() {
    String rolloutId = TrainingFixture.rollout(rollouts, 9301, "Acme Insurance");
    TrainingFixture.member(rollouts, rolloutId, LEAD, Roles.IR_LEAD);
    TrainingFixture.member(rollouts, rolloutId, ANALYST, Roles.IR_ANALYST);
    return rolloutId;
  }

  ProcessInstance start(String rolloutId) {
    return runtimeService.startProcessInstanceByKey(PROCESS, rolloutId,
        Map.of(Inputs.ROLLOUT_ID.name(), rolloutId));
  }

  Task training(ProcessInstance pi, String member) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TAKE)
        .taskAssignee(member).singleResult();
  }

  /** As Tasklist does: the member submits the form, signed in. */
  void submit(Task task, String member, Map<String, Object> form) {
    identityService.setAuthentication(member, List.of());
    try {
      formService.submitTaskForm(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  List<Job> certificateJobs(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(ISSUE).list();
  }

  long answersAnywhere(ProcessInstance pi) {
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableNameLike(RolloutApi.Vars.ANSWER_PREFIX + "%").count();
  }

  @Test
  void belowThePassMarkTheSameMemberRetakesTheTrainingAndAPassIssuesTheCertificate() {
    String rolloutId = rolloutOfTwo();
    ProcessInstance pi = start(rolloutId);
    Task first = training(pi, ANALYST);
    assertThat(taskService.getVariable(first.getId(), Vars.MEMBER_ROLE.name())).isEqualTo(Roles.IR_ANALYST);
    assertThat(taskService.getVariable(training(pi, LEAD).getId(), Vars.MEMBER_ROLE.name())).isEqualTo(Roles.IR_LEAD);

    // 4 of 14 wrong: 71 % < 80 %
    submit(first, ANALYST, TrainingAnswers.asForm(key, Roles.IR_ANALYST, 4));
    Task retake = training(pi, ANALYST);
    assertThat(retake).as("the analyst's retake").isNotNull();
    assertThat(retake.getId()).isNotEqualTo(first.getId());
    assertThat(taskService.getVariable(retake.getId(), Vars.TRAINING_SCORE.name())).isEqualTo(71L);
    assertThat(taskService.getVariable(retake.getId(), Vars.TRAINING_PASSED.name())).isEqualTo(false);
    assertThat(formService.getTaskFormVariables(retake.getId()).keySet())
        .as("a retake starts empty").noneMatch(name -> name.startsWith(Vars.ANSWER_PREFIX));
    assertThat(certificateJobs(pi)).isEmpty();
    assertThat(records.of(rolloutId)).extracting(Attempt::userId, Attempt::attempt, Attempt::scorePercent,
        Attempt::passed).containsExactly(org.assertj.core.groups.Tuple.tuple(ANALYST, 1, 71, false));

    submit(retake, ANALYST, TrainingAnswers.asForm(key, Roles.IR_ANALYST, 1));
    assertThat(training(pi, ANALYST)).as("passed: no more training").isNull();
    assertThat(certificateJobs(pi)).hasSize(1);
    managementService.executeJob(certificateJobs(pi).get(0).getId());

    List<Attempt> attempts = records.of(rolloutId);
    assertThat(attempts).extracting(Attempt::attempt, Attempt::scorePercent, Attempt::passed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 71, false),
            org.assertj.core.groups.Tuple.tuple(2, 92, true));
    assertThat(attempts.get(0).certificateId()).isNull();
    Deliverable certificate = rollouts.deliverable(rolloutId, attempts.get(1).certificateId()).orElseThrow();
    assertThat(certificate.name()).isEqualTo("Training certificate: " + ANALYST);
    assertThat(certificate.week()).isEqualTo(3);

    submit(training(pi, LEAD), LEAD, TrainingAnswers.asForm(key, Roles.IR_LEAD, 0));
    managementService.executeJob(certificateJobs(pi).get(0).getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("every member passed: the week's training is done").isZero();
    assertThat(deliverables.of(rolloutId)).extracting(Deliverable::name)
        .containsExactlyInAnyOrder("Training certificate: " + ANALYST, "Training certificate: " + LEAD);
  }

  @Test
  void eachMembersAnswersAndResultStayInTheirOwnInstance() {
    String rolloutId = rolloutOfTwo();
    ProcessInstance pi = start(rolloutId);

    submit(training(pi, LEAD), LEAD, TrainingAnswers.asForm(key, Roles.IR_LEAD, 0));
    // the lead passed and waits for the certificate; nothing of it is visible to the analyst or on the process
    Task analyst = training(pi, ANALYST);
    assertThat(formService.getTaskFormVariables(analyst.getId()).keySet())
        .noneMatch(name -> name.startsWith(Vars.ANSWER_PREFIX))
        .doesNotContain(Vars.TRAINING_SCORE.name(), Vars.TRAINING_PASSED.name());
    assertThat(runtimeService.getVariables(pi.getId()).keySet())
        .doesNotContain(Vars.TRAINING_SCORE.name(), Vars.TRAINING_PASSED.name(), Vars.MEMBER_ROLE.name());
    assertThat(answersAnywhere(pi)).as("answers kept after scoring").isZero();
    Job leadsCertificate = certificateJobs(pi).get(0);
    assertThat(runtimeService.getVariable(leadsCertificate.getExecutionId(), Vars.TRAINING_PASSED.name()))
        .isEqualTo(true);

    // the analyst answers nothing right: their own retake, the lead's pass stands
    submit(analyst, ANALYST, Map.of());
    Task retake = training(pi, ANALYST);
    assertThat(taskService.getVariable(retake.getId(), Vars.TRAINING_SCORE.name())).isEqualTo(0L);
    assertThat(runtimeService.getVariable(leadsCertificate.getExecutionId(), Vars.TRAINING_SCORE.name()))
        .isEqualTo(100L);
    managementService.executeJob(leadsCertificate.getId());
    assertThat(records.lastPassed(rolloutId, LEAD).orElseThrow().certificateId()).isNotNull();
    assertThat(records.lastPassed(rolloutId, ANALYST)).isEmpty();

    // the analyst answering the lead's module too gains nothing from it
    Map<String, Object> withLeadModule = new java.util.HashMap<>(TrainingAnswers.asForm(key, Roles.IR_ANALYST, 3));
    withLeadModule.putAll(TrainingAnswers.asForm(key, Roles.IR_LEAD, 0));
    withLeadModule.putAll(TrainingAnswers.asForm(key, Roles.IR_ANALYST, 3));
    submit(retake, ANALYST, withLeadModule);
    assertThat(records.of(rolloutId).stream().filter(a -> a.userId().equals(ANALYST)).map(Attempt::scorePercent))
        .containsExactly(0, 78);
    assertThat(training(pi, ANALYST)).isNotNull();
    assertThat(answersAnywhere(pi)).isZero();
  }
}
