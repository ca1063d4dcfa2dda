package org.irfoundation.incident;

/**
 * A user asked for more of an incident than {@link IncidentAccess} lets them see. {@link #hidden()}: they may not
 * even know it exists (the API answers 404 as for an unknown id, so ids cannot be probed); else 403.
 */
public class IncidentAccessException extends RuntimeException {

  private final boolean hidden;

  private IncidentAccessException(String message, boolean hidden) {
    super(message);
    this.hidden = hidden;
  }

  static IncidentAccessException unknown(String incidentId) {
    return new IncidentAccessException("No incident " + incidentId, true);
  }

  static IncidentAccessException denied(String message) {
    return new IncidentAccessException(message, false);
  }

  public boolean hidden() {
    return hidden;
  }
}
