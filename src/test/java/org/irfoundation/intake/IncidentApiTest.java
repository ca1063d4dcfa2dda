package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake API end to end: real HTTP, security, the deployed models, the database. */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentApiTest {

  static final String DETECTOR = "detector1";
  static final String DETECTOR_PASSWORD = "Detector-pw-2026";
  /** Reads what the detector reports: its reporter sees id, status and severity only (need-to-know). */
  static final String LEAD = "api-lead";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;

  @BeforeAll
  void detectionToolUser() {
    User user = identityService.newUser(DETECTOR);
    user.setPassword(DETECTOR_PASSWORD);
    identityService.saveUser(user);
    User lead = identityService.newUser(LEAD);
    lead.setPassword(DETECTOR_PASSWORD);
    identityService.saveUser(lead);
    identityService.createMembership(LEAD, Roles.IR_LEAD);
  }

  static String report(String title, String category, String extra) {
    return """
        {"title": "%s", "category": "%s", "detectedAt": "%s", "source": "test"%s}"""
        .formatted(title, category, Instant.now().minus(1, ChronoUnit.HOURS), extra);
  }

  @Test
  void aReportIsClassifiedInTheAnswerAndShowsItsStateAndTimeline() throws Exception {
    ResponseEntity<JsonNode> created = post("/api/incidents", report("Root key used from TOR", "COMPROMISED_ACCOUNT",
        ", \"domain\": \"SERVICE\", \"indicators\": {\"rootAccount\": true}, \"affectedUsers\": [\"root\"]"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = created.getBody();
    String id = body.get("id").asText();
    assertThat(id).matches("INC-\\d{4}-\\d{4}");
    assertThat(body.get("severity").asText()).isEqualTo("P1");
    assertThat(body.get("playbook").asText()).isEqualTo("playbook-compromised-account");
    assertThat(body.get("status").asText()).isEqualTo("OPEN");
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/incidents/" + id);

    runJobsOf(id);

    JsonNode incident = get("/api/incidents/" + id).getBody();
    assertThat(incident.get("severity").asText()).isEqualTo("P1");
    assertThat(incident.get("ticketRef").asText()).isNotBlank();
    assertThat(incident.get("warRoomRef").asText()).isNotBlank();
    assertThat(incident.get("openTasks").findValuesAsText("name"))
        .contains("Acknowledge the incident · " + id + " (P1)"); // the task card's name (TaskCards)
    assertThat(incident.get("openTasks").get(0).get("groups").toString()).contains("ir-lead");
    assertThat(incident.get("deadlines").findValuesAsText("name")).isNotEmpty();
    assertThat(incident.get("timeline").findValuesAsText("type"))
        .contains("REPORTED", "CLASSIFIED", "TICKET_OPENED", "WAR_ROOM_OPENED", "NOTICE_SENT");
  }

  @Test
  void anUnknownCategoryWaitsForTheIrLeadToChooseAPlaybook() {
    ResponseEntity<JsonNode> created = post("/api/incidents", report("Odd traffic", "UNKNOWN", ""));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("severity").asText()).isEqualTo("P4");
    assertThat(created.getBody().has("playbook")).isFalse();
  }

  @Test
  void theSameExternalRefTwiceIsOneIncident() {
    String body = report("Phishing wave", "COMPROMISED_ACCOUNT", ", \"externalRef\": \"SIEM-4711\"");
    ResponseEntity<JsonNode> first = post("/api/incidents", body);
    ResponseEntity<JsonNode> second = post("/api/incidents", body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = first.getBody().get("id").asText();
    assertThat(second.getBody().get("id").asText()).isEqualTo(id);
    assertThat(jdbc.sql("select count(*) from incident where external_ref = 'SIEM-4711'").query(Long.class)
        .single()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isOne();
  }

  @Test
  void aHundredAlertsWithOneFingerprintAreOneIncident() throws Exception {
    String alert = """
        {"fingerprint": "gd-7f3a-exfil", "source": "guardduty", "category": "DATA_BREACH",
         "title": "S3 exfiltration pattern", "observedAt": "%s", "details": {"bucket": "hr-data"}}"""
        .formatted(Instant.now().minusSeconds(60));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      answers.add(pool.submit(() -> post("/api/alerts", alert)));
    }
    for (Future<ResponseEntity<JsonNode>> answer : answers) {
      assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }
    pool.shutdown();
    List<String> incidents = jdbc.sql("select distinct incident_id from alert where fingerprint = 'gd-7f3a-exfil'")
        .query(String.class).list();
    assertThat(incidents).hasSize(1);
    // every one counted, the first ten kept whole (irf.intake.alerts.raw-sample)
    assertThat(jdbc.sql("select alert_count from alert_aggregate where fingerprint = 'gd-7f3a-exfil'")
        .query(Long.class).single()).isEqualTo(100);
    assertThat(jdbc.sql("select sequence from alert where fingerprint = 'gd-7f3a-exfil' order by sequence")
        .query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incidents.get(0))
        .count()).isOne();
  }

  @Test
  void anAlertThatRaisesTheSeverityEscalatesTheRunningProcess() {
    String first = """
        [{"fingerprint": "edr-host-17", "title": "Suspicious binary", "category": "MALWARE",
          "observedAt": "%s"}]""".formatted(Instant.now().minusSeconds(120));
    ResponseEntity<JsonNode> opened = post("/api/alerts", first);
    assertThat(opened.getBody().get(0).get("action").asText()).isEqualTo("OPENED");
    String id = opened.getBody().get(0).get("incidentId").asText();
    assertThat(get("/api/incidents/" + id).getBody().get("severity").asText()).isEqualTo("P4");

    String same = first.replace("Suspicious binary", "Same binary again");
    assertThat(post("/api/alerts", same).getBody().get(0).get("action").asText()).isEqualTo("RECORDED");

    String encrypting = """
        {"fingerprint": "edr-host-17", "title": "Mass file encryption", "category": "MALWARE",
         "observedAt": "%s", "indicators": {"encryptionObserved": true}}""".formatted(Instant.now());
    ResponseEntity<JsonNode> escalated = post("/api/alerts", encrypting);
    assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(escalated.getBody().get(0).get("action").asText()).isEqualTo("ESCALATED");

    JsonNode incident = get("/api/incidents/" + id).getBody();
    assertThat(incident.get("severity").asText()).isEqualTo("P1");
    assertThat(incident.get("alerts").asLong()).isEqualTo(3);
    assertThat(incident.get("timeline").findValuesAsText("type")).contains("SEVERITY_CHANGED");
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(id).singleResult().getId(), "severity")).isEqualTo("P1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON       | {"title": "x", "category": | (body)
      wrong enum           | {"title": "x", "category": "ALIENS", "detectedAt": "2026-01-01T00:00:00Z"} | category
      wrong nested enum    | {"title": "x", "category": "MALWARE", "detectedAt": "2026-01-01T00:00:00Z", "impact": {"functional": "HUGE"}} | impact.functional
      missing title        | {"category": "MALWARE", "detectedAt": "2026-01-01T00:00:00Z"} | title
      missing category     | {"title": "x", "detectedAt": "2026-01-01T00:00:00Z"} | category
      missing detectedAt   | {"title": "x", "category": "MALWARE"} | detectedAt
      future detectedAt    | {"title": "x", "category": "MALWARE", "detectedAt": "2999-01-01T00:00:00Z"} | detectedAt
      unknown field        | {"title": "x", "category": "MALWARE", "detectedAt": "2026-01-01T00:00:00Z", "severity": "P1"} | severity
      negative accounts    | {"title": "x", "category": "MALWARE", "detectedAt": "2026-01-01T00:00:00Z", "indicators": {"accountsAffected": -1}} | indicators.accountsAffected
      title too long       | {"title": "%s", "category": "MALWARE", "detectedAt": "2026-01-01T00:00:00Z"} | title
      """)
  void badReportsAnswer400NamingTheFieldAndStartNothing(String name, String body, String field) {
    assertBadRequestChangesNothing("/api/incidents", body.replace("%s", "t".repeat(201)), field);
  }

  @Test
  void aBodyOverOneMebibyteAnswers400AndStartsNothing() {
    String huge = report("big", "MALWARE", ", \"description\": \"" + "x".repeat(1024 * 1024) + "\"");
    assertBadRequestChangesNothing("/api/incidents", huge, "(body)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing fingerprint in a batch | [{"fingerprint": "a1", "title": "t", "observedAt": "2026-01-01T00:00:00Z"}, {"title": "t", "observedAt": "2026-01-01T00:00:00Z"}] | [1].fingerprint
      wrong category                 | {"fingerprint": "a2", "title": "t", "category": "X", "observedAt": "2026-01-01T00:00:00Z"} | category
      future observedAt              | {"fingerprint": "a3", "title": "t", "observedAt": "2999-01-01T00:00:00Z"} | observedAt
      unknown field                  | {"fingerprint": "a4", "title": "t", "observedAt": "2026-01-01T00:00:00Z", "colour": "red"} | colour
      not an alert                   | 42 | (body)
      empty batch                    | [] | (body)
      """)
  void badAlertsAnswer400NamingTheFieldAndStartNothing(String name, String body, String field) {
    assertBadRequestChangesNothing("/api/alerts", body, field);
  }

  @Test
  void unknownIncidentsAndBadListParametersAreProblems() {
    ResponseEntity<JsonNode> missing = get("/api/incidents/INC-1999-0001");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("/api/incidents?status=SOMETIMES").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("/api/incidents?size=1000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    post("/api/incidents", report("Listed", "MALWARE", ""));
    JsonNode page = get("/api/incidents?status=OPEN&size=5").getBody();
    assertThat(page.get("items").size()).isBetween(1, 5);
    assertThat(page.get("items").findValuesAsText("status")).containsOnly("OPEN");
    assertThat(page.get("total").asLong()).isPositive();
  }

  @Test
  void theApiIsDescribedWithOpenApi() {
    ResponseEntity<JsonNode> openapi = get("/api/openapi");
    assertThat(openapi.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(openapi.getBody().get("paths").has("/api/incidents")).isTrue();
    assertThat(openapi.getBody().get("paths").has("/api/alerts")).isTrue();
  }

  private void assertBadRequestChangesNothing(String path, String body, String field) {
    long incidents = jdbc.sql("select count(*) from incident").query(Long.class).single();
    long alerts = jdbc.sql("select count(*) from alert").query(Long.class).single();
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<JsonNode> answer = post(path, body);

    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().get("errors").findValuesAsText("field")).contains(field);
    assertThat(jdbc.sql("select count(*) from incident").query(Long.class).single()).isEqualTo(incidents);
    assertThat(jdbc.sql("select count(*) from alert").query(Long.class).single()).isEqualTo(alerts);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  private void runJobsOf(String incidentId) {
    IncidentJobs.runAll(runtimeService, managementService, incidentId);
  }

  private ResponseEntity<JsonNode> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return reporter().postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return rest.withBasicAuth(LEAD, DETECTOR_PASSWORD).getForEntity(path, JsonNode.class);
  }

  /** A detection tool's user: no group, no Camunda rights; reporting must work all the same. */
  private TestRestTemplate reporter() {
    return rest.withBasicAuth(DETECTOR, DETECTOR_PASSWORD);
  }

}
