package org.irfoundation.response.actions;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.response.actions.ResponseActionApi.Inputs;
import org.irfoundation.response.actions.ResponseActionApi.Result;
import org.irfoundation.response.actions.ResponseActionApi.Variables;
import org.springframework.stereotype.Component;

/**
 * "Plan the action" ({@code ${planResponseAction}}) of {@code response-action}: which adapter, whether it needs an
 * approval (disruptive, and no standing authority), or nothing to automate. Local work only, so not async: without
 * an adapter the playbook's own task is there in the same transaction.
 */
@Component("planResponseAction")
public class PlanResponseActionDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(Inputs.ACTION, Inputs.TARGET, Inputs.PARAMETERS,
      Inputs.SYSTEM);
  public static final List<Variable<?>> OUTPUTS = List.of(Variables.ROUTE, Variables.LABEL, Variables.MESSAGE,
      Variables.RESULT);

  private final ResponseActions actions;

  public PlanResponseActionDelegate(ResponseActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ActionRequest request = ActionStep.request(IncidentOfStep.of(execution), execution);
    ResponseActions.Plan plan = actions.plan(request, Inputs.SYSTEM.get(execution));
    Variables.ROUTE.set(execution, plan.route().name());
    Variables.LABEL.set(execution, plan.label());
    Variables.MESSAGE.set(execution, plan.message());
    // the result the caller sees where the run step does not come (approval and run set theirs)
    Variables.RESULT.set(execution, switch (plan.route()) {
      case NOT_AUTOMATED -> Result.NOT_AUTOMATED.name();
      case BY_HAND -> Result.BY_HAND.name();
      case APPROVE, RUN -> null;
    });
  }
}
