package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile: every user the README lists logs in with its role, and the app binds to loopback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoProfileTest {

  static final String DEMO_PASSWORD = "Demo-pass-1!";

  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.core.env.Environment environment;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @Test
  void oneRolloutRunsPartWayThroughWeekOneWithTheChannelTestToAcknowledge() {
    ResponseEntity<List> rollouts = rest.withBasicAuth("olga", DEMO_PASSWORD).getForEntity("/api/rollouts",
        List.class);
    assertThat(rollouts.getBody()).hasSize(1);
    Map<?, ?> rollout = (Map<?, ?>) rollouts.getBody().get(0);
    assertThat(rollout.get("currentWeek")).isEqualTo(1);
    String id = (String) rollout.get("id");
    org.irfoundation.testing.IncidentJobs.runAll(runtimeService, managementService, id); // the channel test
    for (String[] user : DemoUsers.USERS) {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskAssignee(user[0])
          .taskDefinitionKey(org.irfoundation.rollout.RolloutApi.Elements.TASK_ACKNOWLEDGE_CHANNEL_TEST).count())
          .as(user[0]).isOne();
    }
  }

  @Test
  void everyDemoUserLogsInWithItsRole() {
    assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    for (String[] user : DemoUsers.USERS) {
      ResponseEntity<Map> me = rest.withBasicAuth(user[0], DEMO_PASSWORD).getForEntity("/api/me", Map.class);
      assertThat(me.getStatusCode()).as(user[0]).isEqualTo(HttpStatus.OK);
      assertThat(me.getBody()).as(user[0]).containsEntry("groups", List.of(user[3]));
      ResponseEntity<Map> webapp = WebappSecurityTest.WebappSession.open(rest).login(user[0], DEMO_PASSWORD);
      assertThat(webapp.getStatusCode()).as(user[0]).isEqualTo(HttpStatus.OK);
      assertThat((List<String>) webapp.getBody().get("authorizedApps")).as(user[0]).contains("tasklist");
    }
    ResponseEntity<Map> admin = rest.withBasicAuth("admin", DEMO_PASSWORD).getForEntity("/api/me", Map.class);
    assertThat(admin.getBody()).containsEntry("groups", List.of("camunda-admin"));
    assertThat((List<String>) WebappSecurityTest.WebappSession.open(rest).login("admin", DEMO_PASSWORD).getBody()
        .get("authorizedApps")).contains("tasklist", "cockpit", "admin");
  }
}
