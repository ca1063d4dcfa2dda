package org.irfoundation.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Microsoft Teams and Mattermost incoming webhooks (WireMock), with their documented answers and errors. */
class WebhookChatChannelContractTest {

  @RegisterExtension
  static WireMockExtension hooks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);

  WebhookChatChannelContractTest() {
    db.insertIncident("INC-2026-0001");
  }

  @AfterEach
  void close() {
    db.close();
  }

  TeamsChatChannel teams() {
    return new TeamsChatChannel(new ChatProperties.Webhook(hooks.baseUrl() + "/workflows/abc/triggers/manual/run?sig=s3cr3t",
        "IR Foundation"), FAST, db.jdbc, d -> { });
  }

  MattermostChatChannel mattermost() {
    return new MattermostChatChannel(new ChatProperties.Webhook(hooks.baseUrl() + "/hooks/xxx-generatedkey-xxx",
        "IR Foundation"), FAST, db.jdbc, d -> { });
  }

  @Test
  void teamsGetsAnAdaptiveCardAndTheWarRoomIsAnnouncedOnce() {
    hooks.stubFor(post(urlPathEqualTo("/workflows/abc/triggers/manual/run")).willReturn(aResponse().withStatus(202)));

    WarRoomRef first = teams().openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Root key used from TOR", "Join here");
    WarRoomRef again = teams().openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Root key used from TOR", "Join here");
    teams().post(first, "Status update due");

    assertThat(again).isEqualTo(first);
    assertThat(teams().findWarRoom("INC-2026-0001")).contains(first);
    hooks.verify(2, postRequestedFor(urlPathEqualTo("/workflows/abc/triggers/manual/run")));
    hooks.verify(postRequestedFor(urlPathEqualTo("/workflows/abc/triggers/manual/run"))
        .withQueryParam("sig", equalTo("s3cr3t"))
        .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
        .withRequestBody(matchingJsonPath("$.attachments[0].contentType", equalTo("application/vnd.microsoft.card.adaptive")))
        .withRequestBody(matchingJsonPath("$.attachments[0].content.body[0].text",
            equalTo("**War room opened: INC-2026-0001 [P1] Root key used from TOR**\n\nJoin here"))));
    assertThat(db.jdbc.sql("select body from war_room_message").query(String.class).list())
        .containsExactly("Status update due");
  }

  @Test
  void teamsRejectingThePayloadIsAConfigurationErrorAndAnOutageIsRetried() {
    hooks.stubFor(post(urlPathEqualTo("/workflows/abc/triggers/manual/run")).willReturn(aResponse().withStatus(400)
        .withBody("Bad payload received by generic incoming webhook.")));
    assertThatThrownBy(() -> teams().postToChannel(null, "hello"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("Teams rejected post to the webhook's channel with HTTP 400")
        .hasMessageContaining("check irf.chat.teams.webhook-url")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));

    hooks.stubFor(post(urlPathEqualTo("/workflows/abc/triggers/manual/run")).willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> teams().postToChannel(null, "hello"))
        .isInstanceOf(ConnectorUnavailableException.class).hasMessage("Teams answered HTTP 502 to post to the webhook's channel");
  }

  @Test
  void mattermostGetsTextUsernameAndChannelOverride() {
    hooks.stubFor(post("/hooks/xxx-generatedkey-xxx").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("ok")));

    mattermost().openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Root key used from TOR", null);
    mattermost().postToChannel("security-announcements", "Phishing wave: do not open invoice.zip");

    hooks.verify(postRequestedFor(urlPathEqualTo("/hooks/xxx-generatedkey-xxx"))
        .withRequestBody(matchingJsonPath("$.text", equalTo("**War room opened: INC-2026-0001 [P1] Root key used from TOR**")))
        .withRequestBody(matchingJsonPath("$.username", equalTo("IR Foundation"))));
    hooks.verify(postRequestedFor(urlPathEqualTo("/hooks/xxx-generatedkey-xxx"))
        .withRequestBody(matchingJsonPath("$.channel", equalTo("security-announcements"))));
  }

  @Test
  void mattermostErrorsNameTheWebhookSetting() {
    hooks.stubFor(post("/hooks/xxx-generatedkey-xxx").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"web.incoming_webhook.invalid.app_error\",\"message\":\"Invalid webhook.\","
            + "\"status_code\":404}")));
    assertThatThrownBy(() -> mattermost().postToChannel(null, "hello"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("Invalid webhook.")
        .hasMessageEndingWith("the webhook is unknown or disabled: create a new incoming webhook and set "
            + "irf.chat.mattermost.webhook-url (IRF_MATTERMOST_WEBHOOK_URL)");
  }

  @Test
  void theExerciseVariantsPostToTheExerciseWebhookMarkedAndRefuseWithoutOne() {
    hooks.stubFor(post(urlPathEqualTo("/hooks/exercise-key")).willReturn(aResponse().withStatus(200)));
    ChatChannel exercise = mattermost().forExercise(new ChatProperties.Exercise(null, null,
        new ChatProperties.Exercise.ExerciseWebhook(hooks.baseUrl() + "/hooks/exercise-key")));

    WarRoomRef room = exercise.openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Drill", "Join here");
    exercise.post(room, "Hosts isolated");

    assertThat(exercise.target()).isEqualTo("the Mattermost channel of irf.chat.exercise.mattermost.webhook-url");
    hooks.verify(postRequestedFor(urlPathEqualTo("/hooks/exercise-key"))
        .withRequestBody(matchingJsonPath("$.text", equalTo("[EXERCISE] **War room opened: INC-2026-0001 [P1] Drill**"
            + "\n\nJoin here"))));
    hooks.verify(postRequestedFor(urlPathEqualTo("/hooks/exercise-key"))
        .withRequestBody(matchingJsonPath("$.text", equalTo("[EXERCISE] Hosts isolated"))));
    assertThatThrownBy(() -> exercise.postToChannel("town-square", "All staff"))
        .isInstanceOf(IllegalStateException.class);
    hooks.verify(0, postRequestedFor(urlPathEqualTo("/hooks/xxx-generatedkey-xxx")));

    assertThatThrownBy(() -> teams().forExercise(null)).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("irf.chat.exercise.teams.webhook-url (IRF_TEAMS_EXERCISE_WEBHOOK_URL)");
    assertThatThrownBy(() -> mattermost().forExercise(new ChatProperties.Exercise(null, null,
        new ChatProperties.Exercise.ExerciseWebhook(hooks.baseUrl() + "/hooks/xxx-generatedkey-xxx"))))
        .isInstanceOf(ConnectorConfigurationException.class).hasMessageContaining("names the production target");
    assertThat(new ChatProperties.Exercise.ExerciseWebhook("https://hooks.example/secret").toString())
        .doesNotContain("secret");
  }
}
