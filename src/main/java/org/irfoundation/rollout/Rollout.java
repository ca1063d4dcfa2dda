package org.irfoundation.rollout;

import java.time.Instant;
import java.time.LocalDate;

/** One rollout program as stored: who sponsors and owns it, when it starts, its {@code ir-rollout} instance. */
public record Rollout(String id, String organisation, String sponsor, String programOwner, LocalDate startDate,
    String processInstanceId, Instant createdAt, String createdBy) {}
