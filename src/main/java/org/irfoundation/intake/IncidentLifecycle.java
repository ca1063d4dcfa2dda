package org.irfoundation.intake;

/**
 * What the incident-response process tells the incident record: timeline entries and closure.
 * Implemented by the intake over the incident tables; delegates call it, process tests mock it.
 */
public interface IncidentLifecycle {

  /** Appends a timeline entry (type e.g. TICKET_OPENED, NOTICE_SENT; detail short, no payloads). */
  void recordEvent(String incidentId, String type, String actor, String detail);

  /** Marks the incident CLOSED and releases its alert fingerprints, so new alerts open a new incident. */
  void close(String incidentId);
}
