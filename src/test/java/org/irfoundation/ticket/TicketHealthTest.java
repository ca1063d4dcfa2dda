package org.irfoundation.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.irfoundation.connector.ClosedPort;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/ticket} per adapter: the built-in log's table, Jira's {@code myself} and a row of
 * ServiceNow's incident table (WireMock with the documented answers): UP, DOWN with the cause, never a secret.
 */
class TicketHealthTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
  static final String JIRA_AUTH = "Basic aXJAZXhhbXBsZS5jb206c2VjcmV0LXRva2Vu"; // ir@example.com:secret-token

  static JiraTicketSystem jira(String baseUrl) {
    return new JiraTicketSystem(new TicketProperties.Jira(baseUrl, "ir@example.com", "secret-token", "IR", "Task",
        null), FAST, d -> { });
  }

  static ServiceNowTicketSystem serviceNow(String baseUrl) {
    return new ServiceNowTicketSystem(new TicketProperties.ServiceNow(baseUrl, "irf.integration", "pw-123", null,
        "Solution provided"), FAST, d -> { });
  }

  static Health health(TicketSystem tickets) {
    return tickets.health();
  }

  @Test
  void theBuiltInLogIsUpWhileItsTableAnswers() {
    TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
    BuiltinTicketLog log = new BuiltinTicketLog(db.jdbc);
    Health up = health(log);
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "built-in ticket log")
        .containsEntry("checked", "the table answers (0 tickets)");

    db.close();
    Health down = health(log);
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsKey("error");
  }

  @Test
  void jiraIsUpWhenItsApiUserAnswersWithTheToken() {
    server.stubFor(get("/rest/api/3/myself").willReturn(okJson(
        "{\"accountId\":\"5b10a2844c20165700ede21g\",\"emailAddress\":\"ir@example.com\",\"displayName\":\"IR Bot\","
            + "\"active\":true}")));

    Health up = health(jira(server.baseUrl()));

    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "Jira").containsEntry("target", server.baseUrl())
        .containsEntry("checked", "GET /rest/api/3/myself answered as IR Bot");
    server.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(JIRA_AUTH)));
  }

  @Test
  void jiraIsDownWithWhatToFixWhenTheTokenIsRefusedButTheTokenIsNeverShown() {
    server.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],\"errors\":{}}")));

    Health down = health(jira(server.baseUrl()));

    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails().get("error").toString())
        .contains("HTTP 401", "check IRF_JIRA_EMAIL and IRF_JIRA_API_TOKEN");
    assertThat(down.getDetails().toString()).doesNotContain("secret-token").doesNotContain(JIRA_AUTH);
  }

  @Test
  void jiraIsDownWhenNothingAnswersOrTheAnswerIsTooSlow() {
    Health refused = health(jira(ClosedPort.url()));
    assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
    assertThat(refused.getDetails().get("error").toString()).startsWith("Jira did not answer read the API user");

    server.stubFor(get("/rest/api/3/myself").willReturn(okJson("{}").withFixedDelay(3000)));
    long start = System.nanoTime();
    Health slow = health(jira(server.baseUrl()));
    assertThat(slow.getStatus()).isEqualTo(Status.DOWN);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void serviceNowIsUpWhenTheIncidentTableAnswersAndDownWhenItsUserMayNotReadIt() {
    server.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson(
        "{\"result\":[{\"sys_id\":\"9d385017c611228701d22104cc95c371\"}]}")));

    Health up = health(serviceNow(server.baseUrl()));

    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "ServiceNow")
        .containsEntry("checked", "GET /api/now/table/incident?sysparm_limit=1 answered");
    server.verify(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))
        .withQueryParam("sysparm_limit", equalTo("1"))
        .withHeader("Authorization", equalTo("Basic aXJmLmludGVncmF0aW9uOnB3LTEyMw=="))); // irf.integration:pw-123

    server.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception Read Failed\"},\"status\":\"failure\"}")));
    Health refused = health(serviceNow(server.baseUrl()));
    assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
    assertThat(refused.getDetails().get("error").toString()).contains("HTTP 403", "give it the itil role")
        .doesNotContain("pw-123");

    assertThat(health(serviceNow(ClosedPort.url())).getStatus()).isEqualTo(Status.DOWN);
  }
}
