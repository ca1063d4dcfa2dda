package org.irfoundation.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Obligation.Status;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.springframework.stereotype.Service;

/**
 * The notification obligations of an incident, from the first minute and for any category: the table is evaluated at
 * intake and whenever the scope changes; each new obligation gets its regulatory-notification instance; a
 * determination (significant, major, material) gets one decision task for all the obligations waiting for it, and
 * "no" closes them all with the reasons; a filing starts the clock of the obligations that follow it.
 */
@Service
public class Obligations {

  private final IncidentStore incidents;
  private final ObligationStore store;
  private final OrganisationProfile profile;
  private final NotificationClock clock;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final SystemContext system;
  private final ObjectMapper json;

  public Obligations(IncidentStore incidents, ObligationStore store, OrganisationProfile profile,
      NotificationClock clock, DecisionService decisionService, RuntimeService runtimeService, SystemContext system,
      ObjectMapper json) {
    this.incidents = incidents;
    this.store = store;
    this.profile = profile;
    this.clock = clock;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.system = system;
    this.json = json;
  }

  public List<Obligation> of(String incidentId) {
    return store.list(incidentId);
  }

  /** The open obligation due first (or, before its clock starts, that could be due first). */
  public Optional<Obligation> next(String incidentId) {
    return store.list(incidentId).stream().filter(o -> o.status().open() && o.dueOrWorstCase() != null)
        .min(Comparator.comparing(Obligation::dueOrWorstCase));
  }

  /** The scope is what it is now (it replaces the counts, keeps what was known): the table runs again. */
  public void scopeChanged(String incidentId, DataScope found, String actor) {
    DataScope now = scope(incidentId).with(found);
    incidents.dataScope(incidentId, toJson(now));
    incidents.recordEvent(incidentId, TimelineEvent.SCOPE_RECORDED, actor, now.describe());
    evaluate(incidentId);
  }

  /** Personal data is known to be involved. */
  public void personalDataInvolved(String incidentId) {
    incidents.dataScope(incidentId, toJson(scope(incidentId).withPersonalData()));
    evaluate(incidentId);
  }

  /** Runs the table over the incident's scope and the organisation's regimes; new obligations start. */
  public void evaluate(String incidentId) {
    Incident incident = incidents.find(incidentId).orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    Map<String, Object> inputs = scope(incidentId).decisionInputs(profile);
    List<Map<String, Object>> rows = system.call(() -> decisionService
        .evaluateDecisionTableByKey(ObligationsApi.DECISION_KEY).variables(inputs).evaluate().getResultList());
    Map<String, Obligation> known = store.list(incidentId).stream()
        .collect(Collectors.toMap(Obligation::code, o -> o));
    Set<String> found = rows.stream().map(Outputs.CODE::from).collect(Collectors.toSet());
    // determination -> the earliest any obligation waiting for it could be due: when the decision task is due (a
    // chained one has no time of its own; without any, the decision is due at once)
    Map<String, Instant> toAsk = new HashMap<>();
    for (Map<String, Object> row : rows) {
      if (!known.containsKey(Outputs.CODE.from(row))) {
        start(incident, row, known.values()).ifPresent(o -> toAsk.merge(o.determination(),
            o.worstCaseDueAt() == null ? Instant.MAX : o.worstCaseDueAt(), (a, b) -> a.isBefore(b) ? a : b));
      }
    }
    toAsk.replaceAll((determination, dueAt) -> dueAt == Instant.MAX ? incident.awareAt() : dueAt);
    toAsk.forEach((determination, dueAt) -> askForDetermination(incident, determination, dueAt));
    for (Obligation obligation : known.values()) {
      if (obligation.status().open() && !found.contains(obligation.code())) {
        withdraw(obligation, "no longer applies to the scope as it is now known");
      }
    }
  }

