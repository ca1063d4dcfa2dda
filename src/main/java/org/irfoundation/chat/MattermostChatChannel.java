package org.irfoundation.chat;

import java.util.HashMap;
import java.util.Map;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mattermost through an incoming webhook: {@code {"text", "username", "channel"}}; a standing channel is the
 * webhook's channel override (the webhook must not be locked to its channel for that).
 */
@Component
@ConditionalOnProperty(name = ChatConfiguration.PROVIDER, havingValue = "mattermost")
public class MattermostChatChannel extends WebhookChatChannel {

  static final String EXERCISE_URL = "irf.chat.exercise.mattermost.webhook-url";

  @Autowired
  public MattermostChatChannel(ChatProperties properties, JdbcClient jdbc) {
    this(properties.mattermost(), properties.http(), jdbc, null);
  }

  public MattermostChatChannel(ChatProperties.Webhook mattermost, HttpSettings http, JdbcClient jdbc,
      HttpConnector.Sleeper sleeper) {
    super("Mattermost", "irf.chat.mattermost.webhook-url (IRF_MATTERMOST_WEBHOOK_URL)", mattermost, http, jdbc,
        sleeper);
  }

  private MattermostChatChannel(ChatProperties.Webhook mattermost, HttpSettings http, JdbcClient jdbc,
      HttpConnector.Sleeper sleeper, String property, String mark) {
    super("Mattermost", property, mattermost, http, jdbc, sleeper, mark);
  }

  @Override
  public ChatChannel forExercise(ChatProperties.Exercise exercise) {
    return new MattermostChatChannel(exerciseWebhook(exercise == null ? null : exercise.mattermostWebhookUrl(),
        EXERCISE_URL, "IRF_MATTERMOST_EXERCISE_WEBHOOK_URL"), httpSettings, jdbc, sleeper,
        EXERCISE_URL + " (IRF_MATTERMOST_EXERCISE_WEBHOOK_URL)", ExerciseRouting.MARK);
  }

  @Override
  protected Map<String, Object> payload(String channel, String text) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("text", text);
    payload.put("username", settings.username());
    if (channel != null && !channel.isBlank()) {
      payload.put("channel", channel);
    }
    return payload;
  }
}
