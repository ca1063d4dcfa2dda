package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The REST API and actuator over HTTP: authentication, and Camunda authorizations per group. */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTest {

  static final String LAWYER = "lawyer1";
  static final String WRITER = "writer1";
  static final String PASSWORD = "Secret-pw-2026";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeAll
  void usersAndATaskForLegal() {
    createUser(LAWYER, Roles.LEGAL);
    createUser(WRITER, Roles.COMMUNICATIONS);
    createUser("locked1", Roles.LEGAL);
    BpmnModelInstance model = Bpmn.createExecutableProcess("test-legal-review")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_LegalReview").name("Legal review").camundaCandidateGroups(Roles.LEGAL)
        .endEvent()
        .done();
    repositoryService.createDeployment().addModelInstance("test-legal-review.bpmn", model).deploy();
  }

  private void createUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  @Test
  void withoutCredentialsTheApisAnswer401WithProblemDetails() {
    for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task", "/api/me",
        "/api/incidents", "/actuator/prometheus", "/actuator/metrics")) {
      ResponseEntity<String> answer = rest.getForEntity(path, String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
      assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).as(path).contains("\"status\":401");
    }
  }

  @Test
  void aWrongPasswordOrUnknownUserAnswers401() {
    assertThat(rest.withBasicAuth("locked1", "Wrong-pw-2026").getForEntity("/engine-rest/process-definition",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("locked1", "Wrong-pw-2026").getForEntity("/api/me", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", PASSWORD).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthIsOpenButShowsNoDetailsToAnonymousCallers() {
    ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).containsEntry("status", "UP").doesNotContainKey("components");

    ResponseEntity<Map> detailed = admin().getForEntity("/actuator/health", Map.class);
    assertThat((Map<String, Object>) detailed.getBody().get("components"))
        .containsKeys("db", "processEngine", "ticket", "chat", "mail", "evidence");

    // the connectors on their own: for people who log in only
    assertThat(rest.getForEntity("/actuator/health/connectors", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<Map> connectors = admin().getForEntity("/actuator/health/connectors", Map.class);
    assertThat(connectors.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((Map<String, Object>) connectors.getBody().get("components"))
        .containsOnlyKeys("ticket", "chat", "mail", "evidence");
    assertThat((Map<String, Object>) admin().getForEntity("/actuator/health/ticket", Map.class).getBody())
        .containsEntry("status", "UP").extractingByKey("details").asString().contains("built-in ticket log");
  }

  @Test
  void theAdministratorUsesTheApisAndSeesMetrics() {
    ResponseEntity<Map> me = admin().getForEntity("/api/me", Map.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).containsEntry("user", "admin").containsEntry("groups", List.of("camunda-admin"));
    assertThat(admin().getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> metrics = admin().getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
  }

  @Test
  void aUserOfAnotherGroupCannotReadOrCompleteTheTask() {
    String processInstanceId = runtimeService.startProcessInstanceByKey("test-legal-review").getId();
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();

    TestRestTemplate writer = rest.withBasicAuth(WRITER, PASSWORD);
    assertThat(writer.getForEntity("/engine-rest/task?processInstanceId=" + processInstanceId, List.class)
        .getBody()).isEmpty();
    // the engine hides a task the caller may not read
    ResponseEntity<String> read = writer.getForEntity("/engine-rest/task/" + task.getId(), String.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(read.getBody()).doesNotContain("Legal review");
    assertThat(writer.getForEntity("/engine-rest/task/" + task.getId() + "/variables", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(writer.postForEntity("/engine-rest/task/" + task.getId() + "/claim", json(Map.of("userId", WRITER)),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(writer.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(Map.of()),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    TestRestTemplate lawyer = rest.withBasicAuth(LAWYER, PASSWORD);
    assertThat(lawyer.getForEntity("/engine-rest/task?processInstanceId=" + processInstanceId, List.class)
        .getBody()).hasSize(1);
    assertThat(lawyer.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(Map.of()),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void aTaskQueryCarryingAnExpressionIsRefused() {
    ResponseEntity<String> adhoc = rest.withBasicAuth(LAWYER, PASSWORD)
        .getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}");
    assertThat(adhoc.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(adhoc.getBody()).contains("Expressions are forbidden");

    ResponseEntity<String> postedQuery = rest.withBasicAuth(LAWYER, PASSWORD).postForEntity("/engine-rest/task",
        json(Map.of("candidateGroupsExpression", "${currentUserGroups()}")), String.class);
    assertThat(postedQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // a stored query: a Tasklist filter that would evaluate the expression whenever it is run
    ResponseEntity<String> storedFilter = admin().postForEntity("/engine-rest/filter/create", json(Map.of(
        "resourceType", "Task", "name", "sneaky",
        "query", Map.of("assigneeExpression", "${currentUser()}"))), String.class);
    assertThat(storedFilter.getStatusCode().is4xxClientError()).as(storedFilter.getBody()).isTrue();
    assertThat(storedFilter.getBody()).contains("Expressions are forbidden");
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
  }

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static <T> ResponseEntity<T> exchange(TestRestTemplate rest, HttpMethod method, String path, Class<T> type) {
    return rest.exchange(path, method, json(Map.of()), type);
  }
}
