package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.APPROVAL_COMMENT;
import static org.irfoundation.rollout.RolloutApi.Vars.APPROVAL_DEFINITIONS;
import static org.irfoundation.rollout.RolloutApi.Vars.APPROVAL_SUBJECT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.Roles;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordApproval}}, synchronous after the approving task: records {@code approvalSubject} naming what
 * is deployed now of each key in {@code approvalDefinitions}, by the person who completed the task.
 */
@Component("recordApproval")
public class RecordApprovalDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of(APPROVAL_SUBJECT, APPROVAL_DEFINITIONS, APPROVAL_COMMENT);
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final Approvals approvals;
  private final SystemContext system;

  public RecordApprovalDelegate(Approvals approvals, SystemContext system) {
    this.approvals = approvals;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.approve(RolloutOfStep.of(execution), APPROVAL_SUBJECT.required(execution, "Record the approval"),
        Roles.ids(APPROVAL_DEFINITIONS.required(execution, "Record the approval")),
        APPROVAL_COMMENT.get(execution), system.currentUserId());
  }
}
