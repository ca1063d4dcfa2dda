package org.irfoundation.response;

import static org.irfoundation.incident.IncidentResponseApi.Inputs.AWARE_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Obligation.DEADLINE;
import static org.irfoundation.response.RegulatoryNotificationApi.Obligation.DEADLINE_KIND;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.CLOCK_STARTED_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.DUE_AT;
import static org.irfoundation.response.RegulatoryNotificationApi.Vars.REMIND_AT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.NotificationClock;
import org.springframework.stereotype.Component;

/**
 * Starts an obligation's clock ({@code ${computeNotificationDeadline}}): the clock starts at {@code clockStartedAt}
 * when a person recorded it, else at the incident's awareness time ({@code awareAt}), else now. Writes
 * {@code clockStartedAt}, {@code dueAt} and {@code remindAt} for the timers.
 */
@Component("computeNotificationDeadline")
public class ComputeNotificationDeadlineDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(CLOCK_STARTED_AT, DUE_AT, REMIND_AT);

  private final NotificationClock clock;

  public ComputeNotificationDeadlineDelegate(NotificationClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String started = CLOCK_STARTED_AT.getOrDefault(execution, AWARE_AT.get(execution));
    Instant start = started == null || started.isBlank() ? EngineClock.now()
        : NotificationClock.parse(started);
    NotificationClock.Deadline deadline = clock.compute(start, DEADLINE.get(execution), DEADLINE_KIND.get(execution));
    CLOCK_STARTED_AT.set(execution, deadline.clockStartedAt().toString());
    DUE_AT.set(execution, Date.from(deadline.dueAt()));
    REMIND_AT.set(execution, Date.from(deadline.remindAt()));
  }
}
