package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.Roles;
import org.irfoundation.rollout.RolloutApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The filters responders start from: there after start, once each, shared with their groups, sorted P1 first. */
@IrSpringBootTest
class TasklistFiltersTest {

  static final List<String> NAMES = List.of(TasklistFilters.MY_GROUPS, TasklistFilters.OVERDUE, TasklistFilters.P1_P2,
      TasklistFilters.REGULATORY, TasklistFilters.ROLLOUT);

  @Autowired ProcessEngine engine;
  @Autowired TasklistFilters bootstrap;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void everyFilterIsThereOnceSortedByPriorityThenDueAndShowsTheIncidentsVariables() {
    bootstrap.engineBuilt(engine); // a second start
    for (String name : NAMES) {
      List<Filter> filters = filterService.createTaskFilterQuery().filterName(name).list();
      assertThat(filters).as(name).hasSize(1);
      Filter filter = filters.get(0);
      TaskQueryImpl query = filter.getQuery();
      assertThat(query.getOrderingProperties()).as(name)
          .extracting(p -> p.getQueryProperty().getName() + " " + p.getDirection().getName())
          .containsExactly("PRIORITY_ desc", "DUE_DATE_ asc");
      Map<String, Object> properties = filter.getProperties();
      assertThat(properties).as(name).containsEntry("refresh", true).containsKey("priority");
      assertThat((List<Map<String, String>>) properties.get("variables")).extracting(v -> v.get("name"))
          .containsExactly("incidentId", "severity", "category");
      // stored queries may hold no expressions here (README, "Security hardening"): each one runs
      assertThat(filterService.count(filter.getId())).as(name).isNotNull();
    }
  }

  @Test
  void theQueriesSelectWhatTheNamesSay() {
    assertThat(query(TasklistFilters.P1_P2).getMinPriority()).isEqualTo(75);
    // no condition: authorization narrows it to what the user may work on
    assertThat(query(TasklistFilters.MY_GROUPS).isWithCandidateGroups()).isFalse();
    assertThat(query(TasklistFilters.REGULATORY).getProcessDefinitionKey())
        .isEqualTo(ObligationsApi.NOTIFICATION_PROCESS);
    assertThat(query(TasklistFilters.ROLLOUT).getProcessDefinitionKeys()).contains(RolloutApi.PROCESS_KEY,
        RolloutApi.CADENCE_PROCESS_KEY);
    bootstrap.refreshOverdue();
    assertThat(query(TasklistFilters.OVERDUE).getDueBefore().toInstant())
        .isBetween(Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60), Instant.now());
  }

  @Test
  void eachFilterIsSharedWithTheGroupsItIsFor() {
    List<String> everyone = Roles.RESPONDER_ROLES.stream().map(Roles.Role::id).toList();
    assertThat(readers(TasklistFilters.MY_GROUPS)).containsExactlyInAnyOrderElementsOf(everyone);
    assertThat(readers(TasklistFilters.OVERDUE)).containsExactlyInAnyOrderElementsOf(everyone);
    assertThat(readers(TasklistFilters.P1_P2)).containsExactlyInAnyOrderElementsOf(everyone);
    assertThat(readers(TasklistFilters.REGULATORY)).containsExactlyInAnyOrder(Roles.PRIVACY_OFFICER, Roles.LEGAL);
    assertThat(readers(TasklistFilters.ROLLOUT)).containsExactly(Roles.IR_PROGRAM_OWNER);
  }

  private TaskQueryImpl query(String name) {
    return filterService.createTaskFilterQuery().filterName(name).singleResult().getQuery();
  }

  private List<String> readers(String name) {
    String id = filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
    return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(id)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
        .filter(a -> a.isPermissionGranted(Permissions.READ) && a.getGroupId() != null)
        .map(Authorization::getGroupId).distinct().toList();
  }
}
