package org.irfoundation.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Restricts the incident to its named team ({@code ${restrictIncident}}), e.g. when a playbook finds insider
 * indicators. Input parameter {@code restrictionReason}: what the timeline says why. Restricting a restricted incident
 * changes nothing, so a retried job is harmless.
 */
@Component("restrictIncident")
public class RestrictIncidentDelegate implements JavaDelegate {

  public static final Variable<String> RESTRICTION_REASON = Variable.of("restrictionReason", String.class);
  public static final List<Variable<?>> INPUTS = List.of(RESTRICTION_REASON);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final IncidentTeam team;

  public RestrictIncidentDelegate(IncidentTeam team) {
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    team.restrict(IncidentOfStep.of(execution), true, null, RESTRICTION_REASON.get(execution));
  }
}
