package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Need-to-know, cell by cell: every role and kind of team membership against every endpoint that shows an incident,
 * for an ordinary and a restricted incident. Each cell is the status code (and, for the list, what is shown). The
 * endpoints are those the app maps under {@code /api/incidents/{id}}: a new one fails this test until it has its
 * row here.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowMatrixTest {

  static final String PASSWORD = "Matrix-pw-2026!";
  static final String LEAD = "nk-lead";
  static final String OWNER = "nk-owner";
  static final String ENGAGED = "nk-analyst";
  static final String OUTSIDER = "nk-legal";
  static final String WORKER = "nk-worker";
  static final String NAMED = "nk-named";
  static final String REPORTER = "nk-reporter";
  static final String ADMIN = IrSpringBootTest.ADMIN;

  /** Who sees how much of an ordinary incident (P4: the escalation policy engages ir-analyst). */
  static final Map<String, Access> ORDINARY = Map.of(LEAD, Access.TEAM, ADMIN, Access.TEAM, OWNER, Access.READ,
      ENGAGED, Access.TEAM, OUTSIDER, Access.NONE, WORKER, Access.TEAM, NAMED, Access.TEAM,
      REPORTER, Access.REPORTER);
  /** ... and of a restricted one: the named member, the IR lead and administrators; its reporter its state. */
  static final Map<String, Access> RESTRICTED = Map.of(LEAD, Access.TEAM, ADMIN, Access.TEAM, OWNER, Access.NONE,
      ENGAGED, Access.NONE, OUTSIDER, Access.NONE, WORKER, Access.NONE, NAMED, Access.TEAM,
      REPORTER, Access.REPORTER);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper objectMapper;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  String ordinary;
  String restricted;
  final Map<String, String> evidenceOf = new LinkedHashMap<>();

  @BeforeAll
  void usersAndTwoIncidents() {
    user(LEAD, Roles.IR_LEAD);
    user(OWNER, Roles.IR_PROGRAM_OWNER);
    user(ENGAGED, Roles.IR_ANALYST);
    user(OUTSIDER, Roles.LEGAL);
    user(WORKER, Roles.COMMUNICATIONS);
    user(NAMED, Roles.BUSINESS_STAKEHOLDER);
    user(REPORTER, null);
    user("nk-temp", Roles.BUSINESS_STAKEHOLDER);
    ordinary = report("Phishing mailbox rule on j.doe", false);
    restricted = report("Insider: j.doe exfiltrating HR files", true);
    for (String incident : List.of(ordinary, restricted)) {
      runJobsOf(incident);
      assertThat(call(LEAD, HttpMethod.POST, "/api/incidents/" + incident + "/team/" + NAMED).status).isEqualTo(200);
      Task acknowledge = taskService.createTaskQuery().processInstanceBusinessKey(incident).singleResult();
      taskService.setAssignee(acknowledge.getId(), WORKER);
      evidenceOf.put(incident, upload(LEAD, incident).body.get("id").asText());
    }
  }

  /** One endpoint: how it is called, and what each level of access gets. */
  record Endpoint(String method, String pattern, Function<String, String> path, Function<Access, Integer> expected,
      boolean leadOnly) {}

  List<Endpoint> endpoints() {
    Function<Access, Integer> reads = a -> a == Access.NONE ? 404 : a.readsAll() ? 200 : 403;
    Function<Access, Integer> works = a -> a == Access.NONE ? 404 : a.works() ? 200 : 403;
    Function<Access, Integer> leads = a -> a == Access.NONE ? 404 : 403;
    String base = "/api/incidents/{id}";
    return List.of(
        new Endpoint("GET", base, id -> "/api/incidents/" + id, a -> a.sees() ? 200 : 404, false),
        new Endpoint("GET", base + "/alerts", id -> "/api/incidents/" + id + "/alerts", reads, false),
        new Endpoint("GET", base + "/timeline", id -> "/api/incidents/" + id + "/timeline", reads, false),
        new Endpoint("GET", base + "/obligations", id -> "/api/incidents/" + id + "/obligations", reads, false),
        new Endpoint("GET", base + "/team", id -> "/api/incidents/" + id + "/team", reads, false),
        new Endpoint("POST", base + "/team/{user}", id -> "/api/incidents/" + id + "/team/" + NAMED, leads, true),
        new Endpoint("DELETE", base + "/team/{user}", id -> "/api/incidents/" + id + "/team/nk-temp", leads, true),
        new Endpoint("PUT", base + "/restriction", id -> "/api/incidents/" + id + "/restriction", leads, true),
        new Endpoint("PUT", base + "/severity", id -> "/api/incidents/" + id + "/severity", leads, true),
        new Endpoint("GET", base + "/evidence", id -> "/api/incidents/" + id + "/evidence", reads, false),
        new Endpoint("POST", base + "/evidence", id -> "/api/incidents/" + id + "/evidence",
            a -> a == Access.NONE ? 404 : a.works() ? 201 : 403, false),
        new Endpoint("GET", base + "/evidence/{eid}/content",
            id -> "/api/incidents/" + id + "/evidence/" + evidenceOf.get(id) + "/content", works, false),
        new Endpoint("POST", base + "/evidence/{eid}/verify",
            id -> "/api/incidents/" + id + "/evidence/" + evidenceOf.get(id) + "/verify", works, false),
        new Endpoint("POST", base + "/evidence/{eid}/custody",
            id -> "/api/incidents/" + id + "/evidence/" + evidenceOf.get(id) + "/custody",
            a -> a == Access.NONE ? 404 : a.works() ? 201 : 403, false),
        new Endpoint("GET", base + "/custody/verify", id -> "/api/incidents/" + id + "/custody/verify", reads,
            false),
        new Endpoint("GET", base + "/improvements", id -> "/api/incidents/" + id + "/improvements", reads, false),
        new Endpoint("GET", base + "/report", id -> "/api/incidents/" + id + "/report", reads, false),
        new Endpoint("POST", base + "/report/final", id -> "/api/incidents/" + id + "/report/final", leads, true));
  }

  @Test
  void everyEndpointThatShowsAnIncidentIsInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : entry.getKey().getPatternValues()) {
        if (pattern.startsWith("/api/incidents/{id}")) {
          entry.getKey().getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>();
    endpoints().forEach(e -> inMatrix.add(e.method() + " " + e.pattern()));
    assertThat(inMatrix).isEqualTo(mapped);
  }

  @Test
  void eachCellOfTheOrdinaryIncident() {
    assertMatrix(ordinary, ORDINARY);
  }

  @Test
  void eachCellOfTheRestrictedIncident() {
    assertMatrix(restricted, RESTRICTED);
  }

  @Test
  void theListShowsWhatEachMaySeeAndLeavesOutTheRest() {
    for (String user : ORDINARY.keySet()) {
      JsonNode items = call(user, HttpMethod.GET, "/api/incidents?size=100").body.get("items");
      for (Map.Entry<String, Map<String, Access>> incident : Map.of(ordinary, ORDINARY, restricted, RESTRICTED)
          .entrySet()) {
        Access access = incident.getValue().get(user);
        JsonNode row = null;
        for (JsonNode item : items) {
          if (item.get("id").asText().equals(incident.getKey())) {
            row = item;
          }
        }
        if (!access.sees()) {
          assertThat(row).as("%s lists %s", user, incident.getKey()).isNull();
        } else {
          assertThat(row).as("%s lists %s", user, incident.getKey()).isNotNull();
          assertThat(row.has("title")).as("%s sees the title of %s", user, incident.getKey())
              .isEqualTo(access.readsAll());
          assertThat(row.get("status").asText()).isEqualTo("OPEN");
          assertThat(row.has("severity")).isTrue();
        }
      }
    }
  }

  @Test
  void theReporterSeesIdStatusAndSeverityNothingElse() {
    for (String incident : List.of(ordinary, restricted)) {
      JsonNode detail = call(REPORTER, HttpMethod.GET, "/api/incidents/" + incident).body;
      List<String> fields = new ArrayList<>();
      detail.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactlyInAnyOrder("id", "status", "severity");
    }
  }

  private void assertMatrix(String incident, Map<String, Access> who) {
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (Map.Entry<String, Access> cell : who.entrySet()) {
        String user = cell.getKey();
        boolean lead = user.equals(LEAD) || user.equals(ADMIN);
        int expected = endpoint.leadOnly() && lead ? 200 : endpoint.expected().apply(cell.getValue());
        if (endpoint.method().equals("DELETE") && lead) {
          call(LEAD, HttpMethod.POST, "/api/incidents/" + incident + "/team/nk-temp"); // something to take off
        }
        Answer answer = callEndpoint(endpoint, incident, user);
        if (answer.status != expected) {
          wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + user + " (" + cell.getValue()
              + "): " + answer.status + ", expected " + expected);
        }
        if (answer.status == 404 || answer.status == 403) {
          assertThat(answer.raw).doesNotContain("j.doe");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private Answer callEndpoint(Endpoint endpoint, String incident, String user) {
    String path = endpoint.path().apply(incident);
    return switch (endpoint.method() + " " + endpoint.pattern()) {
      case "POST /api/incidents/{id}/evidence" -> upload(user, incident);
      case "POST /api/incidents/{id}/evidence/{eid}/custody" -> json(user, HttpMethod.POST, path,
          "{\"action\": \"TRANSFERRED\", \"location\": \"lab\", \"reason\": \"copy for the matrix\"}");
      case "PUT /api/incidents/{id}/restriction" -> json(user, HttpMethod.PUT, path,
          "{\"restricted\": " + incident.equals(restricted) + ", \"reason\": \"unchanged\"}");
      case "PUT /api/incidents/{id}/severity" -> json(user, HttpMethod.PUT, path,
          "{\"severity\": \"P4\", \"reason\": \"unchanged\"}");
      default -> call(user, HttpMethod.valueOf(endpoint.method()), path);
    };
  }

  // --- helpers ---

  record Answer(int status, JsonNode body, String raw) {}

  private void user(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
  }

  private String report(String title, boolean restrict) {
    String body = """
        {"title": "%s", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s", "restricted": %s,
         "affectedUsers": ["j.doe"]}""".formatted(title, Instant.now().minus(1, ChronoUnit.HOURS), restrict);
    Answer created = json(REPORTER, HttpMethod.POST, "/api/incidents", body);
    assertThat(created.status).isEqualTo(201);
    return created.body.get("id").asText();
  }

  Answer call(String user, HttpMethod method, String path) {
    return exchange(user, method, path, null, null);
  }

  Answer json(String user, HttpMethod method, String path, String body) {
    return exchange(user, method, path, body, MediaType.APPLICATION_JSON);
  }

  Answer upload(String user, String incident) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource("mailbox rules export".getBytes()) {
      @Override
      public String getFilename() {
        return "rules.txt";
      }
    });
    form.add("description", "Mailbox rules");
    form.add("collectedAt", "2026-11-28T09:12:00Z");
    return exchange(user, HttpMethod.POST, "/api/incidents/" + incident + "/evidence", form,
        MediaType.MULTIPART_FORM_DATA);
  }

  private Answer exchange(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (type != null) {
      headers.setContentType(type);
    }
    var answer = rest.withBasicAuth(user, user.equals(ADMIN) ? IrSpringBootTest.ADMIN_PASSWORD : PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    JsonNode json = null;
    try {
      json = answer.getBody() == null ? null : objectMapper.readTree(answer.getBody());
    } catch (JsonProcessingException notJson) {
      // evidence content
    }
    return new Answer(answer.getStatusCode().value(), json, answer.getBody() == null ? "" : answer.getBody());
  }

  private void runJobsOf(String incidentId) {
    IncidentJobs.runAll(runtimeService, managementService, incidentId);
  }
}
