package org.irfoundation.response;

import static org.irfoundation.response.DataBreachApi.Vars.GDPR_RISK;
import static org.irfoundation.response.DataBreachApi.Vars.INDIVIDUALS_TO_NOTIFY;
import static org.irfoundation.response.DataBreachApi.Vars.NOTIFICATION_REASONS;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Records the breach's notification decision ({@code ${recordBreachDecision}}), in the transaction of the person who
 * made it: the GDPR determinations "risk" (Art. 33) and "high risk" (Art. 34) with the reasons, so the obligations
 * waiting for them start their clocks or close as not triggered; the decision on the timeline. Writes
 * {@code individualsToNotify}: an obligation to notify people applies. A decision without the GDPR risk while a GDPR
 * obligation waits for it is refused (the task stays open).
 */
@Component("recordBreachDecision")
public class RecordBreachDecisionDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(INDIVIDUALS_TO_NOTIFY);
  static final Set<String> TO_PEOPLE = Set.of("individuals");

  private final Obligations obligations;
  private final IncidentLifecycle lifecycle;
  private final SystemContext system;

  public RecordBreachDecisionDelegate(Obligations obligations, IncidentLifecycle lifecycle, SystemContext system) {
    this.obligations = obligations;
    this.lifecycle = lifecycle;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    String risk = GDPR_RISK.get(execution);
    String reasons = NOTIFICATION_REASONS.get(execution);
    Instant now = EngineClock.now();
    String by = system.currentUserId();
    if (risk == null || risk.isBlank()) {
      boolean gdprWaits = obligations.of(incidentId).stream().anyMatch(o -> o.status()
          == Obligation.Status.AWAITING_DETERMINATION && (ObligationsApi.RISK.equals(o.determination())
          || ObligationsApi.HIGH_RISK.equals(o.determination())));
      if (gdprWaits) {
        throw FormRefusal.of(GDPR_RISK.name(), "gdprRisk is required: GDPR obligations wait for the risk to people");
      }
    } else {
      obligations.determined(incidentId, ObligationsApi.RISK, !DataBreachApi.GDPR_UNLIKELY.equals(risk), reasons,
          now, by);
      obligations.determined(incidentId, ObligationsApi.HIGH_RISK, DataBreachApi.GDPR_RISK_HIGH.equals(risk),
          reasons, now, by);
    }
    lifecycle.recordEvent(incidentId, TimelineEvent.NOTIFICATION_DECIDED, by, "Risk to people (GDPR): "
        + (risk == null ? "not asked (no EU/EEA residents)" : risk) + ". Reasons: " + reasons);
    INDIVIDUALS_TO_NOTIFY.set(execution, obligations.of(incidentId).stream().anyMatch(o -> TO_PEOPLE.contains(
        o.audience()) && (o.status() == Obligation.Status.DUE || o.status() == Obligation.Status.FILED)));
  }
}
