package org.irfoundation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.ProcessTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/raci.dmn row by row, and user tasks routed by it. */
@Deployment(resources = "dmn/raci.dmn")
class RaciTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withoutCoverage();

  /** The model each routing test deploys: one user task with the raciActivity property. */
  static final String PROCESS_KEY = "raci-routing";
  static final String TASK_ROUTED = "Task_Routed";

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      account-contain           | it-operations   | ir-lead
      ransom-decision-executive | executive       | executive
      ransom-decision-legal     | legal           | executive
      dpo-notice                | privacy-officer | privacy-officer
      approve-notice            | legal           | legal
      post-incident-review      | ir-lead         | ir-program-owner
      notification-late-reasons | legal           | privacy-officer
      obligation-significant    | ir-lead         | executive
      obligation-major          | ir-lead         | executive
      obligation-material       | legal           | executive
      legal-hold-release        | legal           | legal
      """)
  void rowsNameResponsibleAndAccountableGroups(String activity, String responsible, String accountable) {
    Raci.Assignment assignment = new Raci(engine.getDecisionService()).lookup(activity);
    assertThat(assignment.responsible()).containsExactly(responsible.split("\\+"));
    assertThat(assignment.accountable()).containsExactly(accountable);
  }

  @Test
  void everyRowNamesOnlyKnownGroupsAndSomeoneResponsibleAndAccountable() {
    Set<String> known = Roles.RESPONDER_ROLES.stream().map(Roles.Role::id).collect(Collectors.toSet());
    List<String> activities = engine.getRepositoryService().getDmnModelInstance(engine.getRepositoryService()
            .createDecisionDefinitionQuery().decisionDefinitionKey(Raci.DECISION_KEY).singleResult().getId())
        .getModelElementsByType(org.camunda.bpm.model.dmn.instance.InputEntry.class).stream()
        .map(entry -> entry.getTextContent().replace("\"", "").trim()).toList();
    assertThat(activities).hasSizeGreaterThan(25).doesNotHaveDuplicates();
    Raci raci = new Raci(engine.getDecisionService());
    for (String activity : activities) {
      Raci.Assignment a = raci.lookup(activity);
      assertThat(a.responsible()).as(activity).isNotEmpty();
      assertThat(a.accountable()).as(activity).hasSize(1);
      assertThat(known).as(activity).containsAll(a.responsible()).containsAll(a.accountable())
          .containsAll(a.consulted()).containsAll(a.informed());
    }
    // ransom decisions: two different roles, never one
    assertThat(raci.responsible("ransom-decision-executive")).isNotEqualTo(raci.responsible("ransom-decision-legal"));
  }

  @Test
  void aUserTaskWithARaciActivityGoesToTheResponsibleGroups() {
    deploy("account-contain");
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY);
    Task task = engine.getTaskService().createTaskQuery().singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)).containsExactly("it-operations");
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("it-operations").count()).isOne();
  }

  @Test
  void theActivityMayBeAnExpressionOverTheProcesssData() {
    deploy("obligation-${determination}");
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, java.util.Map.of("determination", "material")).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)).containsExactly("legal");
  }

  @Test
  void anActivityMissingFromTheTableFailsLoudly() {
    deploy("make-coffee");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("No RACI row for activity 'make-coffee'");
  }

  private void deploy(String activity) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
        .startEvent().userTask(TASK_ROUTED).endEvent().done();
    UserTask task = model.getModelElementById(TASK_ROUTED);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(RaciPlugin.PROPERTY);
    property.setCamundaValue(activity);
    properties.addChildElement(property);
    task.builder().addExtensionElement(properties);
    engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
  }
}
