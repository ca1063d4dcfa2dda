package org.irfoundation.incident;

/**
 * What the processes and capabilities tell the incident record: timeline entries and closure (port). Implemented
 * over the incident tables ({@link IncidentStore}); delegates and services call it, process tests mock it.
 */
public interface IncidentLifecycle {

  /** Appends a timeline entry; {@code actor} null for the process itself; detail short, never payloads. */
  void recordEvent(String incidentId, TimelineEvent type, String actor, String detail);

  /** Marks the incident CLOSED and releases its alert fingerprints, so new alerts open a new incident. */
  void close(String incidentId);
}
