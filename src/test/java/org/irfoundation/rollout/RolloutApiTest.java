package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The rollout API on the running app, and week 1 as the program owner and a member work it in Tasklist. */
@IrSpringBootTest
class RolloutApiTest {

  static final String PASSWORD = "Rollout-api-Pw-2027";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void aProgramOwnerStartsARolloutItsPeopleFollowItAndOthersDoNot() {
    String owner = user("owner", Roles.IR_PROGRAM_OWNER);
    String sponsor = user("sponsor", Roles.EXECUTIVE);
    String outsider = user("outsider", Roles.IR_ANALYST);

    ResponseEntity<JsonNode> refused = post(outsider, start(sponsor, owner));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> unknown = post(owner, start("nobody-" + UUID.randomUUID(), owner));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("sponsor");
    ResponseEntity<JsonNode> noDate = post(owner, "{\"organisation\": \"Acme\", \"sponsor\": \"" + sponsor
        + "\", \"programOwner\": \"" + owner + "\"}");
    assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noDate.getBody().toString()).contains("startDate");

    ResponseEntity<JsonNode> created = post(owner, start(sponsor, owner));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode program = created.getBody();
    String id = program.get("id").asText();
    assertThat(id).matches("RO-\\d{4}-\\d{4}");
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/rollouts/" + id);
    assertThat(program.get("weeks")).hasSize(7);
    assertThat(program.get("weeks").findValuesAsText("number")).containsExactly("1", "2", "3", "4", "5", "7", "8");
    JsonNode week1 = program.get("weeks").get(0);
    assertThat(week1.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(week1.get("due").asText()).isEqualTo(LocalDate.now().plusWeeks(1) + "T17:00:00Z");
    assertThat(week1.get("gate").get("metrics").findValuesAsText("name"))
        .contains("Every role the RACI routes work to has a member", "Members acknowledged the channel test");
    assertThat(program.get("weeks").get(1).get("status").asText()).isEqualTo("NOT_STARTED");

    assertThat(rest.withBasicAuth(sponsor, PASSWORD).getForEntity("/api/rollouts/" + id, JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(outsider, PASSWORD).getForEntity("/api/rollouts/" + id, JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(outsider, PASSWORD).getForEntity("/api/rollouts", JsonNode.class).getBody()
        .findValuesAsText("id")).doesNotContain(id);

    JsonNode readiness = rest.withBasicAuth(sponsor, PASSWORD).getForEntity("/api/rollouts/" + id + "/readiness",
        JsonNode.class).getBody();
    assertThat(readiness.get("practices").findValuesAsText("id")).containsExactly("SEC10-BP01", "SEC10-BP02",
        "SEC10-BP03", "SEC10-BP04", "SEC10-BP05", "SEC10-BP06", "SEC10-BP07", "SEC10-BP08");
    assertThat(readiness.get("practices").get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = rest.withBasicAuth(sponsor, PASSWORD).exchange("/api/rollouts/" + id
        + "/readiness", org.springframework.http.HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("SEC10-BP01: Identify key personnel and external resources")
        .contains("Every role the RACI routes work to has a member");
  }

  @Test
  void aProgramOwnerStartsOneFromTasklistsStartFormAndAnUnknownSponsorIsRefused() {
    String owner = user("owner", Roles.IR_PROGRAM_OWNER);
    String sponsor = user("sponsor", Roles.EXECUTIVE);
    String definition = rest.withBasicAuth(owner, PASSWORD).getForEntity(
        "/engine-rest/process-definition/key/" + RolloutApi.PROCESS_KEY, JsonNode.class).getBody().get("id").asText();
    ResponseEntity<String> refused = rest.withBasicAuth(owner, PASSWORD).postForEntity("/engine-rest/process-definition/"
        + definition + "/submit-form", variables(Map.of("organisation", "Acme", "sponsor", "nobody-at-all",
        "programOwner", owner, "startDate", "2027-01-04")), String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("nobody-at-all");

    ResponseEntity<JsonNode> started = rest.withBasicAuth(owner, PASSWORD).postForEntity(
        "/engine-rest/process-definition/" + definition + "/submit-form", variables(Map.of("organisation", "Acme",
            "sponsor", sponsor, "programOwner", owner, "startDate", "2027-01-04")), JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String id = started.getBody().get("businessKey").asText();
    assertThat(id).matches("RO-\\d{4}-\\d{4}");
    JsonNode program = get(owner, id);
    assertThat(program.get("sponsor").asText()).isEqualTo(sponsor);
    assertThat(program.get("weeks").get(0).get("due").asText()).isEqualTo("2027-01-11T17:00:00Z");
    assertThat(task(id, "Task_ReviewRaci").getAssignee()).isEqualTo(owner);
    // its tasks are due when their week is: Tasklist shows how long is left
    assertThat(task(id, "Task_ReviewRaci").getDueDate().toInstant()).hasToString("2027-01-11T17:00:00Z");
  }

  @Test
  void weekOneIsWorkedInTasklistAndItsGateSaysWhatIsMissing() throws Exception {
    String owner = user("owner", Roles.IR_PROGRAM_OWNER);
    String sponsor = user("sponsor", Roles.EXECUTIVE);
    String member = user("member", null);
    String id = post(owner, start(sponsor, owner)).getBody().get("id").asText();

    Task raci = task(id, "Task_ReviewRaci");
    assertThat(raci.getAssignee()).isEqualTo(owner);
    taskService.complete(raci.getId(), Map.of("raciReviewed", "yes", "raciNotes", "fits us"));
    // an unknown user is refused and the task stays open
    Task name = task(id, "Task_NameTeam");
    ResponseEntity<String> refused = rest.withBasicAuth(owner, PASSWORD).postForEntity("/engine-rest/task/"
        + name.getId() + "/complete", variables(Map.of(RolloutTeam.field(Roles.LEGAL), "no-such-user")), String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("no-such-user");
    taskService.complete(name.getId(), Map.of(RolloutTeam.field(Roles.LEGAL), member));
    assertThat(identityService.createUserQuery().userId(member).memberOfGroup(Roles.LEGAL).count()).isOne();
    IncidentJobs.runAll(runtimeService, managementService, id); // the channel test

    Task ack = task(id, "Task_AcknowledgeChannelTest");
    assertThat(ack.getAssignee()).isEqualTo(member);
    taskService.complete(ack.getId(), Map.of("channelTestReceived", "yes"));
    IncidentJobs.runAll(runtimeService, managementService, id); // the gate

    JsonNode week1 = get(owner, id).get("weeks").get(0);
    assertThat(week1.get("status").asText()).isEqualTo("FAILED_GATE");
    assertThat(week1.get("gate").get("attempts").asInt()).isOne();
    JsonNode charter = null;
    for (JsonNode metric : week1.get("gate").get("metrics")) {
      if (metric.get("name").asText().equals("Team charter stored")) {
        charter = metric;
      }
      if (metric.get("name").asText().equals("Members acknowledged the channel test")) {
        assertThat(metric.get("met").asBoolean()).isTrue();
      }
    }
    assertThat(charter.get("met").asBoolean()).isFalse();
    Task again = task(id, "Task_NameTeam");
    assertThat(taskService.getVariable(again.getId(), RolloutApi.Vars.GATE_FAILURES.name()).toString())
        .contains("Team charter stored: not stored");

    byte[] content = "Charter: the IR team of Acme".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> stored = upload(owner, id, "1", "Team charter", content);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody().get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(upload(owner, id, "6", "Team charter", content).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode metrics = get(owner, id).get("weeks").get(0).get("gate").get("metrics");
    assertThat(metrics.toString()).contains("\"name\":\"Team charter stored\",\"target\":\"stored with its SHA-256\"");
    assertThat(get(owner, id).get("weeks").get(0).get("deliverables").get(0).get("name").asText())
        .isEqualTo("Team charter");
  }

  private String start(String sponsor, String owner) {
    return "{\"organisation\": \"Acme\", \"sponsor\": \"" + sponsor + "\", \"programOwner\": \"" + owner
        + "\", \"startDate\": \"" + LocalDate.now() + "\"}";
  }

  private ResponseEntity<JsonNode> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/rollouts", new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private JsonNode get(String user, String id) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/rollouts/" + id, JsonNode.class).getBody();
  }

  private ResponseEntity<JsonNode> upload(String user, String id, String week, String name, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("week", week);
    form.add("name", name);
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "charter.txt";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/rollouts/" + id + "/deliverables",
        new HttpEntity<>(form, headers), JsonNode.class);
  }

  private Task task(String rollout, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(rollout).taskDefinitionKey(key).singleResult();
  }

  private static HttpEntity<Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(Map.of("variables", variables), headers);
  }

  private String user(String role, String group) {
    String id = "api-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
    return id;
  }
}
