package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.RestrictedTasks;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.TemplateVariables;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A restricted incident is invisible in Tasklist and Cockpit to whoever is not named on it: the engine's own REST
 * API (what the webapps query) answers its tasks, process instances, history and variables to the named people and
 * the IR lead only, while an ordinary incident's instances are there for its engaged groups and the program owner.
 * Its tasks go to named people; lifting the restriction gives them back to the groups. Texts that leave the app
 * carry its id and severity, not its title.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictedIncidentTest {

  static final String PASSWORD = "Restricted-pw-2026!";
  static final String ANALYST = "rt-analyst";
  static final String OWNER = "rt-owner";
  static final String NAMED = "rt-named";
  static final String SECOND_LEAD = "rt-lead2";
  static final String TITLE = "Insider: k.miller copying payroll";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired IncidentTeam team;
  @Autowired ProcessEngine processEngine;

  String restricted;
  String ordinary;

  @BeforeAll
  void usersAndIncidents() {
    user(ANALYST, Roles.IR_ANALYST);
    user(OWNER, Roles.IR_PROGRAM_OWNER);
    user(NAMED, Roles.BUSINESS_STAKEHOLDER);
    user(SECOND_LEAD, Roles.IR_LEAD);
    restricted = report(TITLE, true);
    ordinary = report("Password spray on the VPN", false);
    runJobsOf(restricted);
    runJobsOf(ordinary);
  }

  @Test
  void anEngagedGroupsMemberWhoIsNotNamedFindsNothingOfItInTheEngine() {
    String instance = processInstanceOf(restricted);
    for (String user : List.of(ANALYST, OWNER)) {
      assertThat(engine(user, "/task?processInstanceBusinessKey=" + restricted)).as(user).isEmpty();
      assertThat(engine(user, "/process-instance?businessKey=" + restricted)).as(user).isEmpty();
      assertThat(engine(user, "/history/process-instance?processInstanceBusinessKey=" + restricted)).as(user)
          .isEmpty();
      assertThat(engine(user, "/history/task?processInstanceBusinessKey=" + restricted)).as(user).isEmpty();
      assertThat(engine(user, "/variable-instance?processInstanceIdIn=" + instance)).as(user).isEmpty();
      assertThat(engine(user, "/history/variable-instance?processInstanceId=" + instance)).as(user).isEmpty();
    }
  }

  @Test
  void anOrdinaryIncidentsInstancesAreThereForItsEngagedGroupAndTheProgramOwner() {
    String instance = processInstanceOf(ordinary);
    for (String user : List.of(ANALYST, OWNER)) {
      assertThat(engine(user, "/process-instance?businessKey=" + ordinary)).as(user).hasSize(1);
      assertThat(engine(user, "/history/process-instance?processInstanceBusinessKey=" + ordinary)).as(user)
          .hasSize(1);
      assertThat(engine(user, "/variable-instance?processInstanceIdIn=" + instance)).as(user).isNotEmpty();
      assertThat(engine(user, "/history/variable-instance?processInstanceId=" + instance)).as(user).isNotEmpty();
    }
    assertThat(engine(NAMED, "/process-instance?businessKey=" + ordinary)).isEmpty();
  }

  @Test
  void namingSomeoneShowsThemTheInstanceAtOnceAndTakingThemOffHidesItAgain() {
    String path = "/api/incidents/" + restricted;
    assertThat(call(NAMED, HttpMethod.GET, path).getStatusCode().value()).isEqualTo(404);
    assertThat(call(IrSpringBootTest.ADMIN, HttpMethod.POST, path + "/team/" + NAMED).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call(NAMED, HttpMethod.GET, path).getStatusCode().value()).isEqualTo(200);
    assertThat(engine(NAMED, "/process-instance?businessKey=" + restricted)).hasSize(1);
    assertThat(engine(NAMED, "/history/process-instance?processInstanceBusinessKey=" + restricted)).hasSize(1);
    assertThat(engine(ANALYST, "/process-instance?businessKey=" + restricted)).isEmpty();

    assertThat(call(IrSpringBootTest.ADMIN, HttpMethod.DELETE, path + "/team/" + NAMED).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call(NAMED, HttpMethod.GET, path).getStatusCode().value()).isEqualTo(404);
    assertThat(engine(NAMED, "/process-instance?businessKey=" + restricted)).isEmpty();
    assertThat(timeline(restricted)).contains(TimelineEvent.RESTRICTED.name(), TimelineEvent.TEAM_MEMBER_ADDED.name(),
        TimelineEvent.TEAM_MEMBER_REMOVED.name());
  }

  @Test
  void twoTeamChangesInOneTransactionGrantEachReaderOnce() {
    // as a review's two lessons starting two improvement actions in one job: each change grants before either flushes
    String incident = report("Two changes at once", false);
    runJobsOf(incident);
    // inside one engine command, as a job runs: the engine flushes the grants only at its end
    ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          team.name(incident, NAMED, IrSpringBootTest.ADMIN);
          team.name(incident, ANALYST, IrSpringBootTest.ADMIN);
          return null;
        });
    assertThat(engine(NAMED, "/process-instance?businessKey=" + incident)).hasSize(1);
    assertThat(jdbc.sql("select count(*) from act_ru_authorization where resource_id_ = ? and user_id_ = ?")
        .params(incidentInstance(incident), NAMED).query(Long.class).single()).isEqualTo(2); // instance, history
  }

  private String incidentInstance(String incident) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey("incident-response").singleResult().getId();
  }

  @Test
  void itsTasksGoToNamedPeopleAndBackToTheGroupsWhenTheRestrictionIsLifted() {
    String incident = report("Insider: HR complaint against an admin", true);
    runJobsOf(incident);
    Task acknowledge = taskService.createTaskQuery().processInstanceBusinessKey(incident).singleResult();
    // nobody named yet: the IR lead; the RACI's groups (here ir-lead too) are kept for when it is lifted, which
    // also shows the routing ran after the RACI did
    assertThat(candidates(acknowledge)).containsExactly("group:" + Roles.IR_LEAD);
    assertThat(taskService.getVariableLocal(acknowledge.getId(), RestrictedTasks.GROUPS_BEFORE_RESTRICTION.name()))
        .isEqualTo(Roles.IR_LEAD);

    call(IrSpringBootTest.ADMIN, HttpMethod.POST, "/api/incidents/" + incident + "/team/" + SECOND_LEAD);
    assertThat(candidates(acknowledge)).containsExactly("user:" + SECOND_LEAD);
    assertThat(engine(SECOND_LEAD, "/task?processInstanceBusinessKey=" + incident)).hasSize(1);

    json(IrSpringBootTest.ADMIN, HttpMethod.PUT, "/api/incidents/" + incident + "/restriction",
        "{\"restricted\": false, \"reason\": \"HR cleared it for the whole team\"}");
    assertThat(candidates(acknowledge)).containsExactly("group:" + Roles.IR_LEAD);
    json(IrSpringBootTest.ADMIN, HttpMethod.PUT, "/api/incidents/" + incident + "/restriction",
        "{\"restricted\": true, \"reason\": \"again\"}");
    assertThat(candidates(acknowledge)).containsExactly("user:" + SECOND_LEAD);
    assertThat(timeline(incident)).contains(TimelineEvent.UNRESTRICTED.name());
  }

  @Test
  void ticketWarRoomAndNoticesCarryItsIdAndSeverityNotItsTitle() {
    assertThat(jdbc.sql("select title from ticket_log where incident_id = ?").param(restricted)
        .query(String.class).single()).isEqualTo(TemplateVariables.RESTRICTED_TITLE);
    assertThat(jdbc.sql("select title from war_room where incident_id = ?").param(restricted)
        .query(String.class).single()).startsWith(restricted + " [P").contains(TemplateVariables.RESTRICTED_TITLE)
        .doesNotContain("k.miller");
    List<String> notices = jdbc.sql("select subject || ' ' || body from notice_log where incident_id = ?")
        .param(restricted).query(String.class).list();
    assertThat(notices).isNotEmpty().allSatisfy(text -> assertThat(text).contains(restricted)
        .doesNotContain("k.miller"));
    // an ordinary incident's keep their title
    assertThat(jdbc.sql("select title from ticket_log where incident_id = ?").param(ordinary)
        .query(String.class).single()).isEqualTo("Password spray on the VPN");
  }

  // --- helpers ---

  private List<String> candidates(Task task) {
    List<String> candidates = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        candidates.add(link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId());
      }
    }
    return candidates;
  }

  private List<String> timeline(String incident) {
    return call(IrSpringBootTest.ADMIN, HttpMethod.GET, "/api/incidents/" + incident).getBody().get("timeline")
        .findValuesAsText("type");
  }

  private String processInstanceOf(String incident) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey("incident-response").singleResult().getId();
  }

  private List<JsonNode> engine(String user, String path) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest" + path,
        JsonNode.class);
    assertThat(answer.getStatusCode().value()).as("GET %s as %s", path, user).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    answer.getBody().forEach(items::add);
    return items;
  }

  private void user(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  private String report(String title, boolean restrict) {
    String body = """
        {"title": "%s", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s", "restricted": %s}"""
        .formatted(title, Instant.now().minus(1, ChronoUnit.HOURS), restrict);
    return json(IrSpringBootTest.ADMIN, HttpMethod.POST, "/api/incidents", body).getBody().get("id").asText();
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path) {
    return exchange(user, method, path, null);
  }

  private ResponseEntity<JsonNode> json(String user, HttpMethod method, String path, String body) {
    return exchange(user, method, path, body);
  }

  private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    String password = user.equals(IrSpringBootTest.ADMIN) ? IrSpringBootTest.ADMIN_PASSWORD : PASSWORD;
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private void runJobsOf(String incident) {
    IncidentJobs.runAll(runtimeService, managementService, incident);
  }
}
