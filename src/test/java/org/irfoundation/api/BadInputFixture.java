package org.irfoundation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.testing.IncidentJobs;
import org.irfoundation.testing.RawHttp;
import org.irfoundation.testing.RawHttp.Answer;
import org.irfoundation.testing.RowCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the bad-input tests send to: an incident with an evidence item, and a rollout; and how they send. */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputFixture {

  static final String ADMIN = IrSpringBootTest.ADMIN;
  static final String ADMIN_PASSWORD = IrSpringBootTest.ADMIN_PASSWORD;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper objectMapper;

  RawHttp http;
  RowCounts rows;
  String incident;
  String evidence;
  String rollout;

  /** An answer and the tables whose row counts it changed. */
  record Sent(Answer answer, Map<String, String> changed) {}

  @BeforeAll
  void incidentEvidenceAndRollout() throws Exception {
    http = new RawHttp(port);
    rows = new RowCounts(jdbc);
    Answer reported = http.json(ADMIN, ADMIN_PASSWORD, "POST", "/api/incidents", """
        {"title": "Bad input target", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s"}"""
        .formatted(Instant.now().minus(1, ChronoUnit.HOURS)));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    incident = objectMapper.readTree(reported.body()).get("id").asText();
    IncidentJobs.runAll(runtimeService, managementService, incident);
    RawHttp.Multipart form = RawHttp.multipart(RawHttp.fields("description", "Mailbox rules", "collectedAt",
        "2026-01-01T09:00:00Z"), Map.of("file", new String[] {"rules.txt", "rules"}));
    Answer uploaded = http.send(ADMIN, ADMIN_PASSWORD, "POST", "/api/incidents/" + incident + "/evidence",
        form.contentType(), form.body(), false);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    evidence = objectMapper.readTree(uploaded.body()).get("id").asText();
    Answer started = http.json(ADMIN, ADMIN_PASSWORD, "POST", "/api/rollouts",
        "{\"organisation\":\"Bad input\",\"sponsor\":\"admin\",\"programOwner\":\"admin\",\"startDate\":\"2027-01-04\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    rollout = objectMapper.readTree(started.body()).get("id").asText();
  }

  /** Sends as the administrator (who may do everything: what is refused is the input) and counts rows around it. */
  Sent send(String method, String path, String contentType, byte[] body, boolean chunked) {
    Map<String, Long> before = rows.now();
    Answer answer = http.send(ADMIN, ADMIN_PASSWORD, method, path, contentType, body, chunked);
    return new Sent(answer, RowCounts.changed(before, rows.now()));
  }
}
