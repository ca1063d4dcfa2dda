package org.irfoundation.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.ticket.JiraTicketSystem;
import org.irfoundation.ticket.OpenTicketDelegate;
import org.irfoundation.ticket.TicketProperties;
import org.irfoundation.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults of an outside system as the job executor sees them: the real {@code openTicket} delegate over the Jira
 * adapter (WireMock) in a one-task process ({@code R5/PT1M}), jobs run one at a time with {@code executeJob}.
 */
class ConnectorFaultProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withoutCoverage(ProcessTestEngine.CONNECTOR_CONFIGURATION);

  @RegisterExtension
  static WireMockExtension jira = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String INCIDENT = "INC-2026-0001";
  /** The fixture model: one async service task that opens the ticket. */
  static final String PROCESS_KEY = "connector-fault";
  static final String TASK_OPEN_TICKET = "Task_OpenTicket";

  ManagementService management;

  @BeforeEach
  void register() {
    management = engine.getManagementService();
    JiraTicketSystem tickets = new JiraTicketSystem(
        new TicketProperties.Jira(jira.baseUrl(), "ir@example.com", "secret-token", "IR", "Task", null),
        new HttpSettings(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofSeconds(5)), d -> { });
    engine.register("openTicket", new OpenTicketDelegate(new TicketService(tickets, mock(IncidentLifecycle.class), mock(Incidents.class))));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, INCIDENT, Map.of(Inputs.INCIDENT_ID.name(),
        INCIDENT, Inputs.TITLE.name(), "Root key used from TOR", Decided.SEVERITY.name(), "P1"));
  }

  Job job(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** Runs the job as the job executor would; the failure it threw, or null. */
  Throwable run(Job job) {
    return catchThrowable(() -> management.executeJob(job.getId()));
  }

  static void searchFindsNothing() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[]}")));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"10000\",\"key\":\"IR-24\"}");
  }

  @Test
  @Deployment(resources = "connector-fixtures/connector-fault.bpmn")
  void aServerErrorThenSuccessOpensOneTicket() {
    searchFindsNothing();
    jira.stubFor(post("/rest/api/3/issue").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("{\"errorMessages\":[\"Internal server error\"]}"))
        .willSetStateTo("recovered"));
    jira.stubFor(post("/rest/api/3/issue").inScenario("flaky").whenScenarioStateIs("recovered").willReturn(created()));
    ProcessInstance pi = start();

    assertThat(run(job(pi))).hasMessageContaining("Jira answered HTTP 500");
    Job retried = job(pi);
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getExceptionMessage()).startsWith("Jira answered HTTP 500 to create issue for INC-2026-0001");
    assertThat(run(retried)).isNull();

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Refs.TICKET_REF.name())).isEqualTo("IR-24");
    jira.verify(2, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = "connector-fixtures/connector-fault.bpmn")
  void aTimeoutIsRetriedAndTheRetryFindsTheTicketTheSlowCallCreated() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"issues\":[]}")));
    // Jira creates the issue but answers after the client's read timeout (1 s)
    jira.stubFor(post("/rest/api/3/issue").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(created().withFixedDelay(1600)).willSetStateTo("created"));
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).inScenario("slow").whenScenarioStateIs("created")
        .willReturn(okJson("{\"issues\":[{\"id\":\"10000\",\"key\":\"IR-24\"}]}")));
    ProcessInstance pi = start();

    assertThat(run(job(pi))).isInstanceOf(ConnectorUnavailableException.class)
        .hasMessageStartingWith("Jira did not answer create issue for INC-2026-0001");
    Job retried = job(pi);
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getDuedate()).isAfter(Instant.now().plusSeconds(50)); // R5/PT1M: a minute later
    assertThat(run(retried)).isNull();

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Refs.TICKET_REF.name())).isEqualTo("IR-24");
    jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
  }

  @Test
  @Deployment(resources = "connector-fixtures/connector-fault.bpmn")
  void fiveFailuresBecomeACockpitIncidentNamingJiraAndTheStatus() {
    searchFindsNothing();
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
    ProcessInstance pi = start();

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(run(job(pi))).isInstanceOf(ConnectorUnavailableException.class);
    }

    assertThat(job(pi).getRetries()).isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(TASK_OPEN_TICKET);
    assertThat(incident.getIncidentMessage())
        .isEqualTo("Jira answered HTTP 502 to create issue for INC-2026-0001: Bad Gateway");
    jira.verify(5, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
  }

  @Test
  @Deployment(resources = "connector-fixtures/connector-fault.bpmn")
  void aLongRetryAfterMovesTheNextAttemptToTheTimeJiraAskedFor() {
    searchFindsNothing();
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
    ProcessInstance pi = start();

    assertThat(run(job(pi))).isInstanceOf(ConnectorRateLimitedException.class);

    Job retried = job(pi);
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getDuedate().toInstant()).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(610));
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  @Deployment(resources = "connector-fixtures/connector-fault.bpmn")
  void aRejectedRequestBecomesAnIncidentAtOnceThatSaysWhatToFix() {
    searchFindsNothing();
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errorMessages\":[],\"errors\":{\"project\":\"valid project is required\"}}")));
    ProcessInstance pi = start();

    assertThat(run(job(pi))).isInstanceOf(ConnectorConfigurationException.class);

    assertThat(job(pi).getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .endsWith("Jira rejected the project key IR: check irf.ticket.jira.project-key");
    jira.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
  }
}
