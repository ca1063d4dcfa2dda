package org.irfoundation.rollout;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${sendChannelTest}}: the test message to the standing channel and the members' mail. */
@Component("sendChannelTest")
public class SendChannelTestDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final RolloutTeam team;
  private final RolloutStore store;

  public SendChannelTestDelegate(RolloutTeam team, RolloutStore store) {
    this.team = team;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    team.sendChannelTest(store.find(RolloutOfStep.of(execution)).orElseThrow(), execution.getActivityInstanceId());
  }
}
