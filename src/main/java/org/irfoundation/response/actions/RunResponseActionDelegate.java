package org.irfoundation.response.actions;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.CurrentJob;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.response.actions.ResponseActionApi.Inputs;
import org.irfoundation.response.actions.ResponseActionApi.Variables;
import org.springframework.stereotype.Component;

/**
 * "Run the action" ({@code ${runResponseAction}}) of {@code response-action}: sends it through its adapter (an
 * exercise records what it would have sent). The key of incident, activity and job makes a retry find what an
 * earlier attempt sent; the job's last attempt turns a failure into the manual path instead of a Cockpit incident.
 */
@Component("runResponseAction")
public class RunResponseActionDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of(Inputs.ACTION, Inputs.TARGET, Inputs.PARAMETERS,
      Inputs.SYSTEM);
  public static final List<Variable<?>> OUTPUTS = List.of(Variables.RESULT, Variables.MESSAGE, Variables.REFERENCES);

  private final ResponseActions actions;

  public RunResponseActionDelegate(ResponseActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    ActionRequest request = ActionStep.request(incidentId, execution);
    String key = String.join(":", incidentId, execution.getCurrentActivityId(), CurrentJob.id()
        .map(job -> "job:" + job).orElse("activity-instance:" + execution.getActivityInstanceId()));
    boolean lastAttempt = CurrentJob.retriesLeft().map(retries -> retries <= 1).orElse(true);
    ResponseActions.Outcome outcome = actions.run(request, Inputs.SYSTEM.get(execution),
        Variables.APPROVED_BY.get(execution), key, lastAttempt);
    Variables.RESULT.set(execution, outcome.result().name());
    Variables.MESSAGE.set(execution, outcome.message());
    Variables.REFERENCES.set(execution, String.join(",", outcome.references()));
  }
}
