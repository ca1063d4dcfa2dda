package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.irfoundation.engine.Raci;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Week 1: every role the RACI routes work to has a member in its Camunda group, every named member acknowledged the
 * channel test, the RACI was approved as it is deployed, the team charter is stored.
 */
@Component
public class TeamGate implements WeekGate {

  static final String RACI_APPROVAL = "raci:" + Raci.DECISION_KEY;

  private final RaciRoles raci;
  private final RolloutStore store;
  private final Approvals approvals;
  private final IdentityService identityService;
  private final SystemContext system;

  public TeamGate(RaciRoles raci, RolloutStore store, Approvals approvals, IdentityService identityService,
      SystemContext system) {
    this.raci = raci;
    this.store = store;
    this.approvals = approvals;
    this.identityService = identityService;
    this.system = system;
  }

  @Override
  public int week() {
    return 1;
  }

  @Override
  public List<GateMetric> measure(Rollout rollout) {
    List<GateMetric> metrics = new ArrayList<>();
    List<String> roles = raci.routed();
    List<String> empty = roles.stream().filter(group -> system.call(() ->
        identityService.createUserQuery().memberOfGroup(group).count()) == 0).toList();
    String name = "Every role the RACI routes work to has a member";
    String measured = (roles.size() - empty.size()) + " of " + roles.size() + " roles";
    metrics.add(empty.isEmpty() ? GateMetric.met(name, "all " + roles.size() + " roles", measured)
        : GateMetric.unmet(name, "all " + roles.size() + " roles", measured, "no member: " + String.join(", ", empty)));

    List<RolloutStore.Member> members = store.members(rollout.id());
    List<String> users = members.stream().map(RolloutStore.Member::userId).distinct().toList();
    List<String> pending = members.stream().filter(m -> m.acknowledgedAt() == null).map(RolloutStore.Member::userId)
        .distinct().toList();
    name = "Members acknowledged the channel test";
    measured = users.isEmpty() ? "no members named" : (users.size() - pending.size()) + " of " + users.size()
        + " (" + Math.round(100.0 * (users.size() - pending.size()) / users.size()) + " %)";
    metrics.add(!users.isEmpty() && pending.isEmpty() ? GateMetric.met(name, "100 %", measured)
        : GateMetric.unmet(name, "100 %", measured, users.isEmpty() ? "the program owner names the team first"
            : "not acknowledged yet: " + String.join(", ", pending)));

    name = "The RACI reviewed and approved as deployed";
    if (approvals.current(rollout.id(), RACI_APPROVAL)) {
      metrics.add(GateMetric.met(name, "approved, unchanged since", "approved"));
    } else {
      List<String> changed = approvals.changedSince(rollout.id(), RACI_APPROVAL);
      metrics.add(GateMetric.unmet(name, "approved, unchanged since", changed.isEmpty() ? "not approved" : "changed",
          changed.isEmpty() ? "the program owner reviews the RACI" : "deployed again since: " + changed.get(0)));
    }
    metrics.add(Deliverable.present(store.deliverables(rollout.id()), 1, "Team charter", rollout.id()));
    return metrics;
  }
}
