package org.irfoundation.incident;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentResponseApi.Breach;
import org.springframework.stereotype.Service;

/**
 * The moment anyone records that personal data is involved — a playbook step, an alert, the report — awareness of the
 * breach is recorded and the data-breach playbook starts in parallel with the incident's own playbook (message
 * {@code PersonalDataConfirmed} to {@code incident-response}), its clocks counting from that moment, and the
 * obligations the personal data brings are found ({@link Obligations}). Once per
 * incident: a second confirmation, or an incident whose own playbook is the data-breach one, changes nothing.
 */
@Service
public class PersonalDataHandOff {

  private final IncidentStore store;
  private final Obligations obligations;
  private final RuntimeService runtimeService;
  private final SystemContext system;

  public PersonalDataHandOff(IncidentStore store, Obligations obligations, RuntimeService runtimeService,
      SystemContext system) {
    this.store = store;
    this.obligations = obligations;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** Personal data is involved; true when this started the data-breach playbook. */
  public boolean confirmed(String incidentId, String source, String actor) {
    Incident incident = store.find(incidentId).orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    if (IncidentResponseApi.DATA_BREACH_PLAYBOOK.equals(incident.playbook())) {
      breachStarted(incidentId, incident.awareAt());
      return false;
    }
    Instant now = EngineClock.now();
    if (!store.breachAware(incidentId, now)) {
      return false;
    }
    store.recordEvent(incidentId, TimelineEvent.AWARENESS_RECORDED, actor, "Personal data involved ("
        + (source == null || source.isBlank() ? "recorded" : source.trim()) + "): the data-breach playbook starts,"
        + " its clocks count from " + now);
    Map<String, Object> variables = new HashMap<>();
    Breach.BREACH_AWARE_AT.put(variables, now.toString());
    Breach.BREACH_RUNNING.put(variables, true);
    IncidentResponseApi.Inputs.PERSONAL_DATA.put(variables, true);
    system.call(() -> runtimeService.createMessageCorrelation(IncidentResponseApi.MESSAGE_PERSONAL_DATA_CONFIRMED)
        .processInstanceBusinessKey(incidentId)
        .setVariables(variables).correlateWithResult());
    obligations.personalDataInvolved(incidentId);
    return true;
  }

  /** The data-breach playbook runs (as the incident's own playbook, or handed over): no second one will start. */
  public void breachStarted(String incidentId, Instant awareAt) {
    store.breachAware(incidentId, awareAt);
  }
}