  /** Stores and starts one obligation; returns it when it waits for a determination with a task of its own. */
  private Optional<Obligation> start(Incident incident, Map<String, Object> row, Collection<Obligation> known) {
    Instant now = EngineClock.now();
    String determination = blank(Outputs.DETERMINATION.from(row));
    String clockStart = Outputs.CLOCK_START.from(row);
    Optional<Obligation> decided = determination == null ? Optional.empty() : known.stream()
        .filter(o -> determination.equals(o.determination()) && o.determinedAt() != null).findFirst();
    boolean notTriggered = decided.map(o -> o.status() == Status.NOT_TRIGGERED).orElse(false);
    Status status = notTriggered ? Status.NOT_TRIGGERED
        : determination != null && decided.isEmpty() ? Status.AWAITING_DETERMINATION
        : Status.DUE;
    Instant awareAt = awareness(incident, Outputs.CODE.from(row));
    String cap = blank(Outputs.DEADLINE_CAP.from(row));
    // before its clock starts: counted from awareness, or for a clock that starts at a determination and is capped
    // after awareness (DORA initial), the cap, the latest it can legally be due
    Instant worstCase = ObligationsApi.FILED.equals(clockStart) ? null
        : ObligationsApi.DETERMINED.equals(clockStart) && cap != null
            ? dueAt(cap, NotificationClock.KIND_ELAPSED, null, null, awareAt, awareAt)
        : dueAt(Outputs.DEADLINE.from(row), Outputs.DEADLINE_KIND.from(row), cap, blank(Outputs.CALENDAR.from(row)),
            awareAt, awareAt);
    Obligation obligation = new Obligation(incident.id(), Outputs.CODE.from(row), Outputs.REGULATION.from(row),
        Outputs.RECIPIENT.from(row), Outputs.AUDIENCE.from(row), clockStart, determination,
        blank(Outputs.STARTS_AFTER.from(row)), Outputs.DEADLINE.from(row), Outputs.DEADLINE_KIND.from(row),
        blank(Outputs.DEADLINE_CAP.from(row)), blank(Outputs.CALENDAR.from(row)), status, worstCase, null, null,
        decided.map(Obligation::determinedAt).orElse(null), decided.map(Obligation::determinedBy).orElse(null),
        decided.map(Obligation::determinationReasons).orElse(null), null, null, null, null, null, null, now);
    store.insert(obligation);
    decided.ifPresent(d -> store.determined(incident.id(), obligation.code(), status, d.determinedAt(),
        d.determinedBy(), d.determinationReasons()));
    incidents.recordEvent(incident.id(), TimelineEvent.OBLIGATION_FOUND, null, obligation.regulation()
        + (status == Status.AWAITING_DETERMINATION ? ": awaits the determination '" + determination + "'"
        : status == Status.NOT_TRIGGERED ? ": does not apply (" + determination + " was decided no)" : "")
        + (worstCase == null ? "" : ", due at the latest " + worstCase));
    if (status == Status.NOT_TRIGGERED) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>(row);
    IncidentResponseApi.Inputs.INCIDENT_ID.put(variables, incident.id());
    IncidentResponseApi.Inputs.AWARE_AT.put(variables, awareAt.toString());
    decided.ifPresent(d -> {
      ObligationsApi.Process.TRIGGERED.put(variables, true);
      ObligationsApi.Process.DETERMINED_AT.put(variables, d.determinedAt().toString());
    });
    String instance = system.call(() -> runtimeService.createProcessInstanceByKey(ObligationsApi.NOTIFICATION_PROCESS)
        .businessKey(incident.id()).setVariables(variables).execute().getId());
    store.processStarted(incident.id(), obligation.code(), instance);
    return status == Status.AWAITING_DETERMINATION && ObligationsApi.DECIDED_BY_OWN_TASK.contains(determination)
        ? Optional.of(obligation) : Optional.empty();
  }

  /** The awareness an obligation counts from: the breach's for personal-data obligations, once known. */
  private Instant awareness(Incident incident, String code) {
    boolean ofBreach = ObligationsApi.Code.of(code).map(ObligationsApi.Code::ofBreach).orElse(false);
    return ofBreach ? incidents.breachAwareAt(incident.id()).orElse(incident.awareAt()) : incident.awareAt();
  }

