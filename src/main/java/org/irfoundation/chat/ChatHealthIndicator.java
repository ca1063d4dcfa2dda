package org.irfoundation.chat;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/chat}: whether the configured chat answers (the adapter's own check); UNKNOWN for a
 * webhook whose host answers, since a webhook cannot be checked without posting.
 */
@Component
public class ChatHealthIndicator implements HealthIndicator {

  /** The contributor's name (from the bean name {@code chatHealthIndicator}). */
  public static final String NAME = "chat";

  private final ChatChannel chat;

  public ChatHealthIndicator(ChatChannel chat) {
    this.chat = chat;
  }

  @Override
  public Health health() {
    return chat.health();
  }
}
