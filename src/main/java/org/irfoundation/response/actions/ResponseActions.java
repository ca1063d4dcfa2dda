package org.irfoundation.response.actions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.irfoundation.connector.ConnectorException;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.actions.ResponseActionApi.Result;
import org.irfoundation.response.actions.ResponseActionApi.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs the playbooks' response actions through the configured adapters ({@link ActionPort} beans, picked by
 * {@link ActionPort#supports}; by system name where two support the action) and puts every step on the incident's
 * timeline: who approved, the request sent, the API's answer. An exercise incident sends nothing: the adapter's
 * {@link ActionPort#preview} is recorded as "would have done". No adapter is a normal outcome: a person acts.
 * Disruptive actions wait for an approval unless the escalation policy's {@code standingAuthority} names them for
 * the incident as it is now (severity, domain, category).
 */
@Service
public class ResponseActions {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseActions.class);
  static final String ESCALATION_POLICY = "escalation-policy";
  static final String STANDING_AUTHORITY = "standingAuthority";
  static final int DETAIL_MAX = 2000;

  private final List<ActionPort> adapters;
  private final Incidents incidents;
  private final IncidentLifecycle timeline;
  private final DecisionService decisions;
  private final ActionLedger ledger;
  private final SnapshotCustody custody;

  /** Every configured adapter bean; none is a normal set-up (every step is done by hand). */
  @Autowired
  public ResponseActions(ObjectProvider<ActionPort> adapters, Incidents incidents, IncidentLifecycle timeline,
      DecisionService decisions, ActionLedger ledger, SnapshotCustody custody) {
    this(adapters.orderedStream().toList(), incidents, timeline, decisions, ledger, custody);
  }

  public ResponseActions(List<ActionPort> adapters, Incidents incidents, IncidentLifecycle timeline,
      DecisionService decisions, ActionLedger ledger, SnapshotCustody custody) {
    this.adapters = List.copyOf(adapters);
    this.incidents = incidents;
    this.timeline = timeline;
    this.decisions = decisions;
    this.ledger = ledger;
    this.custody = custody;
  }

  /** How the action will run; {@code label} names action, target and system for the approval and the manual task. */
  public record Plan(Route route, String label, String message) {}

  /** How it ended: the message is the API's answer or why a person has to act; references as the product gave them. */
  public record Outcome(Result result, String message, List<String> references) {}

  /** Decides the route, and records on the timeline when nothing can be automated. */
  public Plan plan(ActionRequest request, String system) {
    String label = label(request, null);
    if (request.target().isBlank()) {
      // nothing named to act on (not at triage, or not this case's kind): not news for the timeline
      return new Plan(Route.NOT_AUTOMATED, label, "the target of " + request.action() + " is not known");
    }
    List<ActionPort> candidates = candidates(request.action(), system);
    if (candidates.isEmpty()) {
      return notAutomated(request, label, "no adapter for " + request.action() + " is configured"
          + (blank(system) ? "" : " for " + system));
    }
    label = label(request, candidates.get(0).system());
    if (candidates.size() > 1) {
      return new Plan(Route.BY_HAND, label(request, null), "several adapters support " + request.action() + " ("
          + String.join(", ", candidates.stream().map(ActionPort::system).toList())
          + "): the step's system (actionSystem) must name one");
    }
    if (request.action().disruptive() && !standingAuthority(request)) {
      return new Plan(Route.APPROVE, label, null);
    }
    return new Plan(Route.RUN, label, null);
  }

  /** The approval task's answer, on the timeline with who gave it. */
  public void decided(ActionRequest request, String system, boolean approved, String actor, String note) {
    String detail = label(request, candidates(request.action(), system).stream().findFirst()
        .map(ActionPort::system).orElse(null)) + (blank(note) ? "" : ": " + note);
    timeline.recordEvent(request.incidentId(), approved ? TimelineEvent.RESPONSE_ACTION_APPROVED
        : TimelineEvent.RESPONSE_ACTION_REFUSED, actor, clip(detail));
  }

  /**
   * Runs it (an exercise: records the preview). {@code actionKey} is the same for every retry of the step, which
   * then finds what an earlier attempt sent instead of sending it again. A denial, or a failure on the last attempt,
   * comes back as FAILED with the API's message; earlier failures are thrown for the job executor to retry.
   *
   * @param approvedBy who approved, null under standing authority or for an action that needs none
   */
  public Outcome run(ActionRequest request, String system, String approvedBy, String actionKey, boolean lastAttempt) {
    List<ActionPort> candidates = candidates(request.action(), system);
    if (candidates.size() != 1) {
      String message = candidates.isEmpty() ? "no adapter for " + request.action() + " is configured any more"
          : "several adapters support " + request.action() + ": the step's system must name one";
      return failed(request, null, message);
    }
    ActionPort adapter = candidates.get(0);
    String why = approvedBy != null ? "approved by " + approvedBy
        : request.action().disruptive() ? "under the escalation policy's standing authority" : "needs no approval";
    if (incidents.isExercise(request.incidentId())) {
      ActionCall call = adapter.preview(request);
      timeline.recordEvent(request.incidentId(), TimelineEvent.RESPONSE_ACTION_WOULD_HAVE, null,
          clip(label(request, adapter.system()) + ", " + why + ": would have sent " + describe(call)));
      return new Outcome(Result.WOULD_HAVE, "exercise: nothing was sent", List.of());
    }
    var earlier = ledger.sent(actionKey);
    if (earlier.isPresent()) {
      LOG.info("{} of {} was sent by an earlier attempt ({}); not sent again", request.action(), request.incidentId(),
          actionKey);
      return executed(request, earlier.get(), why + "; an earlier attempt of this step sent it, not sent again");
    }
    ActionOutcome outcome;
    try {
      outcome = adapter.execute(request);
    } catch (ConnectorException e) {
      if (e.retryIsUseless() || lastAttempt) {
        return failed(request, adapter.system(), e.getMessage());
      }
      throw e;
    } catch (RuntimeException e) {
      if (lastAttempt) {
        return failed(request, adapter.system(), e.getMessage());
      }
      throw e;
    }
    ledger.record(actionKey, request, outcome);
    return executed(request, outcome, why);
  }

  private Outcome executed(ActionRequest request, ActionOutcome outcome, String why) {
    if (request.action() == ResponseAction.SNAPSHOT_HOST) {
      custody.recordSnapshots(request, outcome);
    }
    timeline.recordEvent(request.incidentId(), TimelineEvent.RESPONSE_ACTION_EXECUTED, null,
        clip(label(request, outcome.system()) + ", " + why + ": sent " + describe(outcome.call()) + "; answer: "
            + outcome.answer() + (outcome.changed() ? "" : " (already so: nothing changed)")
            + (outcome.references().isEmpty() ? "" : "; references " + String.join(", ", outcome.references()))));
    return new Outcome(Result.EXECUTED, outcome.answer(), outcome.references());
  }

  private Outcome failed(ActionRequest request, String system, String message) {
    String text = Objects.requireNonNullElse(message, "no message");
    timeline.recordEvent(request.incidentId(), TimelineEvent.RESPONSE_ACTION_FAILED, null,
        clip(label(request, system) + ": " + text + "; a person does it"));
    return new Outcome(Result.FAILED, text, List.of());
  }

  private Plan notAutomated(ActionRequest request, String label, String why) {
    timeline.recordEvent(request.incidentId(), TimelineEvent.RESPONSE_ACTION_NOT_AUTOMATED, null,
        clip(label + ": " + why + "; the playbook's task does it"));
    return new Plan(Route.NOT_AUTOMATED, label, why);
  }

  /** The configured adapters that support it, narrowed to {@code system} when it is given. */
  List<ActionPort> candidates(ResponseAction action, String system) {
    return adapters.stream().filter(a -> a.supports(action))
        .filter(a -> blank(system) || a.system().equalsIgnoreCase(system.strip())).toList();
  }

  /** Whether the escalation policy, for the incident as it is now, lets the action run without an approval. */
  boolean standingAuthority(ActionRequest request) {
    Incident incident = incidents.find(request.incidentId()).orElse(null);
    if (incident == null || incident.severity() == null) {
      return false;
    }
    VariableMap inputs = Variables.createVariables().putValue(Decided.SEVERITY.name(), incident.severity())
        .putValue(IncidentResponseApi.Inputs.DOMAIN.name(), incident.domain())
        .putValue(IncidentResponseApi.Inputs.CATEGORY.name(), incident.category());
    List<Map<String, Object>> rows = decisions.evaluateDecisionTableByKey(ESCALATION_POLICY, inputs)
        .getResultList();
    Object granted = rows.isEmpty() ? null : rows.get(0).get(STANDING_AUTHORITY);
    return granted instanceof String names && List.of(names.split(",")).stream().map(String::strip)
        .anyMatch(request.action().name()::equals);
  }

  /** "Deactivate access key AKIA... (userName=j.doe) with AWS IAM". */
  static String label(ActionRequest request, String system) {
    String words = request.action().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String parameters = request.parameters().isEmpty() ? "" : " (" + String.join(", ", request.parameters()
        .entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList())
        + ")";
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " "
        + (request.target().isBlank() ? "(target not known)" : request.target()) + parameters
        + (system == null ? "" : " with " + system);
  }

  static String describe(ActionCall call) {
    return call == null ? "(no request)" : call.operation() + " to " + call.endpoint()
        + (blank(call.body()) ? "" : " [" + call.body() + "]");
  }

  static String clip(String text) {
    return JdbcActionLedger.clip(text, DETAIL_MAX);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
