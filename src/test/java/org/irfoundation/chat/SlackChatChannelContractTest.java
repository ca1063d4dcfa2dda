package org.irfoundation.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Slack adapter against the documented Web API answers (WireMock): ok:false is an error, name_taken a lookup. */
class SlackChatChannelContractTest {

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<Duration> slept = new ArrayList<>();

  SlackChatChannel adapter() {
    return new SlackChatChannel(new ChatProperties.Slack(slack.baseUrl() + "/api", "xoxb-secret", "irf-", false),
        "security-announcements", new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)),
        slept::add);
  }

  static void method(String name, String answer) {
    slack.stubFor(post("/api/" + name).willReturn(okJson(answer)));
  }

  @Test
  void opensAChannelPerIncidentWithTopicAndOpeningMessage() {
    method("conversations.create", "{\"ok\":true,\"channel\":{\"id\":\"C0123WAR\",\"name\":\"irf-inc-2026-0001\"}}");
    method("conversations.setTopic", "{\"ok\":true}");
    method("chat.postMessage", "{\"ok\":true,\"channel\":\"C0123WAR\",\"ts\":\"1700000000.000100\"}");

    WarRoomRef ref = adapter().openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Root key used from TOR", "Welcome");

    assertThat(ref).isEqualTo(new WarRoomRef("C0123WAR"));
    slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.create"))
        .withHeader("Authorization", equalTo("Bearer xoxb-secret"))
        .withRequestBody(matchingJsonPath("$.name", equalTo("irf-inc-2026-0001")))
        .withRequestBody(matchingJsonPath("$.is_private", equalTo("false"))));
    slack.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.channel", equalTo("C0123WAR")))
        .withRequestBody(matchingJsonPath("$.text", equalTo("Welcome"))));
  }

  @Test
  void nameTakenLooksTheChannelUpAcrossPagesAndJoinsIt() {
    method("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
    slack.stubFor(get(urlPathEqualTo("/api/conversations.list")).withQueryParam("cursor", equalTo(""))
        .willReturn(okJson("{\"ok\":true,\"channels\":[{\"id\":\"C01\",\"name\":\"general\",\"is_member\":true}],"
            + "\"response_metadata\":{\"next_cursor\":\"dGVhbTpDMDI=\"}}")));
    slack.stubFor(get(urlPathEqualTo("/api/conversations.list")).withQueryParam("cursor", equalTo("dGVhbTpDMDI="))
        .willReturn(okJson("{\"ok\":true,\"channels\":[{\"id\":\"C0123WAR\",\"name\":\"irf-inc-2026-0001\","
            + "\"is_member\":false}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    method("conversations.join", "{\"ok\":true,\"channel\":{\"id\":\"C0123WAR\"}}");

    assertThat(adapter().openWarRoom("INC-2026-0001", "t", "Welcome")).isEqualTo(new WarRoomRef("C0123WAR"));

    slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.join"))
        .withRequestBody(matchingJsonPath("$.channel", equalTo("C0123WAR"))));
    slack.verify(0, postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))); // the room had its opening message
  }

  @Test
  void okFalseIsAnErrorThatSaysWhatToFix() {
    method("chat.postMessage", "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\"channels:read\"}");
    assertThatThrownBy(() -> adapter().post(new WarRoomRef("C0123WAR"), "hello"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessage("Slack refused to post to C0123WAR (ok:false \"missing_scope\"): add the scope chat:write to the "
            + "Slack app and reinstall it");

    method("chat.postMessage", "{\"ok\":false,\"error\":\"invalid_auth\"}");
    assertThatThrownBy(() -> adapter().postToChannel(null, "hello"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("post to #security-announcements").hasMessageContaining("IRF_SLACK_BOT_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xoxb-secret"));
  }

  @Test
  void transientSlackErrorsAreRetriedByTheJob() {
    method("chat.postMessage", "{\"ok\":false,\"error\":\"internal_error\"}");
    assertThatThrownBy(() -> adapter().post(new WarRoomRef("C0123WAR"), "hello"))
        .isInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("internal_error");
  }

  @Test
  void rateLimitedCallsHonourRetryAfter() {
    slack.stubFor(post("/api/chat.postMessage").inScenario("rate").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
    slack.stubFor(post("/api/chat.postMessage").inScenario("rate").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"ok\":true}")));

    adapter().post(new WarRoomRef("C0123WAR"), "hello");

    assertThat(slept).containsExactly(Duration.ofSeconds(1));
    slack.verify(2, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
  }

  @Test
  void channelNamesAreValidSlackNamesAndTheTokenIsNeverShown() {
    assertThat(adapter().channelName("INC-2026-0001")).isEqualTo("irf-inc-2026-0001");
    assertThat(new ChatProperties.Slack("u", "xoxb-secret", "irf-", false).toString()).doesNotContain("xoxb-secret");
  }

  static ChatProperties.Exercise exercisePrefix(String prefix) {
    return new ChatProperties.Exercise(new ChatProperties.Exercise.SlackChannels(prefix), null, null);
  }

  @Test
  void theExerciseVariantOpensItsRoomUnderTheExercisePrefixAndMarksTopicAndMessages() {
    method("conversations.create", "{\"ok\":true,\"channel\":{\"id\":\"C0EX\",\"name\":\"irf-ex-inc-2026-0001\"}}");
    method("conversations.setTopic", "{\"ok\":true}");
    method("chat.postMessage", "{\"ok\":true,\"channel\":\"C0EX\",\"ts\":\"1700000000.000100\"}");
    ChatChannel exercise = adapter().forExercise(exercisePrefix("irf-ex-"));

    WarRoomRef ref = exercise.openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Drill", "Welcome");
    exercise.post(ref, "Hosts isolated");

    assertThat(exercise.target()).isEqualTo("the Slack channels #irf-ex-<incident id>");
    slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.create"))
        .withRequestBody(matchingJsonPath("$.name", equalTo("irf-ex-inc-2026-0001"))));
    slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.setTopic"))
        .withRequestBody(matchingJsonPath("$.topic", equalTo("[EXERCISE] INC-2026-0001 [P1] Drill"))));
    slack.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.text", equalTo("[EXERCISE] Welcome"))));
    slack.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.text", equalTo("[EXERCISE] Hosts isolated"))));
    assertThatThrownBy(() -> exercise.postToChannel("security-announcements", "All staff"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("never to the standing channel");
    slack.verify(0, postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
        .withRequestBody(matchingJsonPath("$.channel", equalTo("security-announcements"))));
  }

  @Test
  void withoutAnExercisePrefixOrWithTheProductionOneTheExerciseVariantIsRefused() {
    for (ChatProperties.Exercise unset : java.util.Arrays.asList(null, exercisePrefix(""),
        new ChatProperties.Exercise(null, null, null))) {
      assertThatThrownBy(() -> adapter().forExercise(unset)).isInstanceOf(ConnectorConfigurationException.class)
          .hasMessageContaining("irf.chat.exercise.slack.channel-prefix (IRF_SLACK_EXERCISE_CHANNEL_PREFIX)");
    }
    assertThatThrownBy(() -> adapter().forExercise(exercisePrefix("irf-")))
        .isInstanceOf(ConnectorConfigurationException.class).hasMessageContaining("names the production target");
    slack.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }
}
