package org.irfoundation.intake;

import static org.irfoundation.incident.IncidentResponseApi.Decided;
import static org.irfoundation.incident.IncidentResponseApi.Inputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.DataScope;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.IncidentSeverity;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.PersonalDataHandOff;
import org.irfoundation.incident.Severity;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.intake.IncidentReport.Category;
import org.irfoundation.intake.IncidentReport.Indicators;
import org.irfoundation.intake.IncidentViews.AlertOutcome;
import org.irfoundation.intake.IncidentViews.IncidentSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door: reports and alerts become incidents with an {@code incident-response} process. A report
 * is classified inside its own transaction, so the answer carries severity and playbook, and nothing is
 * stored when anything fails.
 */
@Service
public class IncidentIntake {

  /** Runs of a batch of alerts that lost a race (a fingerprint claimed, or a deadlock on PostgreSQL) before it fails. */
  static final int DUPLICATE_RETRIES = 5;

  private final IncidentStore store;
  private final IncidentTeam team;
  private final IncidentSeverity severity;
  private final PersonalDataHandOff handOff;
  private final Obligations obligations;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final SystemContext system;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final AlertFolding folding;

  public IncidentIntake(IncidentStore store, IncidentTeam team, IncidentSeverity severity, PersonalDataHandOff handOff,
      Obligations obligations, RuntimeService runtimeService, DecisionService decisionService,
      SystemContext system, TransactionTemplate transaction, ObjectMapper json, AlertFolding folding) {
    this.store = store;
    this.team = team;
    this.severity = severity;
    this.handOff = handOff;
    this.obligations = obligations;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.system = system;
    this.transaction = transaction;
    this.json = json;
    this.folding = folding;
  }

  public record Reported(IncidentSummary incident, boolean created) {}

