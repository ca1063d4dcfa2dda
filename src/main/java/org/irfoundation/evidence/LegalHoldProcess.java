package org.irfoundation.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.LegalHoldApi.Variables;
import org.irfoundation.evidence.LegalHolds.Hold;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.Incidents;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code legal-hold} process of a new hold (business key = incident id) with what its notice and review
 * need: the hold, the incident record, and the references and acknowledge SLA its {@code incident-response} keeps.
 * A process only sees its own variables, so they are copied in at start.
 */
@Component
class LegalHoldProcess {

  /** Kept by the incident's own process; "(not set)" in the notice where it has none. */
  static final List<Variable<String>> FROM_INCIDENT_PROCESS = List.of(Refs.TICKET_REF, Refs.WAR_ROOM_REF,
      Decided.ACKNOWLEDGE_SLA);

  private final Incidents incidents;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SystemContext system;

  LegalHoldProcess(Incidents incidents, RuntimeService runtimeService, HistoryService historyService,
      SystemContext system) {
    this.incidents = incidents;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.system = system;
  }

  /** Starts the process of the hold, which must have just been placed; returns its instance id. */
  String start(Hold hold) {
    Incident incident = incidents.find(hold.incidentId())
        .orElseThrow(() -> new IllegalStateException("no incident " + hold.incidentId()));
    Map<String, Object> variables = new HashMap<>();
    Inputs.INCIDENT_ID.put(variables, incident.id());
    Inputs.TITLE.put(variables, incident.title());
    Decided.SEVERITY.put(variables, incident.severity());
    Inputs.DETECTED_AT.put(variables, incident.detectedAt() == null ? null : incident.detectedAt().toString());
    Variables.REASON.put(variables, hold.reason());
    Variables.PLACED_AT.put(variables, hold.placedAt().toString());
    Variables.CUSTODIAN_GROUPS.put(variables, String.join(",", hold.groups()));
    Variables.CUSTODIAN_ADDRESSES.put(variables, String.join(",", hold.addresses()));
    return system.call(() -> {
      variables.putAll(ofIncidentProcess(incident.processInstanceId()));
      return runtimeService.createProcessInstanceByKey(LegalHoldApi.PROCESS_KEY).businessKey(incident.id())
          .setVariables(variables).execute().getId();
    });
  }

  private Map<String, Object> ofIncidentProcess(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    if (processInstanceId == null) {
      return values;
    }
    String[] names = FROM_INCIDENT_PROCESS.stream().map(Variable::name).toArray(String[]::new);
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(names).list()) {
      if (variable.getValue() instanceof String value) {
        values.put(variable.getName(), value);
      }
    }
    return values;
  }
}
