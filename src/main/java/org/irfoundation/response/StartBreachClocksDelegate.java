package org.irfoundation.response;

import static org.irfoundation.incident.IncidentResponseApi.Inputs.AWARE_AT;
import static org.irfoundation.response.DataBreachApi.Vars.DPO_NOTICE_DUE_AT;
import static org.irfoundation.response.DataBreachApi.Vars.NOTIFICATION_DECISION_DUE_AT;
import static org.irfoundation.response.DataBreachApi.Vars.SEVERITY_DUE_AT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Starts the data-breach clocks from the awareness time ({@code ${startBreachClocks}}): {@code awareAt} (set now
 * if the incident has none), DPO notice due 1 h, severity 2 h and notification decision 24 h after it. The awareness
 * goes on the timeline, unless the breach was handed over: the hand-off recorded it at that moment.
 */
@Component("startBreachClocks")
public class StartBreachClocksDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(AWARE_AT, DPO_NOTICE_DUE_AT, SEVERITY_DUE_AT,
      NOTIFICATION_DECISION_DUE_AT);

  private final IncidentLifecycle lifecycle;

  public StartBreachClocksDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String awareAt = AWARE_AT.get(execution);
    Instant aware = awareAt == null || awareAt.isBlank() ? EngineClock.now()
        : NotificationClock.parse(awareAt);
    AWARE_AT.set(execution, aware.toString());
    DPO_NOTICE_DUE_AT.set(execution, Date.from(aware.plus(DataBreachApi.DPO_NOTICE_WITHIN)));
    SEVERITY_DUE_AT.set(execution, Date.from(aware.plus(DataBreachApi.SEVERITY_WITHIN)));
    NOTIFICATION_DECISION_DUE_AT.set(execution, Date.from(aware.plus(DataBreachApi.NOTIFICATION_DECISION_WITHIN)));
    if (!Boolean.TRUE.equals(DataBreachApi.Vars.BREACH_HANDED_OVER.get(execution))) {
      lifecycle.recordEvent(IncidentOfStep.of(execution), TimelineEvent.AWARENESS_RECORDED, null,
          "Personal-data breach: awareness at " + aware + "; the regulatory clocks run from here");
    }
  }
}
