package org.irfoundation.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.chat.ChatProperties;
import org.irfoundation.chat.SlackChatChannel;
import org.irfoundation.chat.TeamsChatChannel;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.RawHttp;
import org.irfoundation.testing.SecretsInLogs;
import org.irfoundation.ticket.JiraTicketSystem;
import org.irfoundation.ticket.ServiceNowTicketSystem;
import org.irfoundation.ticket.TicketProperties;
import org.irfoundation.ticket.TicketRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets never reach the log: wrong passwords, unknown, revoked and expired tokens, and connectors whose systems
 * answer 401 or 503 with their secrets configured, in the shared context. Every line logged meanwhile (and every
 * exception the connectors throw, which the engine logs and Cockpit shows) is scanned for every password, its Basic
 * credentials, every token and its secret part ({@link SecretsInLogs}). ConnectorOutageTest scans its own context,
 * which has Jira and Slack configured from properties.
 */
@IrSpringBootTest
class SecretsNeverLoggedTest {

  @RegisterExtension
  static final SecretsInLogs LOGS = new SecretsInLogs();

  static final WireMockServer TOOLS = start();
  static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO);
  static final String USER = "secrets-analyst";

  @LocalServerPort int port;
  @Autowired ApiTokens tokens;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  static WireMockServer start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    // wrong credentials for the ticket systems, an outage for the chat systems
    server.stubFor(any(urlPathMatching("/(jira|snow)/.*")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Unauthorized\"]}")));
    server.stubFor(any(urlPathMatching("/(slack|teams)/.*")).willReturn(aResponse().withStatus(503)
        .withBody("Service Unavailable")));
    return server;
  }

  @AfterAll
  static void stop() {
    TOOLS.stop();
  }

  @Test
  void wrongPasswordsAndBadTokensAreLoggedWithoutTheSecret() {
    RawHttp http = new RawHttp(port);
    String password = LOGS.password(USER, "Analyst-pw-" + UUID.randomUUID());
    User user = identityService.newUser(USER);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(USER, Roles.IR_ANALYST);
    LOGS.password(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    try {
      assertThat(http.send(USER, password, "GET", "/api/me", null, null, false).status()).isEqualTo(200);
      String wrong = LOGS.password(USER, "Wrong-pw-" + UUID.randomUUID());
      assertThat(http.send(USER, wrong, "GET", "/api/me", null, null, false).status()).isEqualTo(401);
      String wrongAdmin = LOGS.password(IrSpringBootTest.ADMIN, "Wrong-admin-pw-" + UUID.randomUUID());
      assertThat(http.send(IrSpringBootTest.ADMIN, wrongAdmin, "GET", "/api/incidents", null, null, false).status())
          .isEqualTo(401);

      Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
      ApiTokens.Created revoked = tokens.create(new ApiTokens.CreateRequest(USER, "secrets revoked",
          List.of("alerts:write"), expires), IrSpringBootTest.ADMIN);
      LOGS.secret(revoked.token());
      assertThat(http.bearer(revoked.token(), "GET", "/api/me", null, null).status()).isEqualTo(200);
      // outside its scope: 403 naming the scopes, not the token
      assertThat(http.bearer(revoked.token(), "GET", "/api/incidents", null, null).status()).isEqualTo(403);
      tokens.revoke(revoked.id(), IrSpringBootTest.ADMIN);
      assertThat(http.bearer(revoked.token(), "GET", "/api/me", null, null).status()).isEqualTo(401);
      // a token sent as a password is not a password either
      assertThat(http.send(USER, revoked.token(), "GET", "/api/me", null, null, false).status()).isEqualTo(401);
      LOGS.password(USER, revoked.token());
      String unknown = LOGS.secret("irf_" + UUID.randomUUID().toString().replace("-", "") + "0123456789a");
      assertThat(http.bearer(unknown, "GET", "/api/me", null, null).status()).isEqualTo(401);

      String expired = LOGS.secret(tokens.create(new ApiTokens.CreateRequest(USER, "secrets expired",
          List.of("incidents:report"), expires), IrSpringBootTest.ADMIN).token());
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
      try {
        assertThat(http.bearer(expired, "POST", "/api/incidents", "application/json", "{}".getBytes()).status())
            .isEqualTo(401);
      } finally {
        ClockUtil.reset();
      }
    } finally {
      identityService.deleteUser(USER);
    }
    // the failures were logged (without their secrets: the extension checks that after the class)
    assertThat(LOGS.lines()).anyMatch(l -> l.contains(USER)).anyMatch(l -> l.contains("revoked token"));
  }

  @Test
  void connectorsRefusedOrDownDoNotLogTheirSecrets() {
    String base = TOOLS.baseUrl();
    String jiraToken = LOGS.secret("jira-api-token-" + UUID.randomUUID());
    LOGS.password("ir@example.com", jiraToken);
    String slackToken = LOGS.secret("xoxb-" + UUID.randomUUID());
    String snowPassword = LOGS.password("irf-service", "Snow-pw-" + UUID.randomUUID());
    String teamsSecret = LOGS.secret("teams-hook-" + UUID.randomUUID());
    TicketRequest request = new TicketRequest("INC-2026-9901", "Secrets test", "P1", "MALWARE");

    JiraTicketSystem jira = new JiraTicketSystem(new TicketProperties.Jira(base + "/jira", "ir@example.com", jiraToken,
        "IR", "Task", null), FAST, d -> { });
    ServiceNowTicketSystem snow = new ServiceNowTicketSystem(new TicketProperties.ServiceNow(base + "/snow",
        "irf-service", snowPassword, "Security", "Solution provided"), FAST, d -> { });
    SlackChatChannel slack = new SlackChatChannel(new ChatProperties.Slack(base + "/slack/api", slackToken, "irf-",
        false), "security-announcements", FAST, d -> { });
    TeamsChatChannel teams = new TeamsChatChannel(new ChatProperties.Webhook(base + "/teams/webhook/" + teamsSecret,
        "IR Foundation"), FAST, jdbc, d -> { });

    List<Runnable> calls = List.of(() -> jira.open(request), () -> jira.findByIncident(request.incidentId()),
        () -> snow.open(request), () -> slack.openWarRoom(request.incidentId(), request.title()),
        () -> slack.postToChannel("security-announcements", "text"),
        () -> teams.postToChannel("security-announcements", "text"));
    int thrown = 0;
    for (Runnable call : calls) {
      try {
        call.run();
      } catch (RuntimeException e) {
        LOGS.scan(e);
        thrown++;
      }
    }
    assertThat(thrown).as("every call failed").isEqualTo(calls.size());
    for (Object health : List.of(jira.health(), snow.health(), slack.health(), teams.health())) {
      LOGS.scan(new AssertionError("health: " + health));
    }
    assertThat(TOOLS.getAllServeEvents()).as("the calls reached the systems").isNotEmpty();
  }
}
