package org.irfoundation.response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.IncidentAccess;
import org.irfoundation.incident.Incidents;
import org.springframework.stereotype.Service;

/**
 * Who sees which improvement actions. Of one incident: whoever may read all of it ({@link IncidentAccess}: its team,
 * the IR lead, the program owner, administrators). Across incidents: the IR lead, the IR program owner and
 * administrators see every action, anyone else the actions they own; a restricted incident's actions only its team.
 * Each action says whether its incident is an exercise's.
 */
@Service
public class ImprovementQueries {

  /** An action as the API shows it. */
  public record ImprovementView(String id, String incidentId, boolean exercise, String lesson, String changesKind,
      String changesRef, String owner, LocalDate due, String status, boolean overdue, Instant createdAt,
      String createdBy, Instant doneAt, String doneBy, String outcome) {}

  private final ImprovementStore store;
  private final IncidentAccess access;
  private final Incidents incidents;

  public ImprovementQueries(ImprovementStore store, IncidentAccess access, Incidents incidents) {
    this.store = store;
    this.access = access;
    this.incidents = incidents;
  }

  /** The incident's actions, when the caller may read all of the incident; else IncidentAccessException. */
  public List<ImprovementView> ofIncident(String incidentId, String caller) {
    access.require(incidentId, caller, Access.READ);
    Instant now = EngineClock.now();
    boolean exercise = incidents.isExercise(incidentId);
    return store.ofIncident(incidentId).stream().map(row -> view(row, exercise, now)).toList();
  }

  /** The actions across incidents the caller may see; status, playbook and exercise narrow them (null: any). */
  public List<ImprovementView> list(String caller, String status, String playbookKey, Boolean exercise) {
    IncidentAccess.Viewer viewer = access.viewer(caller);
    boolean everyone = viewer.seesAll() || viewer.readsUnrestricted();
    Instant now = EngineClock.now();
    Map<String, Boolean> visible = new HashMap<>();
    Map<String, Boolean> exercises = new HashMap<>();
    return store.list(status, playbookKey == null ? null : Improvement.PLAYBOOK, playbookKey).stream()
        .filter(row -> everyone || caller.equals(row.improvement().owner()))
        .filter(row -> visible.computeIfAbsent(row.improvement().incidentId(), id -> mayList(id, viewer)))
        .filter(row -> exercise == null || exercise.equals(exercises.computeIfAbsent(row.improvement().incidentId(),
            incidents::isExercise)))
        .map(row -> view(row, exercises.computeIfAbsent(row.improvement().incidentId(), incidents::isExercise), now))
        .toList();
  }

  /** A restricted incident's actions are its team's only; any other's may be listed. */
  private boolean mayList(String incidentId, IncidentAccess.Viewer viewer) {
    return incidents.find(incidentId).map(incident -> !incident.restricted()
        || access.of(incident, viewer).works()).orElse(false);
  }

  private static ImprovementView view(ImprovementStore.Row row, boolean exercise, Instant now) {
    Improvement i = row.improvement();
    return new ImprovementView(i.id(), i.incidentId(), exercise, i.lesson(), i.changesKind(), i.changesRef(),
        i.owner(), i.due(), i.status(), i.overdueAt(now), i.createdAt(), row.createdBy(), i.doneAt(), row.doneBy(),
        i.outcome());
  }
}
