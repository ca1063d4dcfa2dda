package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Tasklist, Cockpit and Admin: served, login works, and the first-run setup can never create a user. */
@IrSpringBootTest
class WebappSecurityTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tasklistCockpitAndAdminAreServed() {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(app).isTrue();
    }
  }

  @Test
  void theAdministratorLogsInToEveryWebapp() {
    WebappSession session = WebappSession.open(rest);
    ResponseEntity<Map> login = session.login(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<String>) login.getBody().get("authorizedApps"))
        .contains("tasklist", "cockpit", "admin");
  }

  @Test
  void aResponderLogsInToTasklistOnly() {
    User user = identityService.newUser("analyst7");
    user.setPassword("Secret-pw-2026");
    identityService.saveUser(user);
    identityService.createMembership("analyst7", Roles.IR_ANALYST);

    ResponseEntity<Map> login = WebappSession.open(rest).login("analyst7", "Secret-pw-2026");
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<String>) login.getBody().get("authorizedApps")).contains("tasklist")
        .doesNotContain("cockpit", "admin");
  }

  @Test
  void theFirstRunSetupCannotCreateAUserOnceTheAppHasStarted() {
    WebappSession session = WebappSession.open(rest);
    assertThat(session.createUserThroughSetup("mallory1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("mallory1").count()).isZero();

    // CVE-2026-77226: 7.24.0 opens the setup whenever camunda-admin has no direct member. Empty the
    // group behind the engine's back and try again: the endpoint stays closed.
    List<Map<String, Object>> members = jdbc.queryForList(
        "select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", Groups.CAMUNDA_ADMIN);
    assertThat(members).isNotEmpty();
    jdbc.update("delete from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", Groups.CAMUNDA_ADMIN);
    try {
      assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
      ResponseEntity<String> setup = session.createUserThroughSetup("mallory2");
      assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(setup.getBody()).contains("\"status\":403");
      assertThat(identityService.createUserQuery().userId("mallory2").count()).isZero();
    } finally {
      members.forEach(m -> jdbc.update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)",
          m.get("USER_ID_"), m.get("GROUP_ID_")));
    }
    // the same session and CSRF token are good for a real request: the 403 above was the setup block
    assertThat(session.login(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theLastAdministratorCannotBeRemoved() {
    TestRestTemplate admin = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    ResponseEntity<String> leave = admin.exchange("/engine-rest/group/camunda-admin/members/admin",
        HttpMethod.DELETE, null, String.class);
    assertThat(leave.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leave.getBody()).contains("last member of camunda-admin");
    ResponseEntity<String> delete = admin.exchange("/engine-rest/user/admin", HttpMethod.DELETE, null, String.class);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> deleteGroup = admin.exchange("/engine-rest/group/camunda-admin", HttpMethod.DELETE,
        null, String.class);
    assertThat(deleteGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId("admin").count())
        .isEqualTo(1);
  }

  /** A browser-like webapp session: the session cookie and the CSRF token Camunda hands out. */
  record WebappSession(TestRestTemplate rest, String cookies, String csrfToken) {

    static WebappSession open(TestRestTemplate rest) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/admin/default/", String.class);
      String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
      String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
          .map(c -> c.split(";", 2)[0]).toList());
      assertThat(token).isNotBlank();
      return new WebappSession(rest, cookies, token);
    }

    ResponseEntity<Map> login(String user, String password) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", user);
      form.add("password", password);
      return rest.postForEntity("/camunda/api/admin/auth/user/default/login/welcome",
          new HttpEntity<>(form, headers(MediaType.APPLICATION_FORM_URLENCODED)), Map.class);
    }

    ResponseEntity<String> createUserThroughSetup(String userId) {
      Map<String, Object> body = Map.of(
          "profile", Map.of("id", userId, "firstName", "M", "lastName", "X", "email", userId + "@example.org"),
          "credentials", Map.of("password", "Mallory-pw-2026!"));
      return rest.postForEntity("/camunda/api/admin/setup/default/user/create",
          new HttpEntity<>(body, headers(MediaType.APPLICATION_JSON)), String.class);
    }

    private HttpHeaders headers(MediaType type) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(type);
      headers.add(HttpHeaders.COOKIE, cookies);
      headers.add("X-XSRF-TOKEN", csrfToken);
      return headers;
    }
  }
}