  /** One decision task per incident and determination; a later obligation waiting for the same one shares it. */
  private void askForDetermination(Incident incident, String determination, Instant dueAt) {
    boolean asked = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ObligationsApi.DETERMINATION_PROCESS).processInstanceBusinessKey(incident.id())
        .variableValueEquals(Outputs.DETERMINATION.name(), determination).count() > 0);
    if (asked) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    IncidentResponseApi.Inputs.INCIDENT_ID.put(variables, incident.id());
    IncidentResponseApi.Inputs.AWARE_AT.put(variables, incident.awareAt().toString());
    Outputs.DETERMINATION.put(variables, determination);
    ObligationsApi.Process.DETERMINATION_QUESTION.put(variables, ObligationsApi.question(determination));
    ObligationsApi.Process.DETERMINATION_DUE_AT.put(variables, Date.from(dueAt));
    system.call(() -> runtimeService.createProcessInstanceByKey(ObligationsApi.DETERMINATION_PROCESS)
        .businessKey(incident.id()).setVariables(variables).execute());
  }

  /**
   * A person decided a determination for the incident: "no" closes every obligation waiting for it with the reasons,
   * "yes" starts their clocks (at the decision, or at awareness where the law counts from there).
   */
  public void determined(String incidentId, String determination, boolean triggered, String reasons, Instant at,
      String by) {
    for (Obligation obligation : store.list(incidentId)) {
      if (!determination.equals(obligation.determination()) || obligation.status() != Status.AWAITING_DETERMINATION) {
        continue;
      }
      Status status = triggered ? Status.DUE : Status.NOT_TRIGGERED;
      store.determined(incidentId, obligation.code(), status, at, by, reasons);
      Map<String, Object> variables = new HashMap<>();
      ObligationsApi.Process.TRIGGERED.put(variables, triggered);
      ObligationsApi.Process.DETERMINED_AT.put(variables, at.toString());
      ObligationsApi.Process.DETERMINATION_REASONS.put(variables, reasons);
      tell(obligation, ObligationsApi.MESSAGE_DETERMINED, variables);
    }
    incidents.recordEvent(incidentId, TimelineEvent.OBLIGATION_DETERMINED, by, "'" + determination + "' decided "
        + (triggered ? "yes" : "no, the obligations waiting for it do not apply") + ": " + reasons);
  }

  /** The obligation's clock started (its process computed the deadline). */
  public void clockStarted(String incidentId, String code, Instant startedAt, Instant dueAt) {
    store.clockStarted(incidentId, code, startedAt, dueAt);
  }

  /** Filed: proof recorded, and the clocks of the obligations that follow it start now. */
  public void filed(String incidentId, String code, String reference, Instant at, boolean inTime, String lateReasons) {
    store.filed(incidentId, code, reference, at, inTime, lateReasons);
    for (Obligation next : store.list(incidentId)) {
      if (code.equals(next.startsAfter()) && next.status() == Status.DUE && next.clockStartedAt() == null) {
        Map<String, Object> variables = new HashMap<>();
        ObligationsApi.Process.PREDECESSOR_FILED_AT.put(variables, at.toString());
        tell(next, ObligationsApi.MESSAGE_PREDECESSOR_FILED, variables);
      }
    }
  }

  /** The due date of a deadline counted from {@code start}, at the latest {@code cap} after awareness. */
  public Instant dueAt(String deadline, String kind, String cap, String calendar, Instant start, Instant awareness) {
    return clock.due(start, awareness, new NotificationClock.Terms(deadline, kind, cap, calendar));
  }

  private void withdraw(Obligation obligation, String reason) {
    store.closed(obligation.incidentId(), obligation.code(), reason);
    incidents.recordEvent(obligation.incidentId(), TimelineEvent.OBLIGATION_WITHDRAWN, null,
        obligation.regulation() + ": " + reason);
    tell(obligation, ObligationsApi.MESSAGE_WITHDRAWN, Map.of());
  }

  private void tell(Obligation obligation, String message, Map<String, Object> variables) {
    if (obligation.processInstanceId() == null) {
      return;
    }
    system.call(() -> runtimeService.createMessageCorrelation(message)
        .processInstanceId(obligation.processInstanceId()).setVariables(variables).correlateAllWithResult());
  }

  /** What is known now of the people and data the incident concerns. */
  public DataScope scope(String incidentId) {
    String stored = incidents.dataScope(incidentId).orElse(null);
    if (stored == null) {
      return DataScope.NOTHING_KNOWN;
    }
    try {
      return json.readValue(stored, DataScope.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the data scope of " + incidentId + " is not readable", e);
    }
  }

  private String toJson(DataScope scope) {
    try {
      return json.writeValueAsString(scope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the data scope", e);
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
