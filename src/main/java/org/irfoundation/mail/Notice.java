package org.irfoundation.mail;

import java.util.List;
import java.util.Objects;

/**
 * One notice: to the members of {@code recipientGroups} (Camunda group ids) and to {@code recipientAddresses}
 * (e-mail addresses of people who are no users: regulators, data subjects), about an incident (may be
 * {@code null} for notices of no incident). {@code idempotencyKey} identifies it: sending the same key twice
 * sends it once.
 */
public record Notice(String incidentId, List<String> recipientGroups, String subject, String body,
    String idempotencyKey, List<String> recipientAddresses) {

  public Notice {
    recipientGroups = List.copyOf(recipientGroups);
    recipientAddresses = recipientAddresses == null ? List.of() : List.copyOf(recipientAddresses);
    if (recipientGroups.isEmpty() && recipientAddresses.isEmpty()) {
      throw new IllegalArgumentException("a notice needs at least one recipient group or address");
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a notice needs an idempotency key");
    }
  }

  /** A notice to groups only. */
  public Notice(String incidentId, List<String> recipientGroups, String subject, String body, String idempotencyKey) {
    this(incidentId, recipientGroups, subject, body, idempotencyKey, List.of());
  }
}
