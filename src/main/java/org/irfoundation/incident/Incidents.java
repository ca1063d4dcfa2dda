package org.irfoundation.incident;

import java.util.List;
import java.util.Optional;

/**
 * How the capabilities read incidents (port): the record, its timeline and its team. Only the intake, which creates
 * incidents, writes the tables ({@link IncidentStore}); everyone else reads through here.
 */
public interface Incidents {

  Optional<Incident> find(String id);

  /** The timeline, oldest first. */
  List<TimelineEntry> timeline(String id);

  /** The people and groups working the incident ({@link IncidentTeam}). */
  IncidentTeam.Team team(String id);

  /** Whether the user is on the incident's team (administrators always are). */
  boolean isOnTeam(String incidentId, String userId);
}
