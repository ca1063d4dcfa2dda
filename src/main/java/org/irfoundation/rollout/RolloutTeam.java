package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.chat.ChatChannel;
import org.irfoundation.chat.ChatProperties;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Roles;
import org.irfoundation.mail.Notice;
import org.irfoundation.mail.Notifier;
import org.springframework.stereotype.Component;

/**
 * The rollout's team ({@code ${rolloutTeam}} in the model): the members the program owner names per role join the
 * role's Camunda group; a test message goes to the standing channel and by mail; each member acknowledges it.
 */
@Component("rolloutTeam")
public class RolloutTeam {

  /** The team form's field of a role: {@code members_ir_lead} for {@code ir-lead}. */
  public static String field(String group) {
    return "members_" + group.replace('-', '_');
  }

  private final RolloutStore store;
  private final IdentityService identityService;
  private final ChatChannel chat;
  private final ChatProperties chatProperties;
  private final Notifier notifier;
  private final SystemContext system;

  public RolloutTeam(RolloutStore store, IdentityService identityService, ChatChannel chat,
      ChatProperties chatProperties, Notifier notifier, SystemContext system) {
    this.store = store;
    this.identityService = identityService;
    this.chat = chat;
    this.chatProperties = chatProperties;
    this.notifier = notifier;
    this.system = system;
  }

  /**
   * Records the members named per role (group -> user ids) and adds them to the groups. An unknown user is refused
   * with the field it was given in, and nothing is recorded.
   */
  public void name(String rolloutId, Map<String, List<String>> membersByGroup) {
    for (Map.Entry<String, List<String>> entry : membersByGroup.entrySet()) {
      for (String user : entry.getValue()) {
        boolean exists = system.call(() -> identityService.createUserQuery().userId(user).count() == 1);
        if (!exists) {
          throw FormRefusal.of(field(entry.getKey()), "'" + user + "' (" + entry.getKey()
              + ") is not a user: create the user in Admin first, or correct the id");
        }
      }
    }
    membersByGroup.forEach((group, users) -> users.forEach(user -> {
      system.call(() -> {
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
          identityService.createMembership(user, group);
        }
        return null;
      });
      store.member(rolloutId, user, group, EngineClock.now());
    }));
  }

  /** The members who have not acknowledged the channel test: the week-1 multi-instance runs over them. */
  public List<String> unacknowledged(String rolloutId) {
    return store.members(rolloutId).stream().filter(m -> m.acknowledgedAt() == null)
        .map(RolloutStore.Member::userId).distinct().toList();
  }

  public List<String> members(String rolloutId) {
    return store.members(rolloutId).stream().map(RolloutStore.Member::userId).distinct().toList();
  }

  public void acknowledged(String rolloutId, String userId) {
    store.acknowledged(rolloutId, userId, EngineClock.now());
  }

  /** The test message: to the standing channel, and by mail to every member with an address. */
  public void sendChannelTest(Rollout rollout, String scopeKey) {
    String text = "IR Foundation channel test for the " + rollout.organisation() + " incident-response team ("
        + rollout.id() + "): if you read this, acknowledge it in Tasklist (task 'Acknowledge the channel test').";
    chat.postToChannel(chatProperties.standingChannel(), text);
    List<String> addresses = new ArrayList<>();
    for (String member : members(rollout.id())) {
      User user = system.call(() -> identityService.createUserQuery().userId(member).singleResult());
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        addresses.add(user.getEmail());
      }
    }
    if (!addresses.isEmpty()) {
      notifier.notify(new Notice(null, List.of(), "IR Foundation channel test - " + rollout.organisation(), text,
          String.join(":", rollout.id(), "channel-test", scopeKey), addresses));
    }
  }

  /** The members named in the team form's fields (one comma list per role). */
  public static Map<String, List<String>> fromForm(java.util.function.Function<String, Object> variable) {
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      Object value = variable.apply(field(role.id()));
      List<String> users = Roles.ids(value == null ? null : value.toString());
      if (!users.isEmpty()) {
        byGroup.put(role.id(), users);
      }
    }
    return byGroup;
  }
}
