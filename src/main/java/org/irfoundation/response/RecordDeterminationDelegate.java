package org.irfoundation.response;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.springframework.stereotype.Component;

/**
 * Records a determination ({@code ${recordDetermination}}) right after the person made it, in their transaction (so
 * the actor is known): {@code determinationDecision} yes or no, {@code determinationReasons}, {@code determinedAt}
 * (now when left empty). Every obligation of the incident waiting for that determination follows it.
 */
@Component("recordDetermination")
public class RecordDeterminationDelegate implements JavaDelegate {

  /** The person's answer in the form: yes or no. */
  public static final Variable<String> DECISION = Variable.of("determinationDecision", String.class);
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final Obligations obligations;
  private final SystemContext system;

  public RecordDeterminationDelegate(Obligations obligations, SystemContext system) {
    this.obligations = obligations;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String at = ObligationsApi.Process.DETERMINED_AT.get(execution);
    Instant determinedAt = at == null || at.isBlank() ? EngineClock.now() : NotificationClock.parse(at);
    obligations.determined(IncidentOfStep.of(execution), ObligationsApi.Outputs.DETERMINATION.get(execution),
        "yes".equals(DECISION.get(execution)), ObligationsApi.Process.DETERMINATION_REASONS.get(execution),
        determinedAt, system.currentUserId());
  }
}
