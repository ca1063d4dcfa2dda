package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.REVIEW;
import static org.irfoundation.rollout.RolloutApi.Vars.REVIEW_APPROVED;
import static org.irfoundation.rollout.RolloutApi.Vars.REVIEW_COMMENT;
import static org.irfoundation.rollout.RolloutApi.Vars.REVIEW_DECISION;
import static org.irfoundation.rollout.RolloutApi.Vars.REVIEW_PLAYBOOK;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordPlaybookReview}}, synchronous after the review: an approval names the playbook version deployed
 * now, by the reviewer; writes reviewApproved.
 */
@Component("recordPlaybookReview")
public class RecordPlaybookReviewDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(REVIEW_APPROVED);
  private final Approvals approvals;
  private final SystemContext system;

  public RecordPlaybookReviewDelegate(Approvals approvals, SystemContext system) {
    this.approvals = approvals;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = RolloutApi.APPROVED.equals(REVIEW_DECISION.get(execution));
    if (approved) {
      approvals.approve(RolloutOfStep.of(execution), RolloutReviews.subject(REVIEW.required(execution, "Review")),
          List.of(REVIEW_PLAYBOOK.required(execution, "Review")), REVIEW_COMMENT.get(execution),
          system.currentUserId());
    }
    REVIEW_APPROVED.set(execution, approved);
  }
}
