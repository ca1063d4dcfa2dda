package org.irfoundation.evidence;

import org.irfoundation.evidence.EvidenceException.NotOnTeam;
import org.irfoundation.evidence.EvidenceException.UnknownIncident;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentAccess;
import org.irfoundation.incident.Incidents;
import org.springframework.stereotype.Service;

/**
 * Who may handle an incident's evidence, by the one rule of {@link IncidentAccess}: its team handles it, the IR
 * program owner reads the catalogue and the chain of custody, nobody else sees any of it. Whoever may not see the
 * incident at all is told it does not exist.
 */
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
    return require(incidentId, userId, Access.TEAM);
  }

  /** The incident, when {@code userId} may read all of it (its team, the program owner). */
  public Incident authorizeRead(String incidentId, String userId) {
    return require(incidentId, userId, Access.READ);
  }

  private Incident require(String incidentId, String userId, Access needed) {
    Incident incident = incident(incidentId);
    Access access = incidents.access(incidentId, userId);
    if (!access.sees()) {
      throw new UnknownIncident(incidentId);
    }
    if (access.compareTo(needed) < 0) {
      throw new NotOnTeam(incidentId);
    }
    return incident;
  }
}
