package org.irfoundation.security;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.EngineReadyStep;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.Roles;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters responders start from, created on every start when missing (by name) and shared with the
 * groups they are for (FILTER READ). All sort by priority (P1 first), then due date. Stored queries hold no
 * expressions (they are disabled: README, "Security hardening"), so "Overdue" keeps a due-before date that
 * {@link #refreshOverdue} moves to the current minute.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TasklistFilters implements EngineReadyStep {

  public static final String MY_GROUPS = "My group's open tasks";
  public static final String OVERDUE = "Overdue";
  public static final String P1_P2 = "P1 / P2 incidents";
  public static final String REGULATORY = "Regulatory deadlines";
  public static final String ROLLOUT = "Rollout";
  /** ir-rollout and ir-cadence (RolloutApi, a layer above; a test checks they are the same). */
  static final List<String> ROLLOUT_PROCESSES = List.of("ir-rollout", "ir-cadence");
  /** TaskCards gives P2 tasks 75, P1 tasks 100. */
  static final int P2_PRIORITY = 75;

  private volatile ProcessEngine engine;

  record Definition(String name, String description, int priority, TaskQuery query, List<String> groups) {}

  @Override
  public void engineBuilt(ProcessEngine engine) {
    this.engine = engine;
    FilterService filters = engine.getFilterService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Definition definition : definitions(engine)) {
      Filter filter = filters.createTaskFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filters.saveFilter(filters.newTaskFilter(definition.name()).setQuery(definition.query())
            .setProperties(properties(definition)));
      }
      for (String group : definition.groups()) {
        IdentityBootstrap.grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    refreshOverdue();
  }

  /** Moves "Overdue" to the current minute (every node may do it; the last write wins and all write the same). */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  public void refreshOverdue() {
    ProcessEngine current = engine;
    if (current == null) {
      return;
    }
    FilterService filters = current.getFilterService();
    Filter overdue = filters.createTaskFilterQuery().filterName(OVERDUE).singleResult();
    if (overdue != null) {
      filters.saveFilter(overdue.setQuery(overdueQuery(current)));
    }
  }

  static List<Definition> definitions(ProcessEngine engine) {
    List<String> everyone = Roles.RESPONDER_ROLES.stream().map(Roles.Role::id).toList();
    return List.of(
        // an empty query: authorization narrows it to the tasks of the user's groups and those given to the user
        // (expressions like currentUserGroups() are off)
        new Definition(MY_GROUPS, "Open tasks of your groups and yours, P1 first", -5,
            sorted(engine.getTaskService().createTaskQuery()), everyone),
        new Definition(OVERDUE, "Past their due date (updated every minute)", -4, overdueQuery(engine), everyone),
        new Definition(P1_P2, "Tasks of P1 and P2 incidents", -3,
            sorted(engine.getTaskService().createTaskQuery().taskMinPriority(P2_PRIORITY)), everyone),
        new Definition(REGULATORY, "Regulatory notifications, soonest deadline first", -2,
            sorted(engine.getTaskService().createTaskQuery().processDefinitionKey(ObligationsApi.NOTIFICATION_PROCESS)),
            List.of(Roles.PRIVACY_OFFICER, Roles.LEGAL)),
        new Definition(ROLLOUT, "The 8-week rollout and the programme's cadence", -1,
            sorted(engine.getTaskService().createTaskQuery().processDefinitionKeyIn(
                ROLLOUT_PROCESSES.toArray(String[]::new))), List.of(Roles.IR_PROGRAM_OWNER)));
  }

  static TaskQuery overdueQuery(ProcessEngine engine) {
    Date now = Date.from(EngineClock.now().truncatedTo(ChronoUnit.MINUTES));
    return sorted(engine.getTaskService().createTaskQuery().dueBefore(now));
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  /** What Tasklist reads: description, order in the list, auto-refresh, and the variables shown on each card. */
  static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", Inputs.INCIDENT_ID.name(), "label", "Incident"),
        Map.of("name", Decided.SEVERITY.name(), "label", "Severity"),
        Map.of("name", Inputs.CATEGORY.name(), "label", "Category")));
    return properties;
  }
}
