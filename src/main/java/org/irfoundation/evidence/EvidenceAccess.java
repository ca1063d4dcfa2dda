package org.irfoundation.evidence;

import org.irfoundation.evidence.EvidenceException.NotOnTeam;
import org.irfoundation.evidence.EvidenceException.UnknownIncident;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.Incidents;
import org.springframework.stereotype.Service;

/** Who may handle an incident's evidence: its team only ({@link Incidents#isOnTeam}). */
@Service
public class EvidenceAccess {

  private final Incidents incidents;

  public EvidenceAccess(Incidents incidents) {
    this.incidents = incidents;
  }

  /** The incident; {@link UnknownIncident} when there is none. */
  public Incident incident(String incidentId) {
    return incidents.find(incidentId).orElseThrow(() -> new UnknownIncident(incidentId));
  }

  /** The incident, when {@code userId} is on its team; {@link UnknownIncident} or {@link NotOnTeam} otherwise. */
  public Incident authorize(String incidentId, String userId) {
    Incident incident = incident(incidentId);
    if (!incidents.isOnTeam(incidentId, userId)) {
      throw new NotOnTeam(incidentId);
    }
    return incident;
  }
}
