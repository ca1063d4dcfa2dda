package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Inputs.ORGANISATION;
import static org.irfoundation.rollout.RolloutApi.Inputs.PROGRAM_OWNER;
import static org.irfoundation.rollout.RolloutApi.Inputs.ROLLOUT_ID;
import static org.irfoundation.rollout.RolloutApi.Inputs.SPONSOR;
import static org.irfoundation.rollout.RolloutApi.Inputs.START_DATE;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerRollout}}, synchronous right after the start: a rollout started from Tasklist's start form is
 * recorded and takes its id as business key; one started through the API ({@code rolloutId} set) already is.
 */
@Component("registerRollout")
public class RegisterRolloutDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(ROLLOUT_ID);

  private final Rollouts rollouts;
  private final SystemContext system;

  public RegisterRolloutDelegate(Rollouts rollouts, SystemContext system) {
    this.rollouts = rollouts;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (ROLLOUT_ID.get(execution) != null) {
      return;
    }
    String organisation = ORGANISATION.get(execution);
    if (organisation == null || organisation.isBlank()) {
      throw FormRefusal.of(ORGANISATION.name(), "the organisation is required");
    }
    String startDate = START_DATE.get(execution);
    if (startDate == null || startDate.isBlank()) {
      throw FormRefusal.of(START_DATE.name(), "the start date is required");
    }
    Rollout rollout = rollouts.registerStarted(new Rollouts.Start(organisation, SPONSOR.get(execution),
        PROGRAM_OWNER.get(execution), LocalDate.parse(startDate.substring(0, 10))), system.currentUserId(),
        execution.getProcessInstanceId());
    execution.setProcessBusinessKey(rollout.id());
    ROLLOUT_ID.set(execution, rollout.id());
    START_DATE.set(execution, rollout.startDate().toString());
  }
}
