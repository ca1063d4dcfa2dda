package org.irfoundation.incident;

import java.util.List;
import java.util.Optional;

/**
 * How the capabilities read incidents (port): the record, its timeline, its team and who may see it. Only the
 * intake, which creates incidents, writes the tables ({@link IncidentStore}); everyone else reads through here.
 */
public interface Incidents {

  Optional<Incident> find(String id);

  /** The timeline, oldest first. */
  List<TimelineEntry> timeline(String id);

  /** The groups and people working the incident ({@link IncidentTeam}); an empty team for an unknown incident. */
  IncidentTeam.Team team(String id);

  /** How much of the incident the user may see ({@link IncidentAccess}); NONE for an unknown incident. */
  Access access(String incidentId, String userId);

  /** Whether the user is on the incident's team: sees all of it and works it. */
  default boolean isOnTeam(String incidentId, String userId) {
    return access(incidentId, userId).works();
  }

  /**
   * Whether the incident was reported by an exercise: tickets, chat and mail go to the exercise's places and people
   * only, regulator notices are never sent, and it is kept apart in lists and metrics.
   */
  boolean isExercise(String incidentId);

  /** Whether the incident is restricted: texts that leave the app carry its id and severity only. */
  default boolean isRestricted(String incidentId) {
    return find(incidentId).map(Incident::restricted).orElse(false);
  }
}
