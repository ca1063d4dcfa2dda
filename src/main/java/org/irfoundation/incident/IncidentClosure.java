package org.irfoundation.incident;

import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Service;

/**
 * Closing an incident: the record is closed ({@link IncidentLifecycle#close}) and every process of the incident that
 * waits for the closure hears of it (message {@code IncidentClosed}, business key = incident id), e.g. a legal hold,
 * whose review by legal starts then. None waiting is fine; closing again tells nobody twice (they wait no more).
 */
@Service
public class IncidentClosure {

  private final IncidentLifecycle lifecycle;
  private final RuntimeService runtimeService;
  private final SystemContext system;

  public IncidentClosure(IncidentLifecycle lifecycle, RuntimeService runtimeService, SystemContext system) {
    this.lifecycle = lifecycle;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  public void close(String incidentId) {
    lifecycle.close(incidentId);
    system.call(() -> runtimeService.createMessageCorrelation(IncidentResponseApi.MESSAGE_INCIDENT_CLOSED)
        .processInstanceBusinessKey(incidentId).correlateAllWithResult());
  }
}
