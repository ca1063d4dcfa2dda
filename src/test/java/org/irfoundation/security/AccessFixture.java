package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.IncidentJobs;
import org.irfoundation.testing.RawHttp;
import org.irfoundation.testing.RawHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The callers and things of the access matrix: a user per group (named as the group's demo user), an administrator,
 * a user in no group, an anonymous caller; an ordinary incident (its engaged groups from its team), its open task,
 * an evidence item, a rollout; and the calls, over HTTP Basic or a webapp session.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessFixture {

  static final String PASSWORD = "Access-matrix-pw-1!";
  static final String OUTSIDER = "mx-outsider";
  /** The user the IR lead names to the incident's team (no caller: their access stays as the model says). */
  static final String NAMED = "mx-named";
  /** A word of the incident's title: a refusal must not show it. */
  static final String SECRET_WORD = "q.quince";

  /**
   * Who calls: user (null: anonymous), groups, and what the security model lets them do with the incident; with a
   * token (Bearer, the administrator's, of one scope) instead of a password when {@code scope} is set.
   */
  record Caller(String name, String user, Set<String> groups, boolean readsIncident, boolean worksIncident,
      boolean candidate, String scope, String token) {

    Caller(String name, String user, Set<String> groups, boolean readsIncident, boolean worksIncident,
        boolean candidate) {
      this(name, user, groups, readsIncident, worksIncident, candidate, null, null);
    }

    boolean bearer() {
      return token != null;
    }

    boolean anonymous() {
      return user == null;
    }

    boolean admin() {
      return groups.contains(Roles.CAMUNDA_ADMIN);
    }

    boolean lead() {
      return admin() || groups.contains(Roles.IR_LEAD);
    }

    boolean in(String... any) {
      return java.util.Arrays.stream(any).anyMatch(groups::contains);
    }
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  @Autowired ApiTokens apiTokens;

  RawHttp http;
  String incident;
  String processInstance;
  String task;
  String evidence;
  String rollout;
  /** An administrator's token that the DELETE row revokes (as each caller that may). */
  String spareToken;
  private final List<Caller> callers = new ArrayList<>();
  private final Map<String, String> sessions = new HashMap<>();

  @BeforeAll
  void callersAndThings() throws Exception {
    http = new RawHttp(port);
    Answer reported = http.json(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "POST", "/api/incidents", """
        {"title": "Matrix: mailbox rule on %s", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s"}"""
        .formatted(SECRET_WORD, Instant.now().minus(1, ChronoUnit.HOURS)));
    incident = json.readTree(reported.body()).get("id").asText();
    IncidentJobs.runAll(runtimeService, managementService, incident);
    processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey("incident-response").singleResult().getId();
    Task open = taskService.createTaskQuery().processInstanceBusinessKey(incident).list().get(0);
    task = open.getId();
    Set<String> candidates = new java.util.HashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        candidates.add(link.getGroupId());
      }
    }
    Set<String> engaged = new java.util.HashSet<>();
    JsonNode team = json.readTree(http.send(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "GET",
        "/api/incidents/" + incident + "/team", null, null, false).body());
    team.get("members").forEach(m -> {
      if ("GROUP".equals(m.get("type").asText())) {
        engaged.add(m.get("id").asText());
      }
    });
    assertThat(engaged).as("the escalation policy engages a group besides the IR lead").isNotEmpty();
    RawHttp.Multipart form = RawHttp.multipart(RawHttp.fields("description", "Mailbox rules", "collectedAt",
        "2026-01-01T09:00:00Z"), Map.of("file", new String[] {"rules.txt", "rules"}));
    evidence = json.readTree(http.send(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "POST",
        "/api/incidents/" + incident + "/evidence", form.contentType(), form.body(), false).body()).get("id").asText();
    rollout = json.readTree(http.json(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "POST",
        "/api/rollouts", "{\"organisation\":\"Matrix\",\"sponsor\":\"admin\",\"programOwner\":\"admin\","
            + "\"startDate\":\"2027-01-04\"}").body()).get("id").asText();

    for (Map.Entry<String, String> demo : DemoUsers.byGroup().entrySet()) {
      String group = demo.getKey();
      String user = "mx-" + demo.getValue();
      createUser(user, group);
      boolean lead = group.equals(Roles.IR_LEAD);
      boolean reads = lead || group.equals(Roles.IR_PROGRAM_OWNER) || engaged.contains(group);
      callers.add(new Caller(group, user, Set.of(group), reads, lead || engaged.contains(group),
          candidates.contains(group)));
    }
    callers.add(new Caller(Roles.CAMUNDA_ADMIN, IrSpringBootTest.ADMIN, Set.of(Roles.CAMUNDA_ADMIN), true, true,
        true));
    createUser(OUTSIDER, null);
    createUser(NAMED, null);
    callers.add(new Caller("no group", OUTSIDER, Set.of(), false, false, false));
    callers.add(new Caller("anonymous", null, Set.of(), false, false, false));
    // the administrator's tokens: whatever the administrator may do, a token reaches only its scope
    Instant expires = Instant.now().plus(1, ChronoUnit.DAYS);
    for (String scope : TokenScope.ids()) {
      String token = apiTokens.create(new ApiTokens.CreateRequest(IrSpringBootTest.ADMIN, "mx " + scope,
          List.of(scope), expires), IrSpringBootTest.ADMIN).token();
      callers.add(new Caller("token " + scope, IrSpringBootTest.ADMIN, Set.of(Roles.CAMUNDA_ADMIN), true, true, true,
          scope, token));
    }
    spareToken = apiTokens.create(new ApiTokens.CreateRequest(IrSpringBootTest.ADMIN, "mx spare",
        List.of("alerts:write"), expires), IrSpringBootTest.ADMIN).id();
  }

  /** What the administrator's cells created: the shared context's other tests count administrators and users. */
  @AfterAll
  void undoTheAdministratorsChanges() {
    identityService.deleteMembership(NAMED, Roles.CAMUNDA_ADMIN);
    identityService.deleteUser("mx-new");
    authorizationService.createAuthorizationQuery().userIdIn(IrSpringBootTest.ADMIN).resourceId("mx-app").list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  List<Caller> callers() {
    return callers;
  }

  private void createUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
  }

  String password(Caller caller) {
    return caller.user().equals(IrSpringBootTest.ADMIN) ? IrSpringBootTest.ADMIN_PASSWORD : PASSWORD;
  }

  /** {@code WEBAPP}: a GET in the caller's webapp session; {@code WEBAPP-SETUP}: the first-run setup's create. */
  Answer call(String method, String path, String body, Caller caller) {
    byte[] bytes = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (caller.bearer()) {
      // a token does not sign in to the webapps: it is sent to their API as it is
      boolean setup = method.equals("WEBAPP-SETUP");
      return http.bearer(caller.token(), setup ? "POST" : method.startsWith("WEBAPP") ? "GET" : method, path,
          body == null && !setup ? null : "application/json", setup ? "{}".getBytes() : bytes);
    }
    if (method.startsWith("WEBAPP")) {
      return webapp(method.equals("WEBAPP-SETUP"), path, caller);
    }
    return http.send(caller.user(), caller.anonymous() ? null : password(caller), method, path,
        body == null ? null : "application/json", bytes, false);
  }

  private Answer webapp(boolean setup, String path, Caller caller) {
    String[] session = session(caller);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session[0]);
    headers.add("X-XSRF-TOKEN", session[1]);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> answer;
    if (setup) {
      headers.setContentType(MediaType.APPLICATION_JSON);
      answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("profile", Map.of("id", "mx-setup",
          "firstName", "M", "lastName", "X", "email", "m@example.org"), "credentials",
          Map.of("password", "Mallory-pw-2026!")), headers), String.class);
      assertThat(identityService.createUserQuery().userId("mx-setup").count()).isZero();
    } else {
      answer = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
    MediaType type = answer.getHeaders().getContentType();
    return new Answer(answer.getStatusCode().value(), type == null ? null : type.toString(),
        answer.getBody() == null ? "" : answer.getBody());
  }

  /** Cookies and CSRF token of the caller's webapp session (logged in to Tasklist unless anonymous). */
  private String[] session(Caller caller) {
    String key = caller.name();
    if (!sessions.containsKey(key)) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
      String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
      String cookies = cookies(page.getHeaders(), null);
      if (!caller.anonymous()) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", token);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", caller.user());
        form.add("password", password(caller));
        ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
            new HttpEntity<>(form, headers), String.class);
        // 403 is an answer (no Tasklist authorization); a 5xx would make every webapp cell of the caller meaningless
        assertThat(login.getStatusCode().value()).as("Tasklist login of %s: %s", caller.user(), login.getBody())
            .isIn(200, 403);
        cookies = cookies(login.getHeaders(), cookies);
        String newToken = login.getHeaders().getFirst("X-XSRF-TOKEN");
        token = newToken != null ? newToken : token;
      }
      sessions.put(key, cookies + "\n" + token);
    }
    return sessions.get(key).split("\n", 2);
  }

  private static String cookies(HttpHeaders headers, String before) {
    List<String> set = headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList();
    if (set.isEmpty()) {
      return before;
    }
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    if (before != null) {
      for (String c : before.split("; ")) {
        byName.put(c.split("=", 2)[0], c);
      }
    }
    set.forEach(c -> byName.put(c.split("=", 2)[0], c));
    return String.join("; ", byName.values());
  }
}
