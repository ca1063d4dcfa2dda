package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.GATE_FAILURES;
import static org.irfoundation.rollout.RolloutApi.Vars.GATE_PASSED;
import static org.irfoundation.rollout.RolloutApi.Vars.WEEK;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${checkGate}}: measures and records the gate of {@code week}; writes gatePassed and gateFailures. */
@Component("checkGate")
public class CheckGateDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of(WEEK);
  public static final List<Variable<?>> OUTPUTS = List.of(GATE_PASSED, GATE_FAILURES);
  private final Gates gates;
  private final RolloutStore store;

  public CheckGateDelegate(Gates gates, RolloutStore store) {
    this.gates = gates;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rollout rollout = store.find(RolloutOfStep.of(execution)).orElseThrow();
    Gates.Result result = gates.check(rollout, WEEK.required(execution, "Measure the gate").intValue());
    GATE_PASSED.set(execution, result.passed());
    GATE_FAILURES.set(execution, result.passed() ? null : result.failures());
  }
}
