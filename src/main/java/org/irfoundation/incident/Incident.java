package org.irfoundation.incident;

import java.time.Instant;

/**
 * The incident record as stored: what was reported, how it was classified, where it stands. {@code report} is the
 * report as JSON (the intake's shape); {@code processInstanceId} is its {@code incident-response} instance;
 * {@code reporter} is who the report names, {@code reportedBy} the user who sent it; a {@code restricted} incident
 * is seen by its named members, the IR lead and administrators only ({@link IncidentAccess}).
 */
public record Incident(String id, String title, String description, String category, String domain,
    Instant detectedAt, Instant awareAt, Instant reportedAt, String reporter, String source, String externalRef,
    String severity, String responseSla, String playbook, String status, Instant closedAt, String processInstanceId,
    String report, String reportedBy, boolean restricted) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  /** A new, unrestricted record as fixtures write it: reported by nobody in particular. */
  public Incident(String id, String title, String description, String category, String domain, Instant detectedAt,
      Instant awareAt, Instant reportedAt, String reporter, String source, String externalRef, String severity,
      String responseSla, String playbook, String status, Instant closedAt, String processInstanceId, String report) {
    this(id, title, description, category, domain, detectedAt, awareAt, reportedAt, reporter, source, externalRef,
        severity, responseSla, playbook, status, closedAt, processInstanceId, report, null, false);
  }

  public boolean isOpen() {
    return OPEN.equals(status);
  }
}
