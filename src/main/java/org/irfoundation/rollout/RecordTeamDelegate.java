package org.irfoundation.rollout;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${recordTeam}}, synchronous after the team form: the members per role join their groups. */
@Component("recordTeam")
public class RecordTeamDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final RolloutTeam team;

  public RecordTeamDelegate(RolloutTeam team) {
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    team.name(RolloutOfStep.of(execution), RolloutTeam.fromForm(execution::getVariable));
  }
}
