package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.PLAN_SUMMARY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/** {@code ${describePlan}}: the IR plan's decisions and regimes as deployed now, for the plan form. */
@Component("describePlan")
public class DescribePlanDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(PLAN_SUMMARY);
  private final PlanGate plan;

  public DescribePlanDelegate(PlanGate plan) {
    this.plan = plan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PLAN_SUMMARY.set(execution, plan.describe());
  }
}
