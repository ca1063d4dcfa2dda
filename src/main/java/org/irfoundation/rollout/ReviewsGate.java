package org.irfoundation.rollout;

import java.util.List;
import org.springframework.stereotype.Component;

/** Week 4: nine approvals (three playbooks by legal, technical and business reviewers) of the deployed versions. */
@Component
public class ReviewsGate implements WeekGate {

  private final RolloutReviews reviews;
  private final Approvals approvals;

  public ReviewsGate(RolloutReviews reviews, Approvals approvals) {
    this.reviews = reviews;
    this.approvals = approvals;
  }

  @Override
  public int week() {
    return 4;
  }

  @Override
  public List<GateMetric> measure(Rollout rollout) {
    int all = RolloutReviews.all().size();
    List<String> pending = reviews.pending(rollout.id());
    List<String> redeployed = approvals.changedSince(rollout.id(), "review:");
    String name = "Playbook reviews approve the deployed versions";
    String measured = (all - pending.size()) + " of " + all + " approvals";
    if (pending.isEmpty()) {
      return List.of(GateMetric.met(name, all + " approvals", measured));
    }
    String reason = "missing: " + String.join(", ", pending.stream().map(r -> r.replace(RolloutReviews.SEPARATOR,
        " by ")).toList()) + (redeployed.isEmpty() ? "" : "; redeployed after approval: "
        + String.join(", ", redeployed.stream().distinct().toList()));
    return List.of(GateMetric.unmet(name, all + " approvals", measured, reason));
  }
}
