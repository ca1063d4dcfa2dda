package org.irfoundation.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.testing.IncidentJobs;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the browser tests set up behind the browser: users, incidents reported as the README does, due jobs run. */
public record Incidents(TestRestTemplate rest, IdentityService identity, RuntimeService runtime, TaskService tasks,
    ManagementService management) {

  public static final String PASSWORD = "Chromium-e2e-Pw-2026";

  /** A user in the groups, password {@link #PASSWORD}; created once (test classes share one context). */
  public String user(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Tester");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
    return id;
  }

  /** POST /api/incidents as the user (the README's curl); returns the incident id. */
  public String report(String user, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = rest.withBasicAuth(user, PASSWORD).postForEntity("/api/incidents",
        new HttpEntity<>(json, headers), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String incident = created.getBody().get("id").asText();
    runJobs(incident);
    return incident;
  }

  /** Reports, runs its jobs, acknowledges it (as the engine, not part of what the browser shows) and runs again. */
  public String reportAndAcknowledge(String user, String json) {
    String incident = report(user, json);
    tasks.complete(task(incident, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE).getId(), Map.of());
    runJobs(incident);
    return incident;
  }

  public Task task(String incident, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(taskKey).list();
    assertThat(found).as(incident + " " + taskKey).hasSize(1);
    return found.get(0);
  }

  public void runJobs(String incident) {
    IncidentJobs.runAll(runtime, management, incident);
  }
}
