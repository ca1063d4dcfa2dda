package org.irfoundation.mail;

import java.util.List;
import java.util.Objects;

/**
 * One notice: to the members of {@code recipientGroups} (Camunda group ids), about an incident (may be
 * {@code null} for notices of no incident). {@code idempotencyKey} identifies it: sending the same key twice
 * sends it once.
 */
public record Notice(String incidentId, List<String> recipientGroups, String subject, String body,
    String idempotencyKey) {

  public Notice {
    recipientGroups = List.copyOf(recipientGroups);
    if (recipientGroups.isEmpty()) {
      throw new IllegalArgumentException("a notice needs at least one recipient group");
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a notice needs an idempotency key");
    }
  }
}
