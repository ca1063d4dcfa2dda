package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.mail.Notice;
import org.irfoundation.mail.Notifier;
import org.springframework.stereotype.Service;

/**
 * Notices of the rollout (a week due, a week overdue) to named people: to their mail address, or where a user has
 * none, to their groups, so nobody is left out by a missing address. Sent once per step (idempotency key).
 */
@Service
public class RolloutNotices {

  private final Notifier notifier;
  private final IdentityService identityService;
  private final RolloutStore store;
  private final SystemContext system;

  public RolloutNotices(Notifier notifier, IdentityService identityService, RolloutStore store,
      SystemContext system) {
    this.notifier = notifier;
    this.identityService = identityService;
    this.store = store;
    this.system = system;
  }

  public void send(String rolloutId, List<String> userIds, String text, String scopeKey) {
    Rollout rollout = store.find(rolloutId).orElseThrow(() -> new IllegalStateException("no rollout " + rolloutId));
    List<String> addresses = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (String userId : userIds) {
      User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        addresses.add(user.getEmail());
      } else {
        system.call(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
            .map(Group::getId).filter(g -> !groups.contains(g)).forEach(groups::add);
      }
    }
    if (addresses.isEmpty() && groups.isEmpty()) {
      throw new IllegalStateException("nobody to tell: " + userIds + " have no address and no group");
    }
    notifier.notify(new Notice(null, groups, "IR rollout " + rollout.id() + " (" + rollout.organisation() + ")",
        text + "\n\nSee GET /api/rollouts/" + rollout.id() + " for the week's gate and what is missing.",
        String.join(":", rollout.id(), "notice", scopeKey), addresses));
  }
}
