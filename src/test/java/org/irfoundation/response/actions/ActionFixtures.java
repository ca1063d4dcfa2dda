package org.irfoundation.response.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;

/** Stand-ins for what {@link ResponseActions} reads and writes besides the adapters: incidents, timeline, ledger. */
final class ActionFixtures {

  private ActionFixtures() {}

  /** One incident, its severity and category as a test sets them, exercise or not; the timeline it gets. */
  static final class FakeIncidents implements Incidents, IncidentLifecycle {
    String severity = "P2";
    String category = "COMPROMISED_ACCOUNT";
    String domain;
    boolean exercise;
    final List<TimelineEntry> entries = new ArrayList<>();

    @Override
    public Optional<Incident> find(String id) {
      return Optional.of(new Incident(id, "t", "d", category, domain, null, null, Instant.EPOCH, "r", "s", null,
          severity, "PT1H", null, Incident.OPEN, null, null, null));
    }

    @Override
    public List<TimelineEntry> timeline(String id) {
      return entries;
    }

    @Override
    public IncidentTeam.Team team(String id) {
      return new IncidentTeam.Team(false, List.of());
    }

    @Override
    public Access access(String incidentId, String userId) {
      return Access.NONE;
    }

    @Override
    public boolean isExercise(String incidentId) {
      return exercise;
    }

    @Override
    public void recordEvent(String incidentId, TimelineEvent type, String actor, String detail) {
      entries.add(new TimelineEntry(Instant.now(), type, actor, detail));
    }

    @Override
    public void close(String incidentId) {
      throw new UnsupportedOperationException();
    }

    List<TimelineEntry> of(TimelineEvent type) {
      return entries.stream().filter(e -> e.type() == type).toList();
    }
  }

  static final class MemoryLedger implements ActionLedger {
    final Map<String, ActionOutcome> rows = new HashMap<>();

    @Override
    public Optional<ActionOutcome> sent(String actionKey) {
      return Optional.ofNullable(rows.get(actionKey));
    }

    @Override
    public void record(String actionKey, ActionRequest request, ActionOutcome outcome) {
      rows.put(actionKey, outcome);
    }
  }

  /** Records the snapshots; {@code failures} first calls throw, as a crash after sending would. */
  static final class RecordingCustody implements SnapshotCustody {
    final List<String> snapshots = new ArrayList<>();
    int failures;

    @Override
    public void recordSnapshots(ActionRequest request, ActionOutcome outcome) {
      if (failures-- > 0) {
        throw new IllegalStateException("the node crashed after sending");
      }
      snapshots.addAll(outcome.references());
    }
  }
}
