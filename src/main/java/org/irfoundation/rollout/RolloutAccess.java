package org.irfoundation.rollout;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Roles;
import org.springframework.stereotype.Component;

/**
 * Who sees a rollout: administrators, the IR lead, program owners and executives, and the people it names (its
 * sponsor, its program owner, its members). Program owners and administrators start one. Anyone else gets 404, as
 * for a rollout that does not exist.
 */
@Component
public class RolloutAccess {

  static final Set<String> READ_ALL = Set.of(Roles.CAMUNDA_ADMIN, Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER,
      Roles.EXECUTIVE);
  static final Set<String> START = Set.of(Roles.CAMUNDA_ADMIN, Roles.IR_PROGRAM_OWNER);

  /** The caller may not see the rollout, or it does not exist. */
  public static class NotFound extends RuntimeException {
    public NotFound(String id) {
      super("no rollout " + id);
    }
  }

  /** The caller may not start a rollout. */
  public static class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
      super(message);
    }
  }

  private final RolloutStore store;
  private final IdentityService identityService;
  private final SystemContext system;

  public RolloutAccess(RolloutStore store, IdentityService identityService, SystemContext system) {
    this.store = store;
    this.identityService = identityService;
    this.system = system;
  }

  public Rollout readable(String id, String userId) {
    Rollout rollout = store.find(id).orElseThrow(() -> new NotFound(id));
    if (!sees(rollout, userId)) {
      throw new NotFound(id);
    }
    return rollout;
  }

  public boolean sees(Rollout rollout, String userId) {
    return groups(userId).stream().anyMatch(READ_ALL::contains) || userId.equals(rollout.sponsor())
        || userId.equals(rollout.programOwner())
        || store.members(rollout.id()).stream().anyMatch(m -> m.userId().equals(userId));
  }

  public void mayStart(String userId) {
    if (groups(userId).stream().noneMatch(START::contains)) {
      throw new NotAllowed("only a program owner (group ir-program-owner) or an administrator starts a rollout");
    }
  }

  private Set<String> groups(String userId) {
    return system.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet()));
  }
}
