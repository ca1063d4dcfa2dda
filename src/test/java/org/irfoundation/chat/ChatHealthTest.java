package org.irfoundation.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.irfoundation.connector.ClosedPort;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/chat} per adapter (WireMock): the built-in log's table, Slack's {@code auth.test}, and a
 * webhook, which cannot be checked without posting: its host only, UNKNOWN at best, and nothing is posted.
 */
class ChatHealthTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // a 1 s read timeout timed out WireMock's first answer in full builds on a loaded 2-core machine
  static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5));

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);

  @AfterEach
  void close() {
    db.close();
  }

  static SlackChatChannel slack(String baseUrl) {
    return new SlackChatChannel(new ChatProperties.Slack(baseUrl + "/api", "xoxb-secret", "irf-", false),
        "ir-announcements", FAST, d -> { });
  }

  TeamsChatChannel teams(String baseUrl) {
    return new TeamsChatChannel(new ChatProperties.Webhook(baseUrl + "/workflows/abc/triggers/manual/run?sig=s3cr3t",
        "IR Foundation"), FAST, db.jdbc, d -> { });
  }

  static Health health(ChatChannel chat) {
    return chat.health();
  }

  @Test
  void theBuiltInLogIsUpWhileItsTableAnswers() {
    Health up = health(new BuiltinWarRoomLog(db.jdbc));
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "built-in war-room log");
  }

  @Test
  void slackIsUpWhenAuthTestAcceptsTheToken() {
    server.stubFor(post("/api/auth.test").willReturn(okJson("{\"ok\":true,\"url\":\"https://acme.slack.com/\","
        + "\"team\":\"Acme\",\"user\":\"irf-bot\",\"team_id\":\"T12345\",\"user_id\":\"U12345\",\"bot_id\":\"B1\"}")));

    Health up = health(slack(server.baseUrl()));

    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "Slack")
        .containsEntry("checked", "auth.test answered as irf-bot in Acme");
    server.verify(postRequestedFor(urlPathEqualTo("/api/auth.test"))
        .withHeader("Authorization", equalTo("Bearer xoxb-secret")));
  }

  @Test
  void slackIsDownWithWhatToFixWhenTheTokenIsRefusedOrNothingAnswers() {
    server.stubFor(post("/api/auth.test").willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

    Health refused = health(slack(server.baseUrl()));

    assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
    assertThat(refused.getDetails().get("error").toString()).contains("invalid_auth", "check IRF_SLACK_BOT_TOKEN");
    assertThat(refused.getDetails().toString()).doesNotContain("xoxb-secret");
    assertThat(health(slack(ClosedPort.url())).getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void aWebhookIsUnknownWhenItsHostAnswersAndNothingIsPostedNorItsSecretShown() {
    // WireMock answers 404 on "/": any HTTP answer shows the host is there
    Health unknown = health(teams(server.baseUrl()));

    assertThat(unknown.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(unknown.getDetails()).containsEntry("system", "Teams").containsEntry("target", server.baseUrl() + "/");
    assertThat(unknown.getDetails().get("checked").toString())
        .contains("the host answers (HTTP 404 to GET /)", "cannot be checked without posting");
    assertThat(unknown.getDetails().toString()).doesNotContain("s3cr3t").doesNotContain("workflows");
    server.verify(getRequestedFor(urlPathEqualTo("/")));
    server.verify(0, postRequestedFor(anyUrl()));
    assertThat(db.count("war_room")).isZero();
  }

  @Test
  void aWebhookWhoseHostDoesNotAnswerIsDown() {
    Health down = health(new MattermostChatChannel(new ChatProperties.Webhook(ClosedPort.url() + "/hooks/xyz-key",
        "IR Foundation"), FAST, db.jdbc, d -> { }));
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails().get("error").toString()).startsWith("Mattermost did not answer");
    assertThat(down.getDetails().toString()).doesNotContain("xyz-key");
  }
}
