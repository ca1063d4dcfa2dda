package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.irfoundation.IrSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert fold on a real PostgreSQL server (the {@code postgres} profile, as {@code PostgresProfileTest} starts
 * it): concurrent batches of repeats and of a new fingerprint, counted exactly, one incident and one timeline entry
 * per fingerprint, and the paged reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@DirtiesContext // close the app while PostgreSQL still runs; the server stops with the JVM
class AlertStormPostgresTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final int CLIENTS = 4;
  static final int BATCHES_PER_CLIENT = 5;
  static final int BATCH = 500;

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("IRF_DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("IRF_DB_USER", () -> "postgres");
    registry.add("IRF_DB_PASSWORD", () -> "postgres");
    // the API is enough; a second context's webapps would take over the JVM-wide webapp state (runtime delegates)
    // the shared context's Tasklist and Cockpit run on, and its closing would leave them broken
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void concurrentBatchesFoldIntoOneAggregatePerFingerprintAndCountEveryAlert() throws Exception {
    List<String> spray = List.of("pg-spray-a", "pg-spray-b", "pg-spray-c");
    ArrayNode opening = json.createArrayNode();
    spray.forEach(f -> opening.add(alert(f, "Spray " + f)));
    assertThat(post(opening).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
        ArrayNode batch = json.createArrayNode();
        for (int i = 0; i < BATCH; i++) {
          batch.add(alert(spray.get(i % spray.size()), "Spray again " + i));
        }
        batch.add(alert("pg-new-host", "New host")); // every client at once: one incident
        answers.add(pool.submit(() -> post(batch)));
      }
    }
    Set<String> newHostIncidents = new HashSet<>();
    for (Future<ResponseEntity<JsonNode>> answer : answers) {
      ResponseEntity<JsonNode> got = answer.get();
      assertThat(got.getStatusCode()).as(String.valueOf(got.getBody())).isEqualTo(HttpStatus.ACCEPTED);
      newHostIncidents.add(got.getBody().get(BATCH).get("incidentId").asText());
    }
    pool.shutdown();

    JdbcTemplate postgres = new JdbcTemplate(POSTGRES.getPostgresDatabase());
    int batches = CLIENTS * BATCHES_PER_CLIENT;
    assertThat(postgres.queryForObject("select sum(alert_count) from alert_aggregate", Long.class))
        .isEqualTo(spray.size() + (long) batches * (BATCH + 1));
    assertThat(newHostIncidents).hasSize(1);
    assertThat(postgres.queryForObject("select count(*) from incident", Long.class)).isEqualTo(spray.size() + 1);
    assertThat(postgres.queryForObject("select count(*) from incident_event where type = 'ALERT'", Long.class))
        .isEqualTo(spray.size() + 1);
    assertThat(postgres.queryForObject("select max(sequence) from alert", Long.class))
        .isEqualTo(AlertProperties.DEFAULT_RAW_SAMPLE);

    String id = newHostIncidents.iterator().next();
    JsonNode timeline = get("/api/incidents/" + id + "/timeline?page=0&size=2");
    assertThat(timeline.get("items")).hasSize(2);
    assertThat(timeline.get("total").asLong()).isGreaterThan(2);
    JsonNode view = get("/api/incidents/" + id);
    assertThat(view.get("alerts").asLong()).isEqualTo(batches);
    assertThat(view.get("timeline").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).startsWith(batches + " alerts from fingerprint pg-new-host (first "));
    JsonNode alerts = get("/api/incidents/" + id + "/alerts?page=0&size=5");
    assertThat(alerts.get("items")).hasSize(5);
    assertThat(alerts.get("received").asLong()).isEqualTo(batches);
  }

  private JsonNode alert(String fingerprint, String title) {
    return json.createObjectNode().put("fingerprint", fingerprint).put("source", "idp")
        .put("title", title).put("observedAt", Instant.now().minusSeconds(60).toString());
  }

  private ResponseEntity<JsonNode> post(JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return admin().postForEntity("/api/alerts", new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> answer = admin().getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
  }
}
