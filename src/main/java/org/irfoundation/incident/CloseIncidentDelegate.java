package org.irfoundation.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Closes the incident record ({@code ${closeIncident}}). {@link IncidentLifecycle#close} records the CLOSED
 * timeline entry itself (once: closing a closed incident changes nothing), so this delegate records none.
 */
@Component("closeIncident")
public class CloseIncidentDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final IncidentLifecycle lifecycle;

  public CloseIncidentDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(IncidentOfStep.of(execution));
  }
}
