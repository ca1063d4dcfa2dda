package org.irfoundation.rollout;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.Roles.Role;
import org.springframework.stereotype.Component;

/**
 * Who takes the week-3 training, for {@code ir-rollout}: {@code ${rolloutTraining.members(rolloutId)}} is the
 * multi-instance collection, {@code ${rolloutTraining.role(rolloutId, member)}} each member's module.
 */
@Component("rolloutTraining")
public class RolloutTraining {

  private final RolloutStore rollouts;
  private final TrainingRecords records;

  public RolloutTraining(RolloutStore rollouts, TrainingRecords records) {
    this.rollouts = rollouts;
    this.records = records;
  }

  /**
   * The members who have not passed yet: the week-3 multi-instance runs over them, so a member added after a failed
   * gate trains and one who passed is not asked again.
   */
  public List<String> pending(String rolloutId) {
    return members(rolloutId).stream().filter(user -> records.lastPassed(rolloutId, user).isEmpty()).toList();
  }

  /** The rollout's team members (Camunda user ids), each once, in user-id order. */
  public List<String> members(String rolloutId) {
    return rollouts.members(required(rolloutId)).stream().map(RolloutStore.Member::userId).distinct().sorted()
        .toList();
  }

  /**
   * The role whose module the member takes. A member named for several roles takes the module of the first of them
   * in {@link Roles#RESPONDER_ROLES} order (IR lead, analyst, IT operations, legal, ...): one rule, so the form, the
   * score and the certificate agree. A member of no responder role is a team error the IR lead must fix.
   */
  public String role(String rolloutId, String userId) {
    Set<String> groups = rollouts.members(required(rolloutId)).stream().filter(m -> m.userId().equals(userId))
        .map(RolloutStore.Member::groupId).collect(Collectors.toSet());
    return Roles.RESPONDER_ROLES.stream().map(Role::id).filter(groups::contains).findFirst()
        .orElseThrow(() -> new IllegalStateException(userId + " is no member of rollout " + rolloutId
            + " in a responder role (groups: " + groups + "): name them to the team with their role"));
  }

  /** The display name of a responder role ({@code ir-lead} -> "IR lead"). */
  public static String roleName(String role) {
    return Roles.RESPONDER_ROLES.stream().filter(r -> r.id().equals(role)).map(Role::name).findFirst().orElse(role);
  }

  private static String required(String rolloutId) {
    if (rolloutId == null || rolloutId.isBlank()) {
      throw new IllegalArgumentException("the training needs the rollout id (process variable "
          + RolloutApi.Inputs.ROLLOUT_ID.name() + ")");
    }
    return rolloutId;
  }
}
