package org.irfoundation.rollout;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${scheduleCadence}}: starts ir-cadence (quarterly exercise, yearly training refresh) for the rollout. */
@Component("scheduleCadence")
public class ScheduleCadenceDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final org.camunda.bpm.engine.RuntimeService runtimeService;

  public ScheduleCadenceDelegate(org.camunda.bpm.engine.RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rolloutId = RolloutOfStep.of(execution);
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(RolloutApi.CADENCE_PROCESS_KEY)
        .processInstanceBusinessKey(rolloutId).count() > 0) {
      return; // a retried job: the cadence runs already
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    RolloutApi.Inputs.ROLLOUT_ID.put(variables, rolloutId);
    RolloutApi.Inputs.PROGRAM_OWNER.put(variables, RolloutApi.Inputs.PROGRAM_OWNER.get(execution));
    runtimeService.startProcessInstanceByKey(RolloutApi.CADENCE_PROCESS_KEY, rolloutId, variables);
  }
}
