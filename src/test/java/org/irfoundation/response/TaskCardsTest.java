package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentSeverity;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Severity;
import org.irfoundation.templates.TemplateVariables;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** What a responder sees on the task cards of two incidents, a P1 and a P4, and of a restricted one. */
@IrSpringBootTest
class TaskCardsTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Incidents incidents;
  @Autowired IncidentSeverity severity;

  @Test
  void aP1sAcknowledgeTaskCarriesIdAndSeverityOutranksAP4sAndIsDueAtTheAcknowledgeSla() {
    String p1 = report("Root key used from abroad", ", \"domain\": \"SERVICE\", \"indicators\": {\"rootAccount\": true}",
        false);
    String p4 = report("Odd sign-in", "", false);

    Task first = acknowledge(p1);
    Task fourth = acknowledge(p4);
    assertThat(first.getName()).isEqualTo("Acknowledge the incident · " + p1 + " (P1)");
    assertThat(fourth.getName()).isEqualTo("Acknowledge the incident · " + p4 + " (P4)");
    assertThat(first.getPriority()).isEqualTo(100).isGreaterThan(fourth.getPriority());
    assertThat(fourth.getPriority()).isEqualTo(25);
    assertThat(first.getDescription()).isEqualTo("Root key used from abroad — COMPROMISED_ACCOUNT");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyIn(p1, p4).orderByTaskPriority().desc()
        .list()).first().extracting(Task::getId).isEqualTo(first.getId());

    Incident incident = incidents.find(p1).orElseThrow();
    String sla = (String) runtimeService.getVariable(first.getProcessInstanceId(), Decided.ACKNOWLEDGE_SLA.name());
    assertThat(first.getDueDate()).isEqualTo(Date.from(incident.reportedAt().plus(Duration.parse(sla))));
    assertThat(taskService.getVariablesLocal(first.getId())).containsEntry(Inputs.INCIDENT_ID.name(), p1)
        .containsEntry(Decided.SEVERITY.name(), "P1").containsEntry(Inputs.CATEGORY.name(), "COMPROMISED_ACCOUNT");
  }

  @Test
  void aRaisedSeverityRenamesAndReprioritisesTheOpenTasks() {
    String id = report("Sign-in from a new country", "", false);
    assertThat(acknowledge(id).getPriority()).isEqualTo(25);

    severity.raise(id, Severity.P2, "admin rights", null, Map.of());
    Task raised = acknowledge(id);
    assertThat(raised.getName()).isEqualTo("Acknowledge the incident · " + id + " (P2)");
    assertThat(raised.getPriority()).isEqualTo(75);
    assertThat(taskService.getVariableLocal(raised.getId(), Decided.SEVERITY.name())).isEqualTo("P2");
  }

  @Test
  void thePlaybooksTriageTaskIsDueAtItsTriageTarget() {
    String id = report("Access key on a public repo", "", false);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    taskService.complete(acknowledge(id).getId());
    IncidentJobs.runAll(runtimeService, managementService, id);
    Instant after = Instant.now();
    Task triage = taskService.createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey(CompromisedAccountPlaybookApi.Elements.TASK_TRIAGE).singleResult();
    assertThat(triage.getName()).startsWith("Triage the account · " + id);
    // the timeline names the step as modelled: id and severity are the incident's own
    assertThat(incidents.timeline(id)).anySatisfy(e -> assertThat(e.detail()).isEqualTo("Acknowledge the incident"));
    // the model's non-interrupting "not done in 15 min" timer, from the task's creation
    assertThat(triage.getDueDate().toInstant()).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
        after.plus(Duration.ofMinutes(15)));
  }

  @Test
  void aRestrictedIncidentsTasksShowIdAndSeverityButNeverTheTitle() {
    String id = report("HR complaint against a named admin", "", true);
    Task task = acknowledge(id);
    assertThat(task.getName()).isEqualTo("Acknowledge the incident · " + id + " (P4)");
    assertThat(task.getDescription()).isEqualTo(TemplateVariables.RESTRICTED_TITLE + " — COMPROMISED_ACCOUNT")
        .doesNotContain("HR complaint");
  }

  @Test
  void namesPrioritiesAndDescriptions() {
    assertThat(TaskCards.name("Acknowledge the incident · INC-1 (P4)", "INC-1", "P1"))
        .isEqualTo("Acknowledge the incident · INC-1 (P1)");
    assertThat(TaskCards.name(null, "INC-1", null)).isEqualTo("Task · INC-1");
    assertThat(TaskCards.priorityOf("P1")).isEqualTo(100);
    assertThat(TaskCards.priorityOf("p3")).isEqualTo(50);
    assertThat(TaskCards.priorityOf("P4")).isEqualTo(25);
    assertThat(TaskCards.priorityOf(null)).isEqualTo(50);
    assertThat(TaskCards.priorityOf("X")).isEqualTo(50);
    assertThat(TaskCards.reportedPlusSla(incident(Instant.EPOCH), "PT15M")).isEqualTo(Date.from(Instant.ofEpochSecond(900)));
    assertThat(TaskCards.reportedPlusSla(incident(Instant.EPOCH), "soon")).isNull();
    assertThat(TaskCards.reportedPlusSla(incident(null), "PT15M")).isNull();
  }

  private static Incident incident(Instant reportedAt) {
    return new Incident("INC-1", "t", "d", "MALWARE", null, null, null, reportedAt, null, null, null, "P1", "PT15M",
        null, Incident.OPEN, null, null, "{}");
  }

  private Task acknowledge(String incident) {
    IncidentJobs.runAll(runtimeService, managementService, incident);
    return taskService.createTaskQuery().processInstanceBusinessKey(incident)
        .taskDefinitionKey(Elements.TASK_ACKNOWLEDGE).singleResult();
  }

  private String report(String title, String extra, boolean restricted) {
    String body = """
        {"title": "%s", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s", "restricted": %s%s}"""
        .formatted(title, Instant.now().minus(1, ChronoUnit.HOURS), restricted, extra);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    JsonNode created = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class).getBody();
    assertThat(created.get("id")).as(String.valueOf(created)).isNotNull();
    return created.get("id").asText();
  }
}
