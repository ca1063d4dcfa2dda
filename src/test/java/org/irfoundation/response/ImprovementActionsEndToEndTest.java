package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lesson of a real incident's review, end to end through the running app: the IR lead completes the review over
 * the engine's REST API as Tasklist does (a bad line answered 400, naming it), the lesson becomes a task of its owner
 * due on its date while the incident closes, the owner is reminded, the overdue action is escalated (timers fired
 * with the engine clock), the next review of the playbook sees it pending, the API shows it to whom it may, and the
 * owner completes it with the outcome.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementActionsEndToEndTest {

  static final String PASSWORD = "Improve-e2e-Pw-2026";
  static final String LEAD = "ia.lead";
  static final String PROGRAM_OWNER = "ia.owner";
  static final String OWNER = "ia.lena";
  static final String OUTSIDER = "ia.legal";
  static final String PLAYBOOK = "playbook-compromised-account";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ImprovementActions improvementActions;

  @BeforeAll
  void users() {
    user(LEAD, Roles.IR_LEAD, null);
    user(PROGRAM_OWNER, Roles.IR_PROGRAM_OWNER, null);
    user(OWNER, Roles.IT_OPERATIONS, "lena@example.org");
    user(OUTSIDER, Roles.LEGAL, null);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aLessonBecomesItsOwnersTaskEscalatesWhenOverdueAndShowsInTheNextReviewOfThePlaybook() {
    String incident = report();
    IncidentJobs.runAll(runtimeService, managementService, incident);
    // the response itself is other tests' business: straight to the review, as incident-response reaches it
    ProcessInstance response = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey(IncidentResponseApi.PROCESS_KEY).singleResult();
    runtimeService.createProcessInstanceModification(response.getId())
        .cancelAllForActivity(IncidentResponseApi.Elements.SUBPROCESS_RESPOND)
        .startBeforeActivity(IncidentResponseApi.Elements.CALL_POST_INCIDENT_REVIEW).execute();

    Task review = task(incident, PostIncidentReviewApi.Elements.TASK_HOLD_REVIEW);
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains(Roles.IR_LEAD);
    assertThat(review.getDueDate()).isNotNull();

    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(10);
    String lesson = "MFA reset takes too long | changes:" + PLAYBOOK + " | owner:" + OWNER + " | due:" + due;
    ResponseEntity<String> refused = submit(LEAD, review, lesson + "\nPatch faster | changes:" + PLAYBOOK
        + " | owner:nobody | due:" + due);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Lessons learned: line 2: owner:nobody is no user");
    assertThat(improvementActions.forIncident(incident)).isEmpty();

    ResponseEntity<String> submitted = submit(LEAD, review, lesson);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    IncidentJobs.runAll(runtimeService, managementService, incident);

    // the review is over and the incident closed; the action lives on as its owner's task, due on its date
    assertThat(json(LEAD, "/api/incidents/" + incident).get("status").asText()).isEqualTo("CLOSED");
    String actionId = incident + "-L1";
    Task work = taskService.createTaskQuery().taskAssignee(OWNER).processInstanceBusinessKey(incident)
        .taskDefinitionKey(ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT).singleResult();
    assertThat(work).isNotNull();
    Instant dueAt = ImprovementActions.dueAt(due);
    assertThat(work.getDueDate().toInstant()).isEqualTo(dueAt);
    assertThat(improvementActions.get(actionId).status()).isEqualTo(Improvement.OPEN);
    assertThat(improvementActions.pendingFor(PLAYBOOK)).contains(incident + " 'MFA reset takes too long' (" + OWNER
        + ", due " + due + ")");

    // who sees it
    JsonNode ofIncident = json(LEAD, "/api/incidents/" + incident + "/improvements");
    assertThat(ofIncident).hasSize(1);
    assertThat(ofIncident.get(0).get("id").asText()).isEqualTo(actionId);
    assertThat(ofIncident.get(0).get("owner").asText()).isEqualTo(OWNER);
    assertThat(ofIncident.get(0).get("due").asText()).isEqualTo(due.toString());
    assertThat(ofIncident.get(0).get("exercise").asBoolean()).isFalse();
    assertThat(ofIncident.get(0).get("createdBy").asText()).isEqualTo(LEAD);
    assertThat(get(OUTSIDER, "/api/incidents/" + incident + "/improvements").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(ids(OWNER, "/api/improvements?status=OPEN")).contains(actionId);
    assertThat(ids(PROGRAM_OWNER, "/api/improvements?status=OPEN&playbook=" + PLAYBOOK)).contains(actionId);
    assertThat(ids(LEAD, "/api/improvements?exercise=true")).doesNotContain(actionId);
    assertThat(ids(OUTSIDER, "/api/improvements")).doesNotContain(actionId);
    ResponseEntity<String> badStatus = get(LEAD, "/api/improvements?status=LATE");
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ResponseEntity<String> badPlaybook = get(LEAD, "/api/improvements?playbook=Not a key");
    assertThat(badPlaybook.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badPlaybook.getBody()).contains("\"field\":\"playbook\"");

    // three days before: the owner is reminded at their address
    ProcessInstance action = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey(ImprovementActionApi.PROCESS_KEY).singleResult();
    fireTimer(action, ImprovementActionApi.Elements.EVENT_DUE_SOON, dueAt.minus(3, ChronoUnit.DAYS));
    IncidentJobs.runAll(runtimeService, managementService, incident);
    assertThat(notice(incident, NoticeKind.IMPROVEMENT_DUE, actionId)).containsEntry("recipient_addresses",
        "lena@example.org");

    // past its due date: the IR lead and the program owner are told, and the timeline says so
    fireTimer(action, ImprovementActionApi.Elements.EVENT_OVERDUE, dueAt);
    IncidentJobs.runAll(runtimeService, managementService, incident);
    assertThat(notice(incident, NoticeKind.IMPROVEMENT_OVERDUE, actionId)).containsEntry("recipient_groups",
        Roles.IR_LEAD + "," + Roles.IR_PROGRAM_OWNER);
    JsonNode timeline = json(LEAD, "/api/incidents/" + incident).get("timeline");
    assertThat(timeline.findValuesAsText("type")).contains(TimelineEvent.REVIEW_HELD.name(),
        TimelineEvent.LESSON_RECORDED.name(), TimelineEvent.IMPROVEMENT_OVERDUE.name());
    assertThat(improvementActions.pendingFor(PLAYBOOK)).contains("(" + OWNER + ", due " + due + ", overdue)");
    assertThat(json(OWNER, "/api/improvements?status=OPEN").findValuesAsText("overdue")).contains("true");

    // the owner completes it in Tasklist (the engine's REST API) with the outcome
    ResponseEntity<String> done = rest.withBasicAuth(OWNER, PASSWORD).postForEntity("/engine-rest/task/"
        + work.getId() + "/submit-form", variables(Map.of(ImprovementActionApi.Vars.OUTCOME.name(),
            "Self-service MFA reset is step 6 of the playbook")), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    Improvement improvement = improvementActions.get(actionId);
    assertThat(improvement.status()).isEqualTo(Improvement.DONE);
    assertThat(improvement.outcome()).isEqualTo("Self-service MFA reset is step 6 of the playbook");
    assertThat(json(LEAD, "/api/incidents/" + incident + "/improvements").get(0).get("doneBy").asText())
        .isEqualTo(OWNER);
    assertThat(improvementActions.pendingFor(PLAYBOOK)).doesNotContain(incident);
    assertThat(ids(LEAD, "/api/improvements?status=DONE")).contains(actionId);
  }

  // ---------------------------------------------------------------- helpers

  private String report() {
    String body = """
        {"title": "Help-desk MFA reset abused", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s"}"""
        .formatted(Instant.now().minus(1, ChronoUnit.HOURS));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = rest.withBasicAuth(LEAD, PASSWORD).postForEntity("/api/incidents",
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  /** As Tasklist submits the review form. */
  private ResponseEntity<String> submit(String user, Task review, String lessons) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(PostIncidentReviewApi.Vars.TIMELINE_REVIEWED.name(), true);
    form.put(PostIncidentReviewApi.Vars.ROOT_CAUSES.name(), "The help desk reset MFA on a phone call");
    form.put(PostIncidentReviewApi.Vars.LESSONS.name(), lessons);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/" + review.getId() + "/submit-form",
        variables(form), String.class);
  }

  /** The timer is due then: the engine clock moves there and the timer fires. */
  private void fireTimer(ProcessInstance action, String activityId, Instant due) {
    Job timer = managementService.createJobQuery().processInstanceId(action.getId()).activityId(activityId)
        .timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(due);
    ClockUtil.setCurrentTime(Date.from(due.plus(1, ChronoUnit.MINUTES)));
    managementService.executeJob(timer.getId());
  }

  private Map<String, Object> notice(String incident, NoticeKind kind, String actionId) {
    return jdbc.sql("select recipient_groups, recipient_addresses from notice_log where idempotency_key = ?")
        .param(String.join(":", incident, kind.name(), actionId)).query().singleRow();
  }

  private Task task(String incident, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(key)
        .list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }

  private JsonNode json(String user, String path) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, PASSWORD).getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode()).as(path + " as " + user).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private List<String> ids(String user, String path) {
    List<String> ids = new ArrayList<>();
    json(user, path).forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static HttpEntity<Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(Map.of("variables", variables), headers);
  }

  private void user(String id, String group, String email) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    user.setEmail(email);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
