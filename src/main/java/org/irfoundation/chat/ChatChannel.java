package org.irfoundation.chat;

import java.util.Optional;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.springframework.boot.actuate.health.Health;

/**
 * The chat where responders coordinate an incident (port): one war room per incident. Adapters: the built-in
 * war-room log (default), {@link SlackChatChannel}, and Microsoft Teams / Mattermost incoming webhooks
 * ({@link WebhookChatChannel}), chosen by {@code irf.chat.provider}. Opening is safe to repeat.
 */
public interface ChatChannel {

  /** Opens the incident's war room, or returns the one it already has. */
  WarRoomRef openWarRoom(String incidentId, String title);

  /**
   * Opens the incident's war room with a first message (the war-room opening template); a room that exists
   * already gets no second one. The built-in log keeps the title only.
   */
  default WarRoomRef openWarRoom(String incidentId, String title, String openingMessage) {
    return openWarRoom(incidentId, title);
  }

  void post(WarRoomRef ref, String text);

  /** Posts to a standing channel (not an incident's war room), e.g. the security announcements channel. */
  void postToChannel(String channel, String text);

  Optional<WarRoomRef> findWarRoom(String incidentId);

  /**
   * The health check ({@code /actuator/health/chat}), answered within a few seconds without posting anything: DOWN
   * with the cause, never a secret; UNKNOWN when the chat cannot be checked without posting (a webhook).
   */
  Health health();

  /**
   * This chat pointed at where an exercise's war rooms are ({@code irf.chat.exercise.*}), marking every title and
   * message it posts {@code [EXERCISE] }. {@code exercise} may be null (nothing configured).
   *
   * @throws ConnectorConfigurationException naming the property when no exercise target is configured: an exercise
   *     never posts where production war rooms are
   */
  default ChatChannel forExercise(ChatProperties.Exercise exercise) {
    throw new ConnectorConfigurationException(getClass().getSimpleName(), 0,
        "this chat cannot keep an exercise's war rooms apart; nothing was sent");
  }

  /** Where this chat's war rooms are, for the timeline: "Slack channels irf-ex-*", "the built-in war-room log". */
  default String target() {
    return getClass().getSimpleName();
  }
}
