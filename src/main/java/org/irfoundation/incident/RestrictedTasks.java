package org.irfoundation.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tasks of a restricted incident go to named people, not to groups: a task the RACI (or the model) gives to
 * groups goes to the named members of those groups instead, or to the IR lead when none is named; an assignee who is
 * not named is taken off. The groups are kept on the task, so lifting the restriction gives it back to them. Runs
 * when a task is created (after the RACI routed it) and whenever the team or the restriction changes.
 */
@Component
public class RestrictedTasks {

  /** The candidate groups a task had before the restriction took it from them (comma-separated). */
  public static final Variable<String> GROUPS_BEFORE_RESTRICTION =
      Variable.of("candidateGroupsBeforeRestriction", String.class);

  private final IncidentStore store;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final SystemContext system;

  public RestrictedTasks(IncidentStore store, TaskService taskService, IdentityService identityService,
      SystemContext system) {
    this.store = store;
    this.taskService = taskService;
    this.identityService = identityService;
    this.system = system;
  }

  /** Who a task of a restricted incident goes to, from the groups it would go to. */
  record Candidates(List<String> users, List<String> groups) {}

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void created(DelegateTask task) {
    String incidentId = IncidentOfStep.of(task);
    Incident incident = incidentId == null ? null : store.find(incidentId).orElse(null);
    if (incident == null || !incident.restricted()) {
      return;
    }
    List<String> groups = groups(task.getCandidates());
    Candidates candidates = candidates(incident, groups);
    task.setVariableLocal(GROUPS_BEFORE_RESTRICTION.name(), String.join(",", groups));
    groups.stream().filter(g -> !candidates.groups().contains(g)).forEach(task::deleteCandidateGroup);
    task.addCandidateUsers(candidates.users());
    candidates.groups().stream().filter(g -> !groups.contains(g)).forEach(task::addCandidateGroup);
    if (task.getAssignee() != null && !candidates.users().contains(task.getAssignee())) {
      task.setAssignee(null);
    }
  }

  /** Routes the open tasks of the incident again: after a restriction, its lifting, or a change of its team. */
  @EventListener
  public void teamChanged(IncidentTeam.Changed change) {
    store.find(change.incidentId()).ifPresent(incident -> system.call(() -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(incident.id()).list()) {
        reroute(incident, task);
      }
      return null;
    }));
  }

  private void reroute(Incident incident, Task task) {
    List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
    String saved = (String) taskService.getVariableLocal(task.getId(), GROUPS_BEFORE_RESTRICTION.name());
    List<String> groups = saved != null ? Roles.ids(saved) : groups(new HashSet<>(links));
    List<String> users = new ArrayList<>();
    List<String> currentGroups = new ArrayList<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          currentGroups.add(link.getGroupId());
        }
      }
    }
    Candidates wanted = incident.restricted() ? candidates(incident, groups) : new Candidates(List.of(), groups);
    users.stream().filter(u -> !wanted.users().contains(u)).forEach(u -> taskService.deleteCandidateUser(task.getId(), u));
    currentGroups.stream().filter(g -> !wanted.groups().contains(g))
        .forEach(g -> taskService.deleteCandidateGroup(task.getId(), g));
    wanted.users().stream().filter(u -> !users.contains(u)).forEach(u -> taskService.addCandidateUser(task.getId(), u));
    wanted.groups().stream().filter(g -> !currentGroups.contains(g))
        .forEach(g -> taskService.addCandidateGroup(task.getId(), g));
    if (incident.restricted()) {
      taskService.setVariableLocal(task.getId(), GROUPS_BEFORE_RESTRICTION.name(), String.join(",", groups));
      if (task.getAssignee() != null && !wanted.users().contains(task.getAssignee())) {
        taskService.setAssignee(task.getId(), null);
      }
    } else if (saved != null) {
      taskService.removeVariableLocal(task.getId(), GROUPS_BEFORE_RESTRICTION.name());
    }
  }

  /** The named members of the groups; when none is named, the IR lead. */
  Candidates candidates(Incident incident, List<String> groups) {
    List<String> named = store.team(incident.id()).stream()
        .filter(m -> m.type() == IncidentTeam.Principal.USER && m.reason() == IncidentTeam.Reason.NAMED)
        .map(IncidentTeam.Row::principal).toList();
    List<String> users = system.call(() -> named.stream()
        .filter(user -> groups.isEmpty() || identityService.createGroupQuery().groupMember(user)
            .groupIdIn(groups.toArray(String[]::new)).count() > 0)
        .toList());
    return users.isEmpty() ? new Candidates(List.of(), List.of(Roles.IR_LEAD)) : new Candidates(users, List.of());
  }

  private static List<String> groups(Set<IdentityLink> links) {
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
  }
}
