package org.irfoundation.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Slack Web API. The war room is the channel {@code <prefix><incident id>} ({@code irf-inc-2026-0001}): created
 * with {@code conversations.create}; {@code name_taken} (a retried job, or a room opened by hand) looks the
 * channel up and joins it. Slack answers most errors with HTTP 200 and {@code ok:false}: those are errors too,
 * transient ones ({@code internal_error}...) retried, the others configuration errors naming what to fix. The
 * exercise variant ({@link #forExercise}) opens its rooms under the exercise prefix and marks what it posts
 * {@code [EXERCISE] }.
 */
@Component
@ConditionalOnProperty(name = ChatConfiguration.PROVIDER, havingValue = "slack")
public class SlackChatChannel implements ChatChannel {

  static final String SYSTEM = "Slack";
  static final String EXERCISE_PREFIX = "irf.chat.exercise.slack.channel-prefix";
  static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
      "request_timeout", "ratelimited");

  private final ChatProperties.Slack slack;
  private final String standingChannel;
  private final HttpConnector http;
  /** The health check's client: same system, shorter timeouts. */
  private final HttpConnector probe;
  private final HttpSettings settings;
  private final HttpConnector.Sleeper sleeper;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  @Autowired
  public SlackChatChannel(ChatProperties properties) {
    this(properties.slack(), properties.standingChannel(), properties.http(), null);
  }

  public SlackChatChannel(ChatProperties.Slack slack, String standingChannel, HttpSettings settings,
      HttpConnector.Sleeper sleeper) {
    this(slack, standingChannel, settings, sleeper, "");
  }

  private SlackChatChannel(ChatProperties.Slack slack, String standingChannel, HttpSettings settings,
      HttpConnector.Sleeper sleeper, String mark) {
    if (slack == null || slack.botToken() == null || slack.botToken().isBlank()) {
      throw new IllegalStateException("irf.chat.provider=slack needs irf.chat.slack.bot-token "
          + "(from the environment: IRF_SLACK_BOT_TOKEN)");
    }
    this.slack = slack;
    this.standingChannel = standingChannel;
    this.http = sleeper == null ? new HttpConnector(SYSTEM, slack.baseUrl(), settings)
        : new HttpConnector(SYSTEM, slack.baseUrl(), settings, sleeper);
    this.probe = new HttpConnector(SYSTEM, slack.baseUrl(), ConnectorHealth.probeSettings(settings));
    this.settings = settings;
    this.sleeper = sleeper;
    this.mark = mark;
  }

  /** The same workspace and bot, war rooms named {@code <irf.chat.exercise.slack.channel-prefix><incident id>}. */
  @Override
  public ChatChannel forExercise(ChatProperties.Exercise exercise) {
    String prefix = exercise == null ? null : exercise.slackChannelPrefix();
    if (prefix == null || prefix.isBlank()) {
      throw ExerciseRouting.notConfigured(SYSTEM, EXERCISE_PREFIX, "IRF_SLACK_EXERCISE_CHANNEL_PREFIX", "war room");
    }
    if (prefix.trim().equalsIgnoreCase(slack.channelPrefix())) {
      throw ExerciseRouting.sameAsProduction(SYSTEM, EXERCISE_PREFIX);
    }
    return new SlackChatChannel(new ChatProperties.Slack(slack.baseUrl(), slack.botToken(), prefix.trim(),
        slack.privateChannels()), standingChannel, settings, sleeper, ExerciseRouting.MARK);
  }

  @Override
  public String target() {
    return "the Slack channels #" + slack.channelPrefix() + "<incident id>";
  }

  @Override
  public WarRoomRef openWarRoom(String incidentId, String title) {
    return openWarRoom(incidentId, title, null);
  }

  @Override
  public WarRoomRef openWarRoom(String incidentId, String title, String openingMessage) {
    String name = channelName(incidentId);
    JsonNode created = method("conversations.create", Map.of("name", name, "is_private", slack.privateChannels()),
        "create channel #" + name, Set.of("name_taken"));
    if (!created.path("ok").asBoolean()) {
      return findWarRoom(incidentId).orElseThrow(() -> new ConnectorConfigurationException(SYSTEM, 200,
          "Slack says #" + name + " exists but the bot cannot see it: invite the Slack app to #" + name
              + " or archive that channel"));
    }
    WarRoomRef ref = new WarRoomRef(created.path("channel").path("id").asText());
    if (title != null && !title.isBlank()) {
      method("conversations.setTopic", Map.of("channel", ref.id(), "topic", mark + title), "set the topic of #" + name,
          Set.of());
    }
    if (openingMessage != null && !openingMessage.isBlank()) {
      post(ref, openingMessage);
    }
    return ref;
  }

  @Override
  public Optional<WarRoomRef> findWarRoom(String incidentId) {
    String name = channelName(incidentId);
    String cursor = "";
    do {
      String page = cursor;
      JsonNode list = check(http.call("list channels to find #" + name, this::advice, () ->
          http.client().get().uri(b -> b.path("/conversations.list")
                  .queryParam("types", slack.privateChannels() ? "private_channel" : "public_channel")
                  .queryParam("exclude_archived", true).queryParam("limit", 200).queryParam("cursor", page).build())
              .headers(this::auth).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class)),
          "list channels", Set.of());
      for (JsonNode channel : list.path("channels")) {
        if (name.equals(channel.path("name").asText())) {
          String id = channel.path("id").asText();
          if (!channel.path("is_member").asBoolean(true) && !slack.privateChannels()) {
            method("conversations.join", Map.of("channel", id), "join #" + name, Set.of());
          }
          return Optional.of(new WarRoomRef(id));
        }
      }
      cursor = list.path("response_metadata").path("next_cursor").asText("");
    } while (!cursor.isEmpty());
    return Optional.empty();
  }

  @Override
  public void post(WarRoomRef ref, String text) {
    method("chat.postMessage", Map.of("channel", ref.id(), "text", mark + text), "post to " + ref, Set.of());
  }

  @Override
  public void postToChannel(String channel, String text) {
    ExerciseRouting.refuseStandingChannel(mark, channel);
    String target = channel == null || channel.isBlank() ? standingChannel : channel;
    method("chat.postMessage", Map.of("channel", target, "text", mark + text), "post to #" + target, Set.of());
  }

  /** {@code auth.test}: checks the bot token and names the bot and workspace, posting nothing. */
  @Override
  public Health health() {
    return ConnectorHealth.check(SYSTEM, slack.baseUrl(), () -> {
      JsonNode me = method(probe, "auth.test", Map.of(), "check the bot token (auth.test)", Set.of());
      return "auth.test answered as " + me.path("user").asText("?") + " in " + me.path("team").asText("?");
    });
  }

  private JsonNode method(String method, Map<String, Object> body, String what, Set<String> tolerated) {
    return method(http, method, body, what, tolerated);
  }

  /** Calls a Web API method with a JSON body; {@code ok:false} is an error unless its code is {@code tolerated}. */
  private JsonNode method(HttpConnector http, String method, Map<String, Object> body, String what,
      Set<String> tolerated) {
    JsonNode answer = http.call(what, this::advice, () ->
        http.client().post().uri("/" + method).headers(this::auth)
            .contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
            .body(new HashMap<>(body)).retrieve().body(JsonNode.class));
    return check(answer, what, tolerated);
  }

  private JsonNode check(JsonNode answer, String what, Set<String> tolerated) {
    if (answer == null || answer.path("ok").asBoolean()) {
      return answer;
    }
    String error = answer.path("error").asText("unknown_error");
    if (tolerated.contains(error)) {
      return answer;
    }
    if (TRANSIENT.contains(error)) {
      throw new ConnectorUnavailableException(SYSTEM, 200, "Slack answered ok:false \"" + error + "\" to " + what, null);
    }
    throw new ConnectorConfigurationException(SYSTEM, 200, "Slack refused to " + what + " (ok:false \"" + error
        + "\"): " + slackAdvice(error, answer.path("needed").asText("")));
  }

  String slackAdvice(String error, String needed) {
    return switch (error) {
      case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
          "the bot token is not accepted: check IRF_SLACK_BOT_TOKEN (irf.chat.slack.bot-token)";
      case "missing_scope" -> "add the scope " + (needed.isEmpty() ? "the method needs" : needed)
          + " to the Slack app and reinstall it";
      case "channel_not_found", "not_in_channel" ->
          "invite the Slack app to the channel, or check irf.chat.standing-channel (" + standingChannel + ")";
      case "invalid_name", "invalid_name_specials", "invalid_name_maxlength", "invalid_name_required" ->
          "check " + (mark.isEmpty() ? "irf.chat.slack.channel-prefix" : EXERCISE_PREFIX) + " ("
              + slack.channelPrefix() + "): lower case, digits, - and _ only";
      case "restricted_action" -> "the workspace does not let apps create channels: ask a Slack admin";
      default -> "see https://api.slack.com/methods for \"" + error + "\"";
    };
  }

  String advice(int status, String body) {
    return status == 404 ? "check irf.chat.slack.base-url (" + slack.baseUrl() + ")"
        : "check IRF_SLACK_BOT_TOKEN and the Slack app's scopes";
  }

  String channelName(String incidentId) {
    String name = (slack.channelPrefix() + incidentId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return name.length() <= 80 ? name : name.substring(0, 80);
  }

  private void auth(HttpHeaders headers) {
    headers.setBearerAuth(slack.botToken());
  }
}
