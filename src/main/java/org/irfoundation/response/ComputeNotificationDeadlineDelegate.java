package org.irfoundation.response;

import static org.irfoundation.incident.IncidentResponseApi.Inputs.AWARE_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.CLOCK_STARTED_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.DUE_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.REMIND_AT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.springframework.stereotype.Component;

/**
 * Starts an obligation's clock ({@code ${computeNotificationDeadline}}) at what its {@code clockStart} names: the
 * incident's awareness, the time the determination was made ({@code determinedAt}), or the filing of the obligation
 * it follows ({@code predecessorFiledAt}). Due by the deadline, capped after awareness and by the business-day
 * calendar the obligation names; writes {@code clockStartedAt}, {@code dueAt} and {@code remindAt} for the timers.
 */
@Component("computeNotificationDeadline")
public class ComputeNotificationDeadlineDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(CLOCK_STARTED_AT, DUE_AT, REMIND_AT);

  private final NotificationClock clock;
  private final Obligations obligations;

  public ComputeNotificationDeadlineDelegate(NotificationClock clock, Obligations obligations) {
    this.clock = clock;
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant awareAt = NotificationClock.parse(AWARE_AT.get(execution));
    String startedBy = Outputs.CLOCK_START.get(execution);
    String start = ObligationsApi.DETERMINED.equals(startedBy) ? ObligationsApi.Process.DETERMINED_AT.get(execution)
        : ObligationsApi.FILED.equals(startedBy) ? ObligationsApi.Process.PREDECESSOR_FILED_AT.get(execution)
        : AWARE_AT.get(execution);
    NotificationClock.Deadline deadline = clock.compute(NotificationClock.parse(start), awareAt,
        NotificationClock.Terms.of(execution.getVariables()));
    CLOCK_STARTED_AT.set(execution, deadline.clockStartedAt().toString());
    DUE_AT.set(execution, Date.from(deadline.dueAt()));
    REMIND_AT.set(execution, Date.from(deadline.remindAt()));
    obligations.clockStarted(IncidentOfStep.of(execution), Outputs.CODE.get(execution), deadline.clockStartedAt(),
        deadline.dueAt());
  }
}
