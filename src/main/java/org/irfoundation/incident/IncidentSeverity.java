package org.irfoundation.incident;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The severity is the incident's, whoever raises it: an alert, a playbook step, the DPO's assessment. A raise
 * updates the record, is on the timeline, and re-runs the escalation policy of {@code incident-response} once
 * (message {@code SeverityChanged}: newly engaged groups are notified, the status-update cadence follows). A lower
 * assessment never lowers it; only the IR lead does ({@link #set}).
 */
@Service
public class IncidentSeverity {

  /** Published once the record holds the new severity (raised or lowered), e.g. to re-prioritise open tasks. */
  public record Changed(String incidentId, Severity severity) {}

  private final IncidentStore store;
  private final IncidentTeam team;
  private final RuntimeService runtimeService;
  private final SystemContext system;
  private final ApplicationEventPublisher events;

  public IncidentSeverity(IncidentStore store, IncidentTeam team, RuntimeService runtimeService, SystemContext system,
      ApplicationEventPublisher events) {
    this.store = store;
    this.team = team;
    this.runtimeService = runtimeService;
    this.system = system;
    this.events = events;
  }

  /**
   * Raises the severity to {@code severity} when that is higher; {@code facts} (may be empty) go to the process with
   * it (an alert's indicators). Returns the incident's severity afterwards.
   */
  public Severity raise(String incidentId, Severity severity, String reason, String actor, Map<String, Object> facts) {
    Incident incident = store.find(incidentId).orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    Severity current = Severity.orNull(incident.severity());
    if (!severity.isHigherThan(current)) {
      return current;
    }
    change(incident, current, severity, reason, actor, facts);
    return severity;
  }

  /** The IR lead's decision: any severity, also a lower one; the escalation policy runs again when it is higher. */
  public Severity set(String incidentId, Severity severity, String reason, String actor) {
    Incident incident = store.find(incidentId).orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    Severity current = Severity.orNull(incident.severity());
    if (severity == current) {
      return current;
    }
    if (severity.isHigherThan(current)) {
      change(incident, current, severity, reason, actor, Map.of());
    } else {
      store.severityChanged(incidentId, severity.name(), severity.responseSla());
      system.call(() -> {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incidentId)
            .processDefinitionKey(IncidentResponseApi.PROCESS_KEY).active().list()
            .forEach(pi -> {
              Decided.SEVERITY.setOn(runtimeService, pi.getId(), severity.name());
              Decided.RESPONSE_SLA.setOn(runtimeService, pi.getId(), severity.responseSla());
            });
        return null;
      });
      store.recordEvent(incidentId, TimelineEvent.SEVERITY_CHANGED, actor, current + " -> " + severity
          + " (lowered by the IR lead)" + why(reason));
      events.publishEvent(new Changed(incidentId, severity));
    }
    return severity;
  }

  private void change(Incident incident, Severity from, Severity to, String reason, String actor,
      Map<String, Object> facts) {
    store.severityChanged(incident.id(), to.name(), to.responseSla());
    Map<String, Object> variables = new HashMap<>(facts);
    Decided.SEVERITY.put(variables, to.name());
    Decided.RESPONSE_SLA.put(variables, to.responseSla());
    MessageCorrelationResultWithVariables reassessed = system.call(() -> runtimeService
        .createMessageCorrelation(IncidentResponseApi.MESSAGE_SEVERITY_CHANGED).processInstanceBusinessKey(incident.id())
        .setVariables(variables).correlateWithResultAndVariables(true));
    team.engaged(incident.id(), Decided.ENGAGED_GROUPS.from(reassessed.getVariables()));
    store.recordEvent(incident.id(), TimelineEvent.SEVERITY_CHANGED, actor, from + " -> " + to + why(reason));
    events.publishEvent(new Changed(incident.id(), to));
  }

  private static String why(String reason) {
    return reason == null || reason.isBlank() ? "" : ": " + reason.trim();
  }
}
