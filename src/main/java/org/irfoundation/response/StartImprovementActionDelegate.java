package org.irfoundation.response;

import static org.irfoundation.response.ImprovementActionApi.Vars.IMPROVEMENT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Starts the improvement-action instance of one lesson ({@code ${startImprovementAction}}), the review's
 * multi-instance element {@code improvementId}; the review does not wait for it.
 */
@Component("startImprovementAction")
public class StartImprovementActionDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final ImprovementActions actions;

  public StartImprovementActionDelegate(ImprovementActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.start(IMPROVEMENT_ID.required(execution, "Start improvement action"));
  }
}
