package org.irfoundation.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the incident record ({@code ${closeIncident}}). {@link IncidentLifecycle#close} records the CLOSED
 * timeline entry itself (once: closing a closed incident changes nothing), so this delegate records none.
 */
@Component("closeIncident")
public class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentLifecycle lifecycle;

  public CloseIncidentDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(IncidentOfStep.of(execution));
  }
}
