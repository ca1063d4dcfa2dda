package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist's "Report an incident": the start form goes through the intake as the REST API does, it is the only process
 * an IR group may start, and a start of the product's own processes that bypasses the intake is refused, leaving
 * nothing behind.
 */
@IrSpringBootTest
class ReportIncidentFormTest {

  static final String PASSWORD = "Report-form-Pw-2027";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void anAnalystReportsFromTheStartFormThroughTheSameIntake() {
    String analyst = user(Roles.IR_ANALYST);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("title", "Root key used from TOR");
    answers.put("category", "COMPROMISED_ACCOUNT");
    answers.put("whatWasSeen", "CloudTrail shows the root key from a TOR exit node");
    answers.put("detectedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString());
    answers.put("functionalImpact", "LOW");
    answers.put("rootAccount", true);
    answers.put("accountsAffected", 1);
    answers.put("dataSubjectCount", 20);
    answers.put("jurisdictions", "de, US-CA");
    answers.put("dataTypes", "pii");

    ResponseEntity<JsonNode> started = submit(analyst, answers);

    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    String id = started.getBody().get("businessKey").asText();
    assertThat(id).matches("INC-\\d{4}-\\d{4}");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(IncidentResponseApi.Inputs.INCIDENT_ID.name()).singleResult().getValue()).isEqualTo(id);
    Map<String, Object> row = jdbc.sql("select severity, reporter, source, external_ref, description, process_instance_id"
        + " from incident where id = ?").param(id).query().singleRow();
    assertThat(row.get("severity")).isEqualTo("P1"); // root account: the same classification as the API's
    assertThat(row.get("reporter")).isEqualTo(analyst);
    assertThat(row.get("source")).isEqualTo(ReportIncidentApi.SOURCE);
    assertThat(row.get("external_ref")).isEqualTo(instance);
    assertThat(row.get("description")).isEqualTo("CloudTrail shows the root key from a TOR exit node");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId((String) row.get("process_instance_id"))
        .singleResult().getBusinessKey()).isEqualTo(id);
    assertThat(jdbc.sql("select actor from incident_event where incident_id = ? and type = 'REPORTED'")
        .param(id).query(String.class).list()).containsExactly(analyst);
    assertThat(rest.withBasicAuth(analyst, PASSWORD).getForEntity("/api/incidents/" + id, JsonNode.class)
        .getBody().get("severity").asText()).isEqualTo("P1");
  }

  @Test
  void aRefusedReportSaysWhyAndOpensNothing() {
    String reporter = user(Roles.BUSINESS_STAKEHOLDER);
    long before = incidents();

    ResponseEntity<String> noTitle = submitText(reporter, Map.of("category", "MALWARE",
        "detectedAt", Instant.now().minus(5, ChronoUnit.MINUTES).toString()));
    assertThat(noTitle.getStatusCode()).as(noTitle.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noTitle.getBody()).contains("title");

    ResponseEntity<String> future = submitText(reporter, Map.of("title", "Tomorrow's malware", "category", "MALWARE",
        "detectedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
    assertThat(future.getStatusCode()).as(future.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody()).contains("detectedAt");

    ResponseEntity<String> badCategory = submitText(reporter, Map.of("title", "x", "category", "ALIENS",
        "detectedAt", Instant.now().toString()));
    assertThat(badCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badCategory.getBody()).contains("category must be one of");

    assertThat(incidents()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportIncidentApi.PROCESS_KEY)
        .count()).isZero();
  }

  @Test
  void everyIrGroupMayStartOnlyTheReportAndTheProductsProcessesAreNotStartableInTasklist() {
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      assertThat(startableInTasklist(rest.withBasicAuth(user(role.id()), PASSWORD))).as(role.id())
          .containsExactlyInAnyOrder(role.id().equals(Roles.IR_PROGRAM_OWNER)
              ? new String[] {ReportIncidentApi.PROCESS_KEY, "ir-rollout"} : new String[] {ReportIncidentApi.PROCESS_KEY});
    }
    assertThat(startableInTasklist(rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)))
        .containsExactlyInAnyOrder(ReportIncidentApi.PROCESS_KEY, "ir-rollout")
        .doesNotContainAnyElementsOf(IntakeOnlyStarts.PRODUCT_ONLY);
  }

  /** What Tasklist's "Start process" lists, without the test models other classes deploy on the shared engine. */
  private static java.util.List<String> startableInTasklist(TestRestTemplate caller) {
    return caller.getForEntity("/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
        + "&startablePermissionCheck=true", JsonNode.class).getBody().findValuesAsText("key").stream()
        .filter(key -> !key.startsWith("test-")).toList();
  }

  @Test
  void aStartThatBypassesTheIntakeIsRefusedAndLeavesNoOrphan() {
    long instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(IncidentResponseApi.PROCESS_KEY).count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String body : new String[] {"{}", "{\"businessKey\": \"INC-2999-0001\"}"}) {
      ResponseEntity<String> refused = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
          .postForEntity("/engine-rest/process-definition/key/" + IncidentResponseApi.PROCESS_KEY + "/start",
              new HttpEntity<>(body, headers), String.class);
      assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("report the incident");
    }
    String definition = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD).getForEntity(
        "/engine-rest/process-definition/key/" + IncidentResponseApi.PROCESS_KEY, JsonNode.class).getBody().get("id")
        .asText();
    for (String path : new String[] {definition + "/start", definition + "/submit-form",
        "key/playbook-malware-ransomware/start", "key/evidence-collection/submit-form"}) {
      ResponseEntity<String> refused = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
          .postForEntity("/engine-rest/process-definition/" + path, new HttpEntity<>("{}", headers), String.class);
      assertThat(refused.getStatusCode()).as(path + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("playbook-data-breach", "INC-2999-0002"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no incident INC-2999-0002");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentResponseApi.PROCESS_KEY)
        .count()).isEqualTo(instances);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("INC-2999-0001")
        .count()).isZero();
  }

  private long incidents() {
    return jdbc.sql("select count(*) from incident").query(Long.class).single();
  }

  private ResponseEntity<JsonNode> submit(String user, Map<String, Object> answers) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/process-definition/key/"
        + ReportIncidentApi.PROCESS_KEY + "/submit-form", variables(answers), JsonNode.class);
  }

  private ResponseEntity<String> submitText(String user, Map<String, Object> answers) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/process-definition/key/"
        + ReportIncidentApi.PROCESS_KEY + "/submit-form", variables(answers), String.class);
  }

  /** As Tasklist submits a Camunda Form: typed values. */
  private static HttpEntity<Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
        value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(Map.of("variables", variables), headers);
  }

  private String user(String group) {
    String id = "report-" + group + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }
}
