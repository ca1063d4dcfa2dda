package org.irfoundation.incident;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.springframework.stereotype.Component;

/**
 * Raises the incident's severity from a playbook step ({@code ${raiseSeverity}}): input parameters
 * {@code newSeverity} (P1..P4, required) and {@code severityReason}. A lower value than the incident's changes
 * nothing; {@code severity} is the incident's afterwards, also in this process. Safe to retry.
 */
@Component("raiseSeverity")
public class RaiseSeverityDelegate implements JavaDelegate {

  public static final Variable<String> NEW_SEVERITY = Variable.of("newSeverity", String.class);
  public static final Variable<String> SEVERITY_REASON = Variable.of("severityReason", String.class);
  public static final List<Variable<?>> INPUTS = List.of(NEW_SEVERITY, SEVERITY_REASON);
  public static final List<Variable<?>> OUTPUTS = List.of(Decided.SEVERITY);

  private final IncidentSeverity severity;

  public RaiseSeverityDelegate(IncidentSeverity severity) {
    this.severity = severity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Severity now = severity.raise(IncidentOfStep.of(execution),
        Severity.of(NEW_SEVERITY.required(execution, "Raise severity")), SEVERITY_REASON.get(execution), null,
        Map.of());
    Decided.SEVERITY.set(execution, now.name());
  }
}
