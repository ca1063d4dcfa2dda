package org.irfoundation.incident;

import java.time.Instant;

/**
 * The incident record as stored: what was reported, how it was classified, where it stands. {@code report} is the
 * report as JSON (the intake's shape); {@code processInstanceId} is its {@code incident-response} instance.
 */
public record Incident(String id, String title, String description, String category, String domain,
    Instant detectedAt, Instant awareAt, Instant reportedAt, String reporter, String source, String externalRef,
    String severity, String responseSla, String playbook, String status, Instant closedAt, String processInstanceId,
    String report) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  public boolean isOpen() {
    return OPEN.equals(status);
  }
}
