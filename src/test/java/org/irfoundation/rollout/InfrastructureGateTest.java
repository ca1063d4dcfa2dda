package org.irfoundation.rollout;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.chat.ChatChannel;
import org.irfoundation.chat.ChatConfiguration;
import org.irfoundation.chat.ChatProperties;
import org.irfoundation.chat.TeamsChatChannel;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.evidence.CustodyChains;
import org.irfoundation.evidence.CustodyVerification;
import org.irfoundation.evidence.EvidenceStoreProbe;
import org.irfoundation.ticket.JiraTicketSystem;
import org.irfoundation.ticket.TicketConfiguration;
import org.irfoundation.ticket.TicketProperties;
import org.irfoundation.ticket.TicketSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate of weeks 5-6 on the app's own data: met on the built-in connectors; a connector that stops answering
 * (WireMock stopped) and a chain of custody edited after the fact each make it unmet, naming what to fix.
 */
@IrSpringBootTest
class InfrastructureGateTest {

  /** The health checks' own timeouts (3 s, 5 s): a cold WireMock on a busy build machine may need more than 1 s. */
  static final HttpSettings SETTINGS = HttpSettings.defaults();
  static final Rollout ROLLOUT = new Rollout("RO-2026-0001", "Acme", "sponsor", "owner", LocalDate.of(2026, 3, 2),
      null, Instant.parse("2026-03-02T09:00:00Z"), "admin");

  @Autowired InfrastructureGate gate;
  @Autowired HealthContributorRegistry registry;
  @Autowired EvidenceStoreProbe probe;
  @Autowired CustodyVerification custody;
  @Autowired JdbcClient jdbc;

  static boolean passes(List<GateMetric> metrics) {
    return metrics.stream().allMatch(GateMetric::met);
  }

  static GateMetric metric(List<GateMetric> metrics, String nameStart) {
    return metrics.stream().filter(m -> m.name().startsWith(nameStart)).findFirst().orElseThrow();
  }

  @Test
  void onTheBuiltInConnectorsEveryMetricIsMet() {
    List<GateMetric> metrics = gate.measure(ROLLOUT);

    assertThat(gate.week()).isEqualTo(5);
    assertThat(metrics).as("%s", metrics).allMatch(GateMetric::met);
    assertThat(metrics).extracting(GateMetric::name).containsExactly(
        "Ticket system (built-in ticket log) answers its health check",
        "Chat (built-in war-room log) answers its health check",
        "E-mail (built-in notice log) answers its health check",
        "Evidence store (filesystem) answers its health check",
        "Evidence store (filesystem) passes a write-hash-verify round trip",
        "Chain of custody verifies for every incident with evidence");
    assertThat(metrics.get(0).target()).isEqualTo("UP");
    assertThat(metrics.get(0).measured()).startsWith("UP: the table answers (");
    assertThat(metrics.get(4).measured()).startsWith("probe ").containsPattern(" at \\d{4}-\\d\\d-\\d\\dT")
        .contains("read back with the same SHA-256")
        .endsWith("; removed");
    // looked at again within a minute (the program view measures on every look): no second probe is written
    assertThat(gate.measure(ROLLOUT).get(4).measured()).isEqualTo(metrics.get(4).measured());
    assertThat(metrics.get(5).measured()).matches("(\\d+ incidents?, all intact|no incident has evidence yet.*)");
  }

  @Test
  void aTicketSystemThatStopsAnsweringMakesTheGateUnmetNamingIt() {
    WireMockServer jira = new WireMockServer(wireMockConfig().dynamicPort());
    jira.start();
    String baseUrl = jira.baseUrl();
    jira.stubFor(get("/rest/api/3/myself").willReturn(okJson("{\"displayName\":\"IR Bot\"}")));
    InfrastructureGate withJira = gateWith(TicketConfiguration.HEALTH, health(new JiraTicketSystem(
        new TicketProperties.Jira(baseUrl, "ir@example.com", "secret-token", "IR", "Task", null), SETTINGS, d -> { })));
    try {
      GateMetric answering = metric(withJira.measure(ROLLOUT), "Ticket system");
      assertThat(answering.met()).as("%s", answering).isTrue();
      assertThat(answering.name()).isEqualTo("Ticket system (Jira) answers its health check");
      assertThat(answering.measured()).isEqualTo("UP: GET /rest/api/3/myself answered as IR Bot");
    } finally {
      jira.stop();
    }

    List<GateMetric> metrics = withJira.measure(ROLLOUT);

    assertThat(passes(metrics)).isFalse();
    GateMetric ticket = metric(metrics, "Ticket system");
    assertThat(ticket.met()).isFalse();
    assertThat(ticket.name()).isEqualTo("Ticket system (Jira) answers its health check");
    assertThat(ticket.target()).isEqualTo("UP");
    // the cause is the JDK's: a refused connection, or a kept-alive one closed by the server going down
    assertThat(ticket.measured()).startsWith("DOWN: Jira did not answer read the API user (GET /rest/api/3/myself): ");
    assertThat(ticket.reason()).startsWith("Jira at " + baseUrl + " does not answer its health check")
        .contains("/actuator/health/ticket").doesNotContain("secret-token");
    assertThat(metrics).filteredOn(m -> !m.met()).containsExactly(ticket);
  }

