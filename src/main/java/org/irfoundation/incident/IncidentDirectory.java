package org.irfoundation.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link Incidents} over the incident tables. */
@Service
class IncidentDirectory implements Incidents {

  private final IncidentStore store;
  private final IncidentTeam team;
  private final IncidentAccess access;

  IncidentDirectory(IncidentStore store, IncidentTeam team, IncidentAccess access) {
    this.store = store;
    this.team = team;
    this.access = access;
  }

  @Override
  public Optional<Incident> find(String id) {
    return store.find(id);
  }

  @Override
  public List<TimelineEntry> timeline(String id) {
    return store.timeline(id);
  }

  @Override
  public IncidentTeam.Team team(String id) {
    return store.find(id).map(team::of).orElseGet(() -> new IncidentTeam.Team(false, List.of()));
  }

  @Override
  public boolean isExercise(String incidentId) {
    return store.isExercise(incidentId);
  }

  @Override
  public Access access(String incidentId, String userId) {
    return access.of(incidentId, userId);
  }
}
