package org.irfoundation.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Closes the incident ({@code ${closeIncident}}) through {@link IncidentClosure}: the record, and whatever waits for
 * the closure. {@link IncidentLifecycle#close} records the CLOSED timeline entry itself (once: closing a closed
 * incident changes nothing), so this delegate records none.
 */
@Component("closeIncident")
public class CloseIncidentDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final IncidentClosure closure;

  public CloseIncidentDelegate(IncidentClosure closure) {
    this.closure = closure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closure.close(IncidentOfStep.of(execution));
  }
}
