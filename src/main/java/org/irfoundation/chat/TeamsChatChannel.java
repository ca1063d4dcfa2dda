package org.irfoundation.chat;

import java.util.List;
import java.util.Map;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Microsoft Teams through an incoming webhook (a Workflows "post to a channel when a webhook request is
 * received" flow): each message is an Adaptive Card with one text block.
 */
@Component
@ConditionalOnProperty(name = ChatConfiguration.PROVIDER, havingValue = "teams")
public class TeamsChatChannel extends WebhookChatChannel {

  static final String EXERCISE_URL = "irf.chat.exercise.teams.webhook-url";

  @Autowired
  public TeamsChatChannel(ChatProperties properties, JdbcClient jdbc) {
    this(properties.teams(), properties.http(), jdbc, null);
  }

  public TeamsChatChannel(ChatProperties.Webhook teams, HttpSettings http, JdbcClient jdbc,
      HttpConnector.Sleeper sleeper) {
    super("Teams", "irf.chat.teams.webhook-url (IRF_TEAMS_WEBHOOK_URL)", teams, http, jdbc, sleeper);
  }

  private TeamsChatChannel(ChatProperties.Webhook teams, HttpSettings http, JdbcClient jdbc,
      HttpConnector.Sleeper sleeper, String property, String mark) {
    super("Teams", property, teams, http, jdbc, sleeper, mark);
  }

  @Override
  public ChatChannel forExercise(ChatProperties.Exercise exercise) {
    return new TeamsChatChannel(exerciseWebhook(exercise == null ? null : exercise.teamsWebhookUrl(), EXERCISE_URL,
        "IRF_TEAMS_EXERCISE_WEBHOOK_URL"), httpSettings, jdbc, sleeper,
        EXERCISE_URL + " (IRF_TEAMS_EXERCISE_WEBHOOK_URL)", ExerciseRouting.MARK);
  }

  @Override
  protected Map<String, Object> payload(String channel, String text) {
    Map<String, Object> card = Map.of(
        "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
        "type", "AdaptiveCard", "version", "1.4",
        "body", List.of(Map.of("type", "TextBlock", "text", text, "wrap", true)));
    return Map.of("type", "message", "attachments",
        List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
  }
}
