package org.irfoundation.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irfoundation.incident.IncidentResponseApi.Elements.TASK_ACKNOWLEDGE;
import static org.irfoundation.incident.IncidentResponseApi.Elements.TASK_OPEN_TICKET;
import static org.irfoundation.incident.IncidentResponseApi.Elements.TASK_OPEN_WAR_ROOM;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.irfoundation.IrFoundationApplication;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.testing.ContextEngine;
import org.irfoundation.testing.SecretsInLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Jira or Slack down for ten minutes during a P1, in the whole app: the engine's clock moves a minute at a time and
 * the due jobs run as the job executor would run them. The shared test context uses the built-in connectors, so this
 * class has a context of its own with Jira and Slack on WireMock (closed after the class).
 */
@SpringBootTest(classes = IrFoundationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestExecutionListeners(listeners = ContextEngine.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@DirtiesContext
class ConnectorOutageTest {

  /** Jira under /rest/api/3, Slack under /api; started before the context reads its URL. */
  static final WireMockServer TOOLS = start();

  static final String ISSUE = "/rest/api/3/issue";
  static final String SEARCH = "/rest/api/3/search/jql";
  static final String CREATE_CHANNEL = "/api/conversations.create";
  static final String LIST_CHANNELS = "/api/conversations.list";
  static final Duration OUTAGE = Duration.ofMinutes(10);

  static WireMockServer start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    return server;
  }

  /** Jira's and Slack's tokens never reach the log, from the context's start through the outages. */
  @RegisterExtension
  static final SecretsInLogs LOGS = new SecretsInLogs("jira-secret-token", "xoxb-secret-token");

  static {
    LOGS.password("ir@example.com", "jira-secret-token");
  }

  @DynamicPropertySource
  static void tools(DynamicPropertyRegistry registry) {
    registry.add("irf.ticket.provider", () -> "jira");
    registry.add("irf.ticket.jira.base-url", TOOLS::baseUrl);
    registry.add("irf.ticket.jira.email", () -> "ir@example.com");
    registry.add("irf.ticket.jira.api-token", () -> "jira-secret-token");
    registry.add("irf.chat.provider", () -> "slack");
    registry.add("irf.chat.slack.base-url", () -> TOOLS.baseUrl() + "/api");
    registry.add("irf.chat.slack.bot-token", () -> "xoxb-secret-token");
    // engine REST is enough (the retry Cockpit sends); a second context's webapps would take over the JVM-wide
    // webapp state (runtime delegates) the shared context's Tasklist and Cockpit run on
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  @AfterAll
  static void stop() {
    TOOLS.stop();
  }

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  Instant start;

  @BeforeEach
  void healthyTools() {
    TOOLS.resetAll();
    start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    TOOLS.stubFor(post("/api/conversations.setTopic").willReturn(okJson("{\"ok\":true}")));
    TOOLS.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"ts\":\"1700000000.000100\"}")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void jiraDownForTenMinutesEndsInACockpitIncidentWhoseRetryFindsTheIssueTheLostAnswerCreated() {
    // the first create reaches Jira, which creates the issue, but the connection drops before the answer; then
    // Jira answers 503 to everything until the outage ends
    TOOLS.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("jira").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"issues\":[]}")));
    TOOLS.stubFor(post(ISSUE).inScenario("jira").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("down"));
    TOOLS.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("jira").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    TOOLS.stubFor(get(urlPathEqualTo(LIST_CHANNELS)).willReturn(okJson(channels(null))));
    TOOLS.stubFor(post(CREATE_CHANNEL).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0WAR\"}}")));

    String id = reportP1();
    List<String> failures = runThroughOutage(id);

    // five attempts a minute apart (R5/PT1M), each with what went wrong; then no retries left
    assertThat(failures).hasSize(5);
    assertThat(failures.get(0)).startsWith("Jira did not answer create issue for " + id);
    assertThat(failures.subList(1, 5))
        .allMatch(m -> m.equals("Jira answered HTTP 503 to search the issue of " + id + ": Service Unavailable"));
    JsonNode incident = cockpitIncident(id);
    assertThat(incident.get("activityId").asText()).isEqualTo(TASK_OPEN_TICKET);
    assertThat(incident.get("incidentMessage").asText())
        .isEqualTo("Jira answered HTTP 503 to search the issue of " + id + ": Service Unavailable");
    // the incident itself stands: reported, classified, readable
    JsonNode status = incidentStatus(id);
    assertThat(status.get("severity").asText()).isEqualTo("P1");
    assertThat(status.get("timeline").findValuesAsText("type")).contains("REPORTED", "CLASSIFIED")
        .doesNotContain("TICKET_OPENED");
    TOOLS.verify(0, postRequestedFor(urlPathEqualTo(CREATE_CHANNEL))); // the war room follows the ticket

    // Jira is back and has the issue the lost answer was about
    TOOLS.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("jira").whenScenarioStateIs("down")
        .willReturn(okJson("{\"issues\":[{\"id\":\"10000\",\"key\":\"IR-24\"}]}")));
    retryFromCockpit(incident);
    runDueJobs(id);

    assertThat(cockpitIncidents(id)).isEmpty();
    assertThat(incidentStatus(id).get("ticketRef").asText()).isEqualTo("IR-24");
    TOOLS.verify(1, postRequestedFor(urlPathEqualTo(ISSUE)));
    TOOLS.verify(1, postRequestedFor(urlPathEqualTo(CREATE_CHANNEL)));
    assertAcknowledgeIsOpen(id);
  }

  @Test
  void slackDownForTenMinutesLeavesTheTicketOpenAndARetryFromCockpitOpensOneWarRoom() {
    TOOLS.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("jira").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"issues\":[]}")));
    TOOLS.stubFor(post(ISSUE).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"10000\",\"key\":\"IR-25\"}")));
    // as with Jira: the first create makes the channel but its answer is lost; then Slack answers 503
    TOOLS.stubFor(get(urlPathEqualTo(LIST_CHANNELS)).inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(channels(null))));
    TOOLS.stubFor(post(CREATE_CHANNEL).inScenario("slack").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("down"));
    TOOLS.stubFor(get(urlPathEqualTo(LIST_CHANNELS)).inScenario("slack").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));

    String id = reportP1();
    List<String> failures = runThroughOutage(id);

    // the ticket opened at once, the war room failed five times
    TOOLS.verify(1, postRequestedFor(urlPathEqualTo(ISSUE)));
    assertThat(incidentStatus(id).get("ticketRef").asText()).isEqualTo("IR-25");
    assertThat(failures).hasSize(5);
    String channel = "#irf-" + id.toLowerCase();
    assertThat(failures.get(0)).startsWith("Slack did not answer create channel " + channel);
    JsonNode incident = cockpitIncident(id);
    assertThat(incident.get("activityId").asText()).isEqualTo(TASK_OPEN_WAR_ROOM);
    assertThat(incident.get("incidentMessage").asText())
        .isEqualTo("Slack answered HTTP 503 to list channels to find " + channel + ": upstream connect error");

    // Slack is back, with the channel the lost answer was about
    TOOLS.stubFor(get(urlPathEqualTo(LIST_CHANNELS)).inScenario("slack").whenScenarioStateIs("down")
        .willReturn(okJson(channels(channel.substring(1)))));
    retryFromCockpit(incident);
    runDueJobs(id);

    assertThat(cockpitIncidents(id)).isEmpty();
    assertThat(incidentStatus(id).get("warRoomRef").asText()).isEqualTo("C0WAR");
    TOOLS.verify(1, postRequestedFor(urlPathEqualTo(CREATE_CHANNEL)));
    TOOLS.verify(1, postRequestedFor(urlPathEqualTo(ISSUE)));
    assertAcknowledgeIsOpen(id);
  }

  /** A conversations.list page with the one channel, or none. */
  static String channels(String name) {
    return "{\"ok\":true,\"channels\":[" + (name == null ? "" : "{\"id\":\"C0WAR\",\"name\":\"" + name
        + "\",\"is_member\":true}") + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
  }

  // ---------------------------------------------------------------- the incident

  String reportP1() {
    String body = """
        {"title": "Root key used from TOR", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s", "source": "test",
         "domain": "SERVICE", "indicators": {"rootAccount": true}, "affectedUsers": ["root"]}"""
        .formatted(start.minus(1, ChronoUnit.HOURS));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = admin().postForEntity("/api/incidents", new HttpEntity<>(body, headers),
        JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("severity").asText()).isEqualTo("P1");
    return created.getBody().get("id").asText();
  }

  JsonNode incidentStatus(String id) {
    return admin().getForEntity("/api/incidents/" + id, JsonNode.class).getBody();
  }

  void assertAcknowledgeIsOpen(String id) {
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(TASK_ACKNOWLEDGE)
        .count()).isOne();
  }

  // ---------------------------------------------------------------- the clock and the jobs

  /**
   * Minute by minute through the outage: every due job of the incident runs once per minute; the failures' messages
   * in order.
   */
  List<String> runThroughOutage(String id) {
    List<String> failures = new ArrayList<>();
    for (Instant now = start; !now.isAfter(start.plus(OUTAGE)); now = now.plus(Duration.ofMinutes(1))) {
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(1)));
      failures.addAll(runDueJobs(id));
    }
    return failures;
  }

  /** The incident's due async continuations, as the job executor would run them; the failures' messages. */
  List<String> runDueJobs(String id) {
    List<String> failures = new ArrayList<>();
    for (int run = 0; run < 50; run++) {
      List<Job> due = jobs(id).stream().filter(j -> j.getRetries() > 0
          && (j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))).toList();
      if (due.isEmpty()) {
        return failures;
      }
      try {
        managementService.executeJob(due.get(0).getId());
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
        if (failures.size() > 10) {
          break;
        }
      }
    }
    return failures;
  }

  List<Job> jobs(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).list().stream()
        .flatMap(pi -> managementService.createJobQuery().processInstanceId(pi.getId()).messages().list().stream())
        .toList();
  }

  // ---------------------------------------------------------------- Cockpit, over the engine's REST API

  List<JsonNode> cockpitIncidents(String id) {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
        .getId();
    JsonNode list = admin().getForEntity("/engine-rest/incident?processInstanceId=" + instance, JsonNode.class)
        .getBody();
    List<JsonNode> incidents = new ArrayList<>();
    list.forEach(incidents::add);
    return incidents;
  }

  JsonNode cockpitIncident(String id) {
    List<JsonNode> incidents = cockpitIncidents(id);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("incidentType").asText()).isEqualTo("failedJob");
    return incidents.get(0);
  }

  /** Cockpit's "retry" on the incident: one more attempt for its failed job (the incident's configuration). */
  void retryFromCockpit(JsonNode incident) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = admin().exchange("/engine-rest/job/" + incident.get("configuration").asText()
        + "/retries",
        HttpMethod.PUT, new HttpEntity<>(Map.of("retries", 1), headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  TestRestTemplate admin() {
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
  }
}
