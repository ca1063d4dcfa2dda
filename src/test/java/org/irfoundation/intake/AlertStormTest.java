package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An alert storm over HTTP: repeats fold into one aggregate and one timeline entry per fingerprint, every alert is
 * counted, a bounded sample is kept whole, and the incident view stays small however many came.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertStormTest {

  static final String DETECTOR = "storm-detector";
  static final String LEAD = "storm-lead";
  static final String PASSWORD = "Storm-pw-2026";
  static final int OPEN_FINGERPRINTS = 5;
  static final int REPEATS = 10_000;
  static final int BATCH = 1_000;
  static final int NEW_PER_BATCH = 2;

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired IncidentStore store;
  String pagedIncident;

  @BeforeAll
  void users() {
    for (String id : List.of(DETECTOR, LEAD)) {
      User user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    identityService.createMembership(LEAD, Roles.IR_LEAD);
  }

  @Test
  void tenThousandRepeatsInBatchesAreCountedFoldedAndKeepTheIncidentViewSmall() throws Exception {
    String storm = "storm-" + UUID.randomUUID() + "-";
    ArrayNode opening = json.createArrayNode();
    for (int f = 0; f < OPEN_FINGERPRINTS; f++) {
      opening.add(alert(storm + "spray-" + f, "Password spray " + f, Instant.now().minusSeconds(600)));
    }
    JsonNode opened = post(opening).getBody();
    List<String> incidents = new ArrayList<>();
    opened.forEach(outcome -> {
      assertThat(outcome.get("action").asText()).isEqualTo("OPENED");
      incidents.add(outcome.get("incidentId").asText());
    });

    int sent = OPEN_FINGERPRINTS;
    int newOnes = 0;
    int openedInStorm = 0;
    int repeats = 0;
    for (int b = 0; repeats < REPEATS; b++) {
      ArrayNode batch = json.createArrayNode();
      for (int i = 0; i < BATCH - 2 * NEW_PER_BATCH && repeats < REPEATS; i++, repeats++) {
        batch.add(alert(storm + "spray-" + (repeats % OPEN_FINGERPRINTS), "Password spray again " + repeats,
            Instant.now().minusSeconds(300 - b)));
      }
      for (int n = 0; n < NEW_PER_BATCH; n++) {
        // a new fingerprint twice in its batch: one incident
        String fresh = storm + "new-" + b + "-" + n;
        batch.add(alert(fresh, "New host " + n, Instant.now().minusSeconds(60)));
        batch.add(alert(fresh, "New host " + n + " again", Instant.now().minusSeconds(30)));
        newOnes++;
      }
      ResponseEntity<JsonNode> answer = post(batch);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(answer.getBody().size()).isEqualTo(batch.size());
      for (JsonNode outcome : answer.getBody()) {
        openedInStorm += outcome.get("action").asText().equals("OPENED") ? 1 : 0;
      }
      sent += batch.size();
    }

    // nothing lost: every accepted alert counted; an incident per distinct new fingerprint, no more
    assertThat(jdbc.sql("select sum(alert_count) from alert_aggregate where fingerprint like ?").param(storm + "%")
        .query(Long.class).single()).isEqualTo(sent);
    assertThat(openedInStorm).isEqualTo(newOnes);
    assertThat(jdbc.sql("select count(*) from incident where description like ?").param("Opened by alert " + storm + "%")
        .query(Long.class).single()).isEqualTo(OPEN_FINGERPRINTS + newOnes);
    for (int f = 0; f < OPEN_FINGERPRINTS; f++) {
      assertThat(jdbc.sql("select alert_count from alert_aggregate where fingerprint = ?")
          .param(storm + "spray-" + f).query(Long.class).single()).isEqualTo(1 + REPEATS / OPEN_FINGERPRINTS);
    }
    // a bounded sample kept whole: the first irf.intake.alerts.raw-sample of each fingerprint
    assertThat(jdbc.sql("select max(c) from (select count(*) as c from alert where fingerprint like ?"
        + " group by incident_id, fingerprint) k").param(storm + "%").query(Long.class).single())
        .isEqualTo(AlertProperties.DEFAULT_RAW_SAMPLE);

    String id = incidents.get(0);
    ResponseEntity<byte[]> raw = rest.withBasicAuth(LEAD, PASSWORD).getForEntity("/api/incidents/" + id, byte[].class);
    assertThat(raw.getBody().length).as("incident view bytes").isLessThan(100 * 1024);
    JsonNode view = json.readTree(new String(raw.getBody(), StandardCharsets.UTF_8));
    assertThat(view.get("alerts").asLong()).isEqualTo(1 + REPEATS / OPEN_FINGERPRINTS);
    assertThat(view.get("timeline").size()).isLessThanOrEqualTo(IncidentQueries.DETAIL_TIMELINE)
        .isEqualTo((int) Math.min(IncidentQueries.DETAIL_TIMELINE, view.get("timelineTotal").asLong()));
    List<String> alertEntries = new ArrayList<>();
    timeline(id, 0, 500).get("items").forEach(e -> {
      if (e.get("type").asText().equals("ALERT")) {
        alertEntries.add(e.get("detail").asText());
      }
    });
    assertThat(alertEntries).singleElement().asString()
        .startsWith("2,001 alerts from fingerprint " + storm + "spray-0 (first ")
        .contains("the latest: Password spray again");

    JsonNode alerts = get("/api/incidents/" + id + "/alerts?size=3").getBody();
    assertThat(alerts.get("items")).hasSize(3);
    assertThat(alerts.get("total").asLong()).isEqualTo(AlertProperties.DEFAULT_RAW_SAMPLE);
    assertThat(alerts.get("received").asLong()).isEqualTo(1 + REPEATS / OPEN_FINGERPRINTS);
    assertThat(alerts.get("fingerprints")).singleElement().satisfies(f -> {
      assertThat(f.get("alerts").asLong()).isEqualTo(1 + REPEATS / OPEN_FINGERPRINTS);
      assertThat(f.get("latest").get("title").asText()).startsWith("Password spray again");
    });
  }

  @Test
  void theTimelinePagesNewestFirstWithItsTotal() {
    String id = post(json.createArrayNode().add(alert("storm-pages-" + UUID.randomUUID(), "Beacon",
        Instant.now().minusSeconds(60)))).getBody().get(0).get("incidentId").asText();
    JsonNode all = timeline(id, 0, 500);
    long total = all.get("total").asLong();
    assertThat(all.get("items").size()).isEqualTo((int) total).isGreaterThanOrEqualTo(3);
    JsonNode first = timeline(id, 0, 2);
    JsonNode second = timeline(id, 1, 2);
    assertThat(first.get("total").asLong()).isEqualTo(total);
    assertThat(first.get("items").get(0)).isEqualTo(all.get("items").get(0)); // newest first
    assertThat(second.get("items").get(0)).isEqualTo(all.get("items").get(2));
    assertThat(timeline(id, 1000, 50).get("items")).isEmpty();
    assertThat(all.get("items").get((int) total - 1).get("type").asText()).isEqualTo("REPORTED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"timeline?page=-1", "timeline?size=0", "timeline?size=501", "timeline?page=first",
      "alerts?page=-1", "alerts?size=0", "alerts?size=501", "alerts?size=many"})
  void badPagingParametersAreProblems(String query) {
    if (pagedIncident == null) {
      pagedIncident = post(json.createArrayNode().add(alert("storm-bad-" + UUID.randomUUID(), "Scan",
          Instant.now().minusSeconds(60)))).getBody().get(0).get("incidentId").asText();
    }
    ResponseEntity<JsonNode> answer = get("/api/incidents/" + pagedIncident + "/" + query);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void closingAnIncidentEndsTheFoldingIntoIt() {
    String fingerprint = "storm-closed-" + UUID.randomUUID();
    JsonNode batch = json.createArrayNode().add(alert(fingerprint, "Worm", Instant.now().minusSeconds(60)))
        .add(alert(fingerprint, "Worm again", Instant.now().minusSeconds(50)));
    String closed = post(batch).getBody().get(0).get("incidentId").asText();
    store.close(closed);

    JsonNode after = post(json.createArrayNode().add(alert(fingerprint, "Worm back", Instant.now()))).getBody();
    assertThat(after.get(0).get("action").asText()).isEqualTo("OPENED");
    assertThat(after.get(0).get("incidentId").asText()).isNotEqualTo(closed);
    assertThat(jdbc.sql("select alert_count from alert_aggregate where incident_id = ?").param(closed)
        .query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aBatchOverTheLimitIsAProblemAndCountsNothing() {
    String fingerprint = "storm-big-" + UUID.randomUUID();
    ArrayNode batch = json.createArrayNode();
    for (int i = 0; i <= IncidentController.MAX_ALERTS_PER_REQUEST; i++) {
      batch.add(alert(fingerprint, "x", Instant.now().minusSeconds(60)));
    }
    ResponseEntity<JsonNode> answer = post(batch);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(jdbc.sql("select count(*) from alert_aggregate where fingerprint = ?").param(fingerprint)
        .query(Long.class).single()).isZero();
  }

  @Test
  // counted with H2's query statistics, which PostgreSQL does not have: the PostgreSQL run leaves it out (pom.xml)
  @Tag("h2-statistics")
  void aRepeatPastTheSampleCostsTwoStatements() {
    String fingerprint = "storm-cost-" + UUID.randomUUID();
    ArrayNode sample = json.createArrayNode();
    for (int i = 0; i < AlertProperties.DEFAULT_RAW_SAMPLE; i++) { // the ones kept whole: one insert more each
      sample.add(alert(fingerprint, "First " + i, Instant.now().minusSeconds(60)));
    }
    post(sample);
    jdbc.sql("set query_statistics false").update();
    jdbc.sql("set query_statistics true").update(); // from here: what the next request runs
    post(json.createArrayNode().add(alert(fingerprint, "Repeat", Instant.now().minusSeconds(30))));
    List<Map<String, Object>> statements = jdbc.sql("""
        select sql_statement, execution_count from information_schema.query_statistics
        where lower(sql_statement) like '%alert%' or lower(sql_statement) like '%incident%'
          or lower(sql_statement) like '%fingerprint%'""").query().listOfRows();
    jdbc.sql("set query_statistics false").update();
    long executions = statements.stream()
        .filter(s -> !s.get("SQL_STATEMENT").toString().toLowerCase().contains("information_schema"))
        .mapToLong(s -> ((Number) s.get("EXECUTION_COUNT")).longValue()).sum();
    assertThat(executions).as(statements.toString()).isEqualTo(2);
  }

  private JsonNode timeline(String id, int page, int size) {
    ResponseEntity<JsonNode> answer = get("/api/incidents/" + id + "/timeline?page=" + page + "&size=" + size);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private JsonNode alert(String fingerprint, String title, Instant observedAt) {
    return json.createObjectNode().put("fingerprint", fingerprint).put("source", "idp").put("category",
        "COMPROMISED_ACCOUNT").put("title", title).put("observedAt", observedAt.toString());
  }

  private ResponseEntity<JsonNode> post(JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(DETECTOR, PASSWORD).postForEntity("/api/alerts",
        new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return rest.withBasicAuth(LEAD, PASSWORD).getForEntity(path, JsonNode.class);
  }
}
