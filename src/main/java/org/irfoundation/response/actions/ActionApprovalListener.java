package org.irfoundation.response.actions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.response.actions.ResponseActionApi.Inputs;
import org.irfoundation.response.actions.ResponseActionApi.Variables;
import org.springframework.stereotype.Component;

/**
 * The approval task's complete listener ({@code ${actionApproval}}): puts the answer on the timeline with who gave
 * it (the user completing the task, else its assignee) and keeps the approver for the run step's timeline entry.
 */
@Component("actionApproval")
public class ActionApprovalListener implements TaskListener {

  private final ResponseActions actions;
  private final SystemContext system;

  public ActionApprovalListener(ResponseActions actions, SystemContext system) {
    this.actions = actions;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = system.currentUserId() != null ? system.currentUserId() : task.getAssignee();
    boolean approved = "yes".equals(Variables.APPROVED.get(task));
    ActionRequest request = ActionStep.request(IncidentOfStep.of(task), task);
    actions.decided(request, Inputs.SYSTEM.get(task), approved, actor, Variables.APPROVAL_NOTE.get(task));
    Variables.APPROVED_BY.set(task.getExecution(), approved ? (actor == null ? "unknown" : actor) : null);
    if (!approved) {
      Variables.RESULT.set(task.getExecution(), ResponseActionApi.Result.REFUSED.name());
    }
  }
}
