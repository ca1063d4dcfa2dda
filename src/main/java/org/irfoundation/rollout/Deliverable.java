package org.irfoundation.rollout;

import java.time.Instant;

/** A stored deliverable of a rollout week (charter, plan, certificate, report): where, how big, its SHA-256. */
public record Deliverable(String id, String rolloutId, int week, String name, String fileName, String contentType,
    String location, long size, String sha256, Instant createdAt, String createdBy) {}
