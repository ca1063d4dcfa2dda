package org.irfoundation.response;

import static org.irfoundation.response.ImprovementActionApi.Vars.IMPROVEMENT_ID;
import static org.irfoundation.response.ImprovementActionApi.Vars.OUTCOME;
import static org.irfoundation.response.ImprovementActionApi.Vars.OWNER;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Records the improvement action done ({@code ${recordImprovementDone}}) with its outcome, in the transaction of who
 * completes the task (done by them; by the owner when the engine completes it): an empty outcome is refused to them
 * and the task stays open.
 */
@Component("recordImprovementDone")
public class RecordImprovementDoneDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final ImprovementActions actions;
  private final SystemContext system;

  public RecordImprovementDoneDelegate(ImprovementActions actions, SystemContext system) {
    this.actions = actions;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = OUTCOME.get(execution);
    if (outcome == null || outcome.isBlank()) {
      throw FormRefusal.of(OUTCOME.name(), "the outcome is required: what was changed, and where");
    }
    String by = system.currentUserId() != null ? system.currentUserId() : OWNER.get(execution);
    actions.done(IMPROVEMENT_ID.required(execution, "Record improvement done"), outcome.strip(), by);
  }
}
