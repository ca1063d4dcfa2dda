package org.irfoundation.evidence;

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
import org.camunda.bpm.engine.identity.Group;
import org.irfoundation.intake.IncidentResponseApi;
import org.irfoundation.intake.IncidentStore;
import org.irfoundation.intake.IncidentStore.IncidentRow;
import org.irfoundation.process.SystemContext;
import org.irfoundation.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may see an incident's evidence (DESIGN §6): its team. That is the members of the groups its
 * escalation policy engaged ({@code engagedGroups} of its processes), everyone who has worked one of its
 * tasks (assignee of a task of a process with the incident id as business key, or who completed one, as the
 * timeline shows), and administrators ({@code camunda-admin}). Read without the caller's Camunda rights.
 */
@Component
public class IncidentTeam {

  static final String TASK_COMPLETED = "TASK_COMPLETED";

  private final IncidentStore incidents;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemContext system;

  public IncidentTeam(IncidentStore incidents, HistoryService historyService, RuntimeService runtimeService,
      IdentityService identityService, SystemContext system) {
    this.incidents = incidents;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.system = system;
  }

  public boolean includes(IncidentRow incident, String userId) {
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
      return incidents.timeline(incident.id()).stream()
          .anyMatch(e -> TASK_COMPLETED.equals(e.type()) && userId.equals(e.actor()));
    });
  }

  /** The incident-response instance and every other process instance with the incident id as business key. */
  private List<String> processInstances(IncidentRow incident) {
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