  /** Reports an incident; the same {@code externalRef} always answers with the same incident. */
  public Reported report(IncidentReport report, String actor) {
    Optional<Reported> known = byExternalRef(report.externalRef());
    if (known.isPresent()) {
      return known.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        // the number in a transaction of its own: the counter's row lock ends before the process start (three
        // decisions) instead of queueing every concurrent report behind it; a report that then fails leaves a gap
        // in the numbers, never a duplicate
        String id = transaction.execute(status -> store.nextId(EngineClock.now().atZone(ZoneOffset.UTC).getYear()));
        return transaction.execute(status -> new Reported(open(report, actor, id, none -> { }), true));
      } catch (DuplicateKeyException e) {
        // the same externalRef reported concurrently, or the year's first number taken by another report: the
        // first finds that incident, the second gets the next number when run again
        known = byExternalRef(report.externalRef());
        if (known.isPresent()) {
          return known.get();
        }
        if (attempt == DUPLICATE_RETRIES) {
          throw e;
        }
      }
    }
  }

  /**
   * Takes a batch of alerts in one transaction, folded per fingerprint ({@link AlertFolding}). Two batches opening
   * the same new fingerprint at once: the later one fails on the fingerprint's key and is run again, then finding
   * the incident; a batch the database chose as a deadlock's victim (rolled back whole) is run again too.
   */
  public List<AlertOutcome> receive(List<AlertReport> alerts, String actor) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> folding.fold(alerts, actor, alert -> openFor(alert, actor),
            (id, alert) -> addIndicators(id, alert, actor)));
      } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
        if (attempt == DUPLICATE_RETRIES) {
          throw e;
        }
      }
    }
  }

  /**
   * Reports the incident of an exercise: marked as one before its process starts (its first ticket, war room and
   * notices already go to the exercise's places and people), with the alert fingerprints of the scenario claimed for
   * it, so that its injects' alerts join it and no real alert does. Idempotent by {@code externalRef} (the exercise id).
   */
  public Reported reportExercise(IncidentReport report, String actor, List<String> fingerprints) {
    Optional<Reported> known = byExternalRef(report.externalRef());
    if (known.isPresent()) {
      return known.get();
    }
    return transaction.execute(status -> new Reported(open(report, actor, id -> {
      store.markExercise(id);
      fingerprints.forEach(fingerprint -> store.claimFingerprint(fingerprint, id));
    }), true));
  }

  private Optional<Reported> byExternalRef(String externalRef) {
    return Optional.ofNullable(externalRef).flatMap(store::findByExternalRef)
        .map(row -> new Reported(IncidentSummary.of(row), false));
  }

  private IncidentSummary open(IncidentReport report, String actor) {
    return open(report, actor, id -> { });
  }

  private IncidentSummary open(IncidentReport report, String actor, Consumer<String> beforeStart) {
    return open(report, actor, store.nextId(EngineClock.now().atZone(ZoneOffset.UTC).getYear()), beforeStart);
  }

  private IncidentSummary open(IncidentReport report, String actor, String id, Consumer<String> beforeStart) {
    Instant now = EngineClock.now();
    Instant awareAt = report.awareAt() != null ? report.awareAt() : now;
    store.insert(new Incident(id, report.title(), report.description(), report.category().name(),
        report.domain() == null ? null : report.domain().name(), report.detectedAt(), awareAt, now,
        report.reporter() != null ? report.reporter() : actor, report.source(), report.externalRef(), null, null,
        null, Incident.OPEN, null, null, toJson(report), actor, report.restricted()));
    store.recordEvent(id, TimelineEvent.REPORTED, actor, "Reported" + (report.source() == null ? "" : " by " + report.source()));
    if (report.restricted()) {
      // before the process starts: its first tasks already go to named people only
      store.recordEvent(id, TimelineEvent.RESTRICTED, actor, "Restricted by the report: only the people the IR"
          + " lead names see it");
    }

    beforeStart.accept(id);
    Map<String, Object> variables = decisionInputs(report.impact(), report.indicators());
    Inputs.INCIDENT_ID.put(variables, id);
    Inputs.TITLE.put(variables, report.title());
    Inputs.CATEGORY.put(variables, report.category().name());
    Inputs.DOMAIN.put(variables, report.domain() == null ? null : report.domain().name());
    Inputs.DETECTED_AT.put(variables, report.detectedAt().toString());
    Inputs.AWARE_AT.put(variables, awareAt.toString());
    ProcessInstanceWithVariables instance = system.call(() -> runtimeService
        .createProcessInstanceByKey(IncidentResponseApi.PROCESS_KEY).businessKey(id)
        .setVariables(variables).executeWithVariablesInReturn());
    VariableMap decided = instance.getVariables();
    String severity = Decided.SEVERITY.from(decided);
    String playbook = Decided.PLAYBOOK_KEY.from(decided);
    store.classified(id, severity, Decided.RESPONSE_SLA.from(decided), playbook, instance.getId());
    team.engaged(id, Decided.ENGAGED_GROUPS.from(decided));
    if (IncidentResponseApi.DATA_BREACH_PLAYBOOK.equals(playbook)) {
      handOff.breachStarted(id, awareAt); // its own playbook is the breach one: no second one in parallel
    }
    store.recordEvent(id, TimelineEvent.CLASSIFIED, null, "Severity " + severity + ", respond within "
        + Decided.RESPONSE_SLA.from(decided) + (playbook == null ? ", playbook to be chosen by the IR lead"
        : ", playbook " + playbook));
    boolean personalData = report.indicators().personalData() || report.category() == Category.DATA_BREACH
        || report.impact().information() == IncidentReport.InformationImpact.PRIVACY;
    obligations.scopeChanged(id, report.dataSubjects() == null
        ? (personalData ? DataScope.NOTHING_KNOWN.withPersonalData() : DataScope.NOTHING_KNOWN)
        : report.dataSubjects().scope(personalData), actor);
    if (report.indicators().personalData()) {
      handOff.confirmed(id, "the report", actor);
    }
    return IncidentSummary.of(store.find(id).orElseThrow());
  }

  private String openFor(AlertReport alert, String actor) {
    IncidentReport report = new IncidentReport(alert.title(), "Opened by alert " + alert.fingerprint(),
        alert.category(), null, alert.observedAt(), null, actor, alert.source(), null, null,
        alert.indicators(), null, null, null, false);
    return open(report, actor).id();
  }

  /** An alert of an open incident with indicators it may not know yet: merged into its report, severity decided. */
  private AlertOutcome.Action addIndicators(String id, AlertReport alert, String actor) {
    Incident incident = store.find(id).orElseThrow();
    IncidentReport known = fromJson(incident.report());
    Indicators merged = known.indicators().union(alert.indicators());
    if (merged.equals(known.indicators())) {
      return AlertOutcome.Action.RECORDED;
    }
    IncidentReport updated = withIndicators(known, merged);
    store.reportUpdated(id, toJson(updated));
    if (merged.personalData() && !known.indicators().personalData()) {
      handOff.confirmed(id, "alert " + alert.fingerprint(), actor);
    }
    Map<String, Object> inputs = decisionInputs(updated.impact(), merged);
    Severity assessed = Severity.of(system.call(() -> decisionService
        .evaluateDecisionTableByKey(IncidentResponseApi.DECISION_SEVERITY).variables(inputs).evaluate()
        .getSingleResult().<String>getEntry(Decided.SEVERITY.name())));
    Severity before = Severity.orNull(incident.severity());
    Severity after = severity.raise(id, assessed, "after alert " + alert.fingerprint(), actor, inputs);
    return after == before ? AlertOutcome.Action.RECORDED : AlertOutcome.Action.ESCALATED;
  }

  /** The inputs of the incident-severity decision, by the names the decision reads. */
  static Map<String, Object> decisionInputs(IncidentReport.Impact impact, Indicators indicators) {
    Map<String, Object> variables = new HashMap<>();
    Inputs.FUNCTIONAL_IMPACT.put(variables, impact.functional().name());
    Inputs.INFORMATION_IMPACT.put(variables, impact.information().name());
    Inputs.RECOVERABILITY.put(variables, impact.recoverability().name());
    Inputs.ACTOR_ACTIVE.put(variables, indicators.actorActive());
    Inputs.EXFILTRATION.put(variables, indicators.exfiltration());
    Inputs.PRIVILEGED_ACCOUNT.put(variables, indicators.privilegedAccount());
    Inputs.ROOT_ACCOUNT.put(variables, indicators.rootAccount());
    Inputs.ACCOUNTS_AFFECTED.put(variables, indicators.accountsAffected());
    Inputs.PRODUCTION_AFFECTED.put(variables, indicators.productionAffected());
    Inputs.ENCRYPTION_OBSERVED.put(variables, indicators.encryptionObserved());
    Inputs.PERSONAL_DATA.put(variables, indicators.personalData());
    Inputs.CREDENTIALS_PUBLIC.put(variables, indicators.credentialsPublic());
    Inputs.PERSISTENCE_FOUND.put(variables, indicators.persistenceFound());
    Inputs.LATERAL_MOVEMENT.put(variables, indicators.lateralMovement());
    return variables;
  }

  private static IncidentReport withIndicators(IncidentReport r, Indicators indicators) {
    return new IncidentReport(r.title(), r.description(), r.category(), r.domain(), r.detectedAt(), r.awareAt(),
        r.reporter(), r.source(), r.externalRef(), r.impact(), indicators, r.dataSubjects(), r.affectedAssets(),
        r.affectedUsers(), r.restricted());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write incident data as JSON", e);
    }
  }

  private IncidentReport fromJson(String report) {
    try {
      return json.readValue(report, IncidentReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored incident report is not readable", e);
    }
  }
}