  @Test
  void aWebhookChatIsMetWhileItsHostAnswersSinceTheWebhookCannotBeCheckedWithoutPosting() {
    WireMockServer teams = new WireMockServer(wireMockConfig().dynamicPort());
    teams.start();
    String baseUrl = teams.baseUrl();
    InfrastructureGate withTeams = gateWith(ChatConfiguration.HEALTH, health(new TeamsChatChannel(
        new ChatProperties.Webhook(baseUrl + "/workflows/abc/triggers/manual/run?sig=s3cr3t", "IR Foundation"), SETTINGS,
        jdbc, d -> { })));
    try {
      GateMetric answering = metric(withTeams.measure(ROLLOUT), "Chat");
      assertThat(answering.met()).as("%s", answering).isTrue();
      assertThat(answering.name()).isEqualTo("Chat (Teams) answers its health check");
      assertThat(answering.target()).isEqualTo("UP, or UNKNOWN for a webhook");
      assertThat(answering.measured()).startsWith("UNKNOWN (accepted for a webhook): the host answers")
          .contains("post a test message").doesNotContain("s3cr3t");
      teams.verify(0, postRequestedFor(anyUrl()));
    } finally {
      teams.stop();
    }

    GateMetric down = metric(withTeams.measure(ROLLOUT), "Chat");
    assertThat(down.met()).isFalse();
    assertThat(down.measured()).startsWith("DOWN: Teams did not answer GET " + baseUrl + "/");
  }

  @Test
  void aChainOfCustodyEditedAfterTheFactMakesTheCustodyMetricUnmetNamingTheIncident() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      CustodyChains chains = new CustodyChains(db);
      chains.incidentWithEvidence("INC-2026-0001");
      chains.incidentWithEvidence("INC-2026-0002");
      InfrastructureGate onChains = new InfrastructureGate(() -> registry, probe, chains.verification());
      GateMetric intact = metric(onChains.measure(ROLLOUT), "Chain of custody");
      assertThat(intact.met()).isTrue();
      assertThat(intact.measured()).isEqualTo("2 incidents, all intact");

      chains.editActor("INC-2026-0002", 2, "mallory");
      List<GateMetric> metrics = onChains.measure(ROLLOUT);

      assertThat(passes(metrics)).isFalse();
      GateMetric broken = metric(metrics, "Chain of custody");
      assertThat(broken.met()).isFalse();
      assertThat(broken.target()).isEqualTo("every chain intact");
      assertThat(broken.measured()).isEqualTo("2 incidents, 1 broken: INC-2026-0002");
      assertThat(broken.reason()).startsWith("INC-2026-0002: entry #2 (row ")
          .contains("its content was changed after it was recorded", "/custody/verify");
    }
  }

  @Test
  void aConnectorWithoutHealthCheckOrAFailingMeasurementIsUnmetNotAnError() {
    InfrastructureGate noEndpoint = new InfrastructureGate(() -> null, probe, custody);
    GateMetric ticket = metric(noEndpoint.measure(ROLLOUT), "Ticket system");
    assertThat(ticket.met()).isFalse();
    assertThat(ticket.reason()).contains("no health check is registered as 'ticket'");

    InfrastructureGate failing = new InfrastructureGate(() -> registry, probe, new CustodyVerification(null, null));
    GateMetric custodyMetric = metric(failing.measure(ROLLOUT), "Chain of custody");
    assertThat(custodyMetric.met()).isFalse();
    assertThat(custodyMetric.measured()).isEqualTo("not measured");
    assertThat(custodyMetric.reason()).startsWith("the measurement failed: NullPointerException");
  }

  static HealthIndicator health(TicketSystem tickets) {
    return tickets::health;
  }

  static HealthIndicator health(ChatChannel chat) {
    return chat::health;
  }

  /** The app's gate with one health contributor in place of the app's own. */
  InfrastructureGate gateWith(String name, HealthContributor contributor) {
    Map<String, HealthContributor> contributors = new HashMap<>();
    for (String other : List.of("ticket", "chat", "mail", "evidence")) {
      contributors.put(other, registry.getContributor(other));
    }
    contributors.put(name, contributor);
    return new InfrastructureGate(() -> new DefaultHealthContributorRegistry(contributors), probe, custody);
  }
}
