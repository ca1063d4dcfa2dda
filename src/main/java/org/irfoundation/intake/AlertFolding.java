package org.irfoundation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.incident.AlertStore;
import org.irfoundation.incident.AlertStore.AlertRow;
import org.irfoundation.incident.AlertStore.Fold;
import org.irfoundation.incident.AlertStore.KeptAlert;
import org.irfoundation.incident.AlertStore.Open;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.intake.IncidentReport.Indicators;
import org.irfoundation.intake.IncidentViews.AlertOutcome;
import org.irfoundation.intake.IncidentViews.AlertOutcome.Action;
import org.springframework.stereotype.Service;

/**
 * Folds a batch of alerts into their fingerprints' aggregates, inside the caller's transaction. A batch costs one
 * update per fingerprint (in one JDBC batch) and one read of the fingerprints' incidents and counts; a new
 * fingerprint opens an incident, indicators the incident does not know yet go through the severity decision, and
 * the first {@code irf.intake.alerts.raw-sample} alerts of each fingerprint are kept whole (one more batch).
 */
@Service
class AlertFolding {

  private final AlertStore alerts;
  private final IncidentStore incidents;
  private final AlertProperties properties;
  private final ObjectMapper json;

  AlertFolding(AlertStore alerts, IncidentStore incidents, AlertProperties properties, ObjectMapper json) {
    this.alerts = alerts;
    this.incidents = incidents;
    this.properties = properties;
    this.json = json;
  }

  /**
   * @param open opens an incident for the first alert of a new fingerprint, answering its id
   * @param indicators takes an alert whose indicators may add to what its incident knows: RECORDED or ESCALATED
   */
  List<AlertOutcome> fold(List<AlertReport> batch, String actor, Function<AlertReport, String> open,
      BiFunction<String, AlertReport, Action> indicators) {
    Instant now = EngineClock.now();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      groups.computeIfAbsent(batch.get(i).fingerprint(), fingerprint -> new ArrayList<>()).add(i);
    }
    // fingerprint order: two batches lock the aggregates they share in the same order (no deadlock)
    Map<String, Fold> folds = new TreeMap<>();
    groups.forEach((fingerprint, at) -> folds.put(fingerprint, fold(fingerprint, at.stream().map(batch::get)
        .toList(), now)));
    List<Fold> ordered = List.copyOf(folds.values());
    boolean[] applied = alerts.fold(ordered);
    Map<String, Boolean> folded = new TreeMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      folded.put(ordered.get(i).fingerprint(), applied[i]);
    }
    Map<String, Open> state = alerts.open(groups.keySet());

    AlertOutcome[] outcomes = new AlertOutcome[batch.size()];
    List<KeptAlert> kept = new ArrayList<>();
    groups.forEach((fingerprint, at) -> {
      List<AlertReport> group = at.stream().map(batch::get).toList();
      Open known = state.get(fingerprint);
      boolean existed = folded.get(fingerprint);
      String id;
      long first = 1;
      Long eventId = null;
      Indicators added;
      int from = 0;
      if (existed) {
        id = known.incidentId();
        first = known.count() - group.size() + 1; // its aggregate stays locked by this transaction: exact
        added = indicators(known.indicators());
        if (known.eventId() == null) { // alerts from before V15: their entry starts now
          alerts.linkEvent(id, fingerprint, alerts.burstEvent(id, actor, entry(group.get(0))));
        }
      } else {
        if (known == null) {
          id = open.apply(group.get(0));
          incidents.claimFingerprint(fingerprint, id); // a concurrent claim: duplicate key, the batch runs again
          added = group.get(0).indicators();
          outcomes[at.get(0)] = new AlertOutcome(fingerprint, id, Action.OPENED);
          from = 1;
        } else { // claimed for an exercise, no alert yet
          id = known.incidentId();
          added = Indicators.NONE;
        }
        eventId = alerts.burstEvent(id, actor, entry(group.get(0)));
      }
      Indicators before = added;
      for (int k = from; k < group.size(); k++) {
        AlertReport alert = group.get(k);
        Action action = Action.RECORDED;
        if (!added.union(alert.indicators()).equals(added)) {
          action = indicators.apply(id, alert);
          added = added.union(alert.indicators());
        }
        outcomes[at.get(k)] = new AlertOutcome(fingerprint, id, action);
      }
      if (!existed) { // a concurrent first fold of the fingerprint: duplicate key, the batch runs again
        alerts.create(id, folds.get(fingerprint), toJson(added), eventId);
      } else if (!added.equals(before)) {
        alerts.indicators(id, fingerprint, toJson(added));
      }
      for (int k = 0; k < group.size() && first + k <= properties.rawSample(); k++) {
        kept.add(new KeptAlert(id, first + k, row(group.get(k), now)));
      }
    });
    alerts.keep(kept);
    return List.of(outcomes);
  }

  private Fold fold(String fingerprint, List<AlertReport> group, Instant now) {
    Instant firstSeen = group.stream().map(AlertReport::observedAt).min(Instant::compareTo).orElseThrow();
    Instant lastSeen = group.stream().map(AlertReport::observedAt).max(Instant::compareTo).orElseThrow();
    return new Fold(fingerprint, group.size(), firstSeen, lastSeen, row(group.get(group.size() - 1), now));
  }

  private AlertRow row(AlertReport alert, Instant now) {
    return new AlertRow(alert.fingerprint(), alert.source(), alert.category().name(), alert.title(),
        alert.observedAt(), now, toJson(alert.indicators()), alert.details() == null ? null : alert.details().toString());
  }

  /** The entry of a single alert; with more, the timeline shows the aggregate's count instead. */
  static String entry(AlertReport alert) {
    return alert.title() + " [" + alert.fingerprint() + "]" + (alert.source() == null ? "" : " from " + alert.source());
  }

  private Indicators indicators(String stored) {
    if (stored == null) {
      return Indicators.NONE; // before V15: the incident's own indicators decide, alert by alert
    }
    try {
      return json.readValue(stored, Indicators.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alert indicators are not readable", e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert data as JSON", e);
    }
  }
}
