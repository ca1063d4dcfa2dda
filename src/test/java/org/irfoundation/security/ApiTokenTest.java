package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens: created by administrators only, shown once, scoped, acting as their user, expiring, revocable. */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {

  static final String DETECTOR = "edr-detector";
  static final String LEAD = "token-lead";
  static final String PASSWORD = "Secret-pw-2026";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  void serviceUsers() {
    createUser(DETECTOR, Roles.IR_ANALYST);
    createUser(LEAD, Roles.IR_LEAD);
  }

  private void createUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  @Test
  void anAdministratorCreatesATokenThatIsShownOnceAndActsAsItsUserInItsScopes() {
    ResponseEntity<Map> created = create(Map.of("user", LEAD, "name", "SIEM reader",
        "scopes", List.of("incidents:read"), "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String token = (String) created.getBody().get("token");
    String id = (String) created.getBody().get("id");
    assertThat(token).startsWith("irf_").hasSize(47);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/tokens/" + id);
    // stored as a hash only
    assertThat(jdbc.sql("select secret_hash from api_token where id = ?").param(id).query(String.class).single())
        .isEqualTo(ApiTokens.sha256(token)).doesNotContain(token.substring(4));

    ResponseEntity<Map> me = bearer(token, HttpMethod.GET, "/api/me", null);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).containsEntry("user", LEAD);
    assertThat((List<String>) me.getBody().get("groups")).contains(Roles.IR_LEAD);
    assertThat(bearer(token, HttpMethod.GET, "/api/incidents", null).getStatusCode()).isEqualTo(HttpStatus.OK);

    // outside its scopes: 403 problem, whatever its user may do
    for (String[] request : List.of(new String[] {"POST", "/api/incidents"}, new String[] {"POST", "/api/alerts"},
        new String[] {"GET", "/engine-rest/task"}, new String[] {"GET", "/api/tokens"},
        new String[] {"GET", "/actuator/prometheus"}, new String[] {"GET", "/api/rollouts"})) {
      ResponseEntity<String> answer = bearerString(token, HttpMethod.valueOf(request[0]), request[1], "{}");
      assertThat(answer.getStatusCode()).as(request[1]).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).contains("incidents:read");
    }

    // listed without the secret, with its last use
    ResponseEntity<List> listed = admin().getForEntity("/api/tokens", List.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> row = ((List<Map<String, Object>>) listed.getBody()).stream()
        .filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
    assertThat(row).containsEntry("user", LEAD).containsEntry("name", "SIEM reader").containsEntry("status", "ACTIVE")
        .containsEntry("scopes", List.of("incidents:read")).containsEntry("createdBy", IrSpringBootTest.ADMIN)
        .containsKey("lastUsedAt").doesNotContainKeys("token", "secretHash");
    assertThat(admin().getForEntity("/api/tokens", String.class).getBody()).doesNotContain(token);
  }

  @Test
  void aTokenWithAlertsWriteReachesTheAlertIntakeOnly() {
    String token = (String) create(Map.of("user", DETECTOR, "name", "EDR", "scopes", List.of("alerts:write"),
        "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).getBody().get("token");
    // past authentication and scope: the empty alert is the intake's 400, not a 401/403
    assertThat(bearerString(token, HttpMethod.POST, "/api/alerts", "{}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bearerString(token, HttpMethod.GET, "/api/incidents", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anExpiredTokenAnswers401() {
    String token = (String) create(Map.of("user", DETECTOR, "name", "short-lived", "scopes", List.of("alerts:write"),
        "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString())).getBody().get("token");
    assertThat(bearer(token, HttpMethod.GET, "/api/me", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
      ResponseEntity<String> answer = bearerString(token, HttpMethod.GET, "/api/me", null);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
          .contains("invalid_token");
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aRevokedTokenAnswers401AtOnceAndStaysListedAsRevoked() {
    Map<String, Object> body = create(Map.of("user", DETECTOR, "name", "to revoke", "scopes",
        List.of("evidence:write", "incidents:report"), "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
        .getBody();
    String token = (String) body.get("token");
    String id = (String) body.get("id");
    assertThat(bearer(token, HttpMethod.GET, "/api/me", null).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(admin().exchange("/api/tokens/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // the verified token was cached a moment ago: revoking clears it
    assertThat(bearer(token, HttpMethod.GET, "/api/me", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(admin().exchange("/api/tokens/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin().exchange("/api/tokens/no-such-token", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    Map<String, Object> row = ((List<Map<String, Object>>) admin().getForEntity("/api/tokens", List.class).getBody())
        .stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
    assertThat(row).containsEntry("status", "REVOKED").containsEntry("revokedBy", IrSpringBootTest.ADMIN);
    assertThat(bearer("irf_" + "x".repeat(43), HttpMethod.GET, "/api/me", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badRequestsAnswer400AndStoreNothing() {
    long before = rows();
    String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    List<Map<String, Object>> bad = List.of(
        Map.of("user", "no-such-user", "name", "x", "scopes", List.of("alerts:write"), "expiresAt", future),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("admin:all"), "expiresAt", future),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of(), "expiresAt", future),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("alerts:write"),
            "expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("alerts:write"),
            "expiresAt", Instant.now().plus(800, ChronoUnit.DAYS).toString()),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("alerts:write")),
        Map.of("user", DETECTOR, "name", "bad\nname", "scopes", List.of("alerts:write"), "expiresAt", future),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("alerts:write"), "expiresAt", "tomorrow"),
        Map.of("user", DETECTOR, "name", "x", "scopes", List.of("alerts:write"), "expiresAt", future,
            "token", "irf_chosen-by-caller"));
    for (Map<String, Object> request : bad) {
      ResponseEntity<Map> answer = create(request);
      assertThat(answer.getStatusCode()).as(request.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void onlyAdministratorsSignedInWithAPasswordManageTokens() {
    TestRestTemplate lead = rest.withBasicAuth(LEAD, PASSWORD);
    assertThat(lead.getForEntity("/api/tokens", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    long before = rows();
    assertThat(lead.postForEntity("/api/tokens", json(Map.of("user", LEAD, "name", "mine", "scopes",
        List.of("incidents:read"), "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rows()).isEqualTo(before);
    assertThat(rest.getForEntity("/api/tokens", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private long rows() {
    return jdbc.sql("select count(*) from api_token").query(Long.class).single();
  }

  private ResponseEntity<Map> create(Map<String, Object> request) {
    return admin().postForEntity("/api/tokens", json(request), Map.class);
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
  }

  private ResponseEntity<Map> bearer(String token, HttpMethod method, String path, String body) {
    return rest.exchange(path, method, entity(token, body), Map.class);
  }

  private ResponseEntity<String> bearerString(String token, HttpMethod method, String path, String body) {
    return rest.exchange(path, method, entity(token, body), String.class);
  }

  private static HttpEntity<String> entity(String token, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
