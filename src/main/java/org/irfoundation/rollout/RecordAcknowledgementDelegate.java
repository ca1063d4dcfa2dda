package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.MEMBER;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${recordAcknowledgement}}: the member ({@code member}) received the channel test. */
@Component("recordAcknowledgement")
public class RecordAcknowledgementDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final RolloutTeam team;

  public RecordAcknowledgementDelegate(RolloutTeam team) {
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    team.acknowledged(RolloutOfStep.of(execution), MEMBER.required(execution, "Record the acknowledgement"));
  }
}
