package org.irfoundation.incident;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Who works an incident (DESIGN §6): the groups its escalation policy engaged ({@code engagedGroups} of its
 * processes, at any scope), everyone who was assigned one of its tasks (a task of a process with the incident id as
 * business key) or completed one (as the timeline shows), and always the administrators ({@code camunda-admin}).
 * Read without the caller's Camunda rights.
 */
@Component
public class IncidentTeam {

  /** The engaged groups and the people who worked the incident's tasks. */
  public record Team(Set<String> groups, Set<String> people) {}

  private final IncidentStore store;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemContext system;

  public IncidentTeam(IncidentStore store, HistoryService historyService, RuntimeService runtimeService,
      IdentityService identityService, SystemContext system) {
    this.store = store;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.system = system;
  }

  public Team of(Incident incident) {
    return system.call(() -> {
      List<String> instances = processInstances(incident);
      Set<String> people = historyService.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(incident.id()).taskAssigned().list().stream()
          .map(HistoricTaskInstance::getAssignee).collect(Collectors.toCollection(HashSet::new));
      store.timeline(incident.id()).stream()
          .filter(e -> e.type() == TimelineEvent.TASK_COMPLETED && e.actor() != null)
          .forEach(e -> people.add(e.actor()));
      return new Team(instances.isEmpty() ? Set.of() : engagedGroups(instances), people);
    });
  }

  public boolean includes(Incident incident, String userId) {
    if (userId == null) {
      return false;
    }
    return system.call(() -> {
      Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      if (groups.contains(Roles.CAMUNDA_ADMIN)) {
        return true;
      }
      List<String> instances = processInstances(incident);
      if (!instances.isEmpty() && engagedGroups(instances).stream().anyMatch(groups::contains)) {
        return true;
      }
      if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(incident.id())
          .taskAssignee(userId).count() > 0) {
        return true;
      }
      return store.completedATask(incident.id(), userId);
    });
  }

  /** The incident-response instance and every other process instance with the incident id as business key. */
  private List<String> processInstances(Incident incident) {
    return Stream.concat(Stream.ofNullable(incident.processInstanceId()),
            historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(incident.id()).list()
                .stream().map(HistoricProcessInstance::getId))
        .distinct().toList();
  }

  /** Every group named in an {@code engagedGroups} variable (comma-separated ids), at any scope. */
  private Set<String> engagedGroups(List<String> instances) {
    String name = IncidentResponseApi.Decided.ENGAGED_GROUPS.name();
    String[] ids = instances.toArray(String[]::new);
    Set<String> values = new HashSet<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).variableName(name).list()
        .forEach(v -> values.add(Objects.toString(v.getValue(), "")));
    runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids).variableName(name).list()
        .forEach(v -> values.add(Objects.toString(v.getValue(), "")));
    return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
