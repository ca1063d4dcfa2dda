package org.irfoundation.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link Incidents} over the incident tables and the engine's record of who worked the incident. */
@Service
class IncidentDirectory implements Incidents {

  private final IncidentStore store;
  private final IncidentTeam team;

  IncidentDirectory(IncidentStore store, IncidentTeam team) {
    this.store = store;
    this.team = team;
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
    return store.find(id).map(team::of).orElseGet(() -> new IncidentTeam.Team(java.util.Set.of(), java.util.Set.of()));
  }

  @Override
  public boolean isOnTeam(String incidentId, String userId) {
    return store.find(incidentId).map(incident -> team.includes(incident, userId)).orElse(false);
  }
}
