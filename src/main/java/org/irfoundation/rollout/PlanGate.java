package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.ObligationsApi;
import org.springframework.stereotype.Component;

/**
 * Week 2, the IR plan: classification, escalation and notification as deployed (the three decisions) with the
 * organisation's regimes. The sponsor approved it, nothing was deployed or configured differently since, and the
 * plan document is stored.
 */
@Component
public class PlanGate implements WeekGate {

  public static final String SUBJECT = "plan";
  /** What the plan is made of: the decisions as deployed and the regimes as configured. */
  public static final List<String> PARTS = List.of(IncidentResponseApi.DECISION_SEVERITY,
      IncidentResponseApi.DECISION_ESCALATION, ObligationsApi.DECISION_KEY, Approvals.REGIMES);

  private final Approvals approvals;
  private final RolloutStore store;

  public PlanGate(Approvals approvals, RolloutStore store) {
    this.approvals = approvals;
    this.store = store;
  }

  @Override
  public int week() {
    return 2;
  }

  /** One line: each part with its deployed version (for the plan form and the sponsor). */
  public String describe() {
    return PARTS.stream().map(key -> approvals.deployed(key).map(d -> Approvals.REGIMES.equals(key)
        ? "regimes " + d.id() : key + " version " + d.version()).orElse(key + " not deployed"))
        .collect(Collectors.joining("; "));
  }

  @Override
  public List<GateMetric> measure(Rollout rollout) {
    List<GateMetric> metrics = new ArrayList<>();
    List<String> missing = PARTS.stream().filter(p -> approvals.find(rollout.id(), SUBJECT + ":" + p).isEmpty())
        .toList();
    boolean bySponsor = missing.isEmpty() && PARTS.stream().allMatch(p -> approvals.find(rollout.id(),
        SUBJECT + ":" + p).map(a -> rollout.sponsor().equals(a.approvedBy())).orElse(false));
    String name = "The executive sponsor approved the IR plan";
    metrics.add(bySponsor ? GateMetric.met(name, "approved by " + rollout.sponsor(), "approved")
        : GateMetric.unmet(name, "approved by " + rollout.sponsor(), missing.isEmpty() ? "approved by someone else"
            : "not approved", "the sponsor approves the plan (task 'Approve the IR plan')"));
    List<String> changed = approvals.changedSince(rollout.id(), SUBJECT + ":");
    name = "The approved plan is the one in force";
    metrics.add(missing.isEmpty() && changed.isEmpty() ? GateMetric.met(name, "unchanged since approval", "unchanged")
        : GateMetric.unmet(name, "unchanged since approval", missing.isEmpty() ? "plan changed since approval"
            : "nothing approved yet", missing.isEmpty() ? String.join("; ", changed) : null));
    metrics.add(Deliverable.present(store.deliverables(rollout.id()), 2, "IR plan", rollout.id()));
    return metrics;
  }
}
