package org.irfoundation.incident;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.irfoundation.engine.SystemContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who works an incident (DESIGN §6): the groups its escalation policy engaged, the people who were assigned or
 * completed one of its tasks, and the people the IR lead named. Kept in {@code incident_team}; every change is
 * published as {@link Changed} (the Camunda authorizations follow it) and the named members' changes are on the
 * timeline. Who may see the incident is {@link IncidentAccess}'s rule over this team.
 */
@Component
public class IncidentTeam {

  public enum Principal { GROUP, USER }

  /** Why a group or person is on the team. */
  public enum Reason {
    /** The escalation policy engaged the group. */
    ENGAGED,
    /** The person was assigned or completed one of its tasks. */
    WORKED,
    /** The IR lead named the person; on a restricted incident only named people (and the IR lead) see it. */
    NAMED
  }

  public record Row(Principal type, String principal, Reason reason, String addedBy, Instant addedAt) {}

  /** The team as the API shows it. */
  public record Team(boolean restricted, List<Row> members) {

    public List<String> named() {
      return members.stream().filter(m -> m.reason() == Reason.NAMED).map(Row::principal).toList();
    }

    boolean has(Principal type, String principal, Reason reason) {
      return members.stream().anyMatch(m -> m.type() == type && m.reason() == reason
          && m.principal().equals(principal));
    }
  }

  /** Published after the team or the restriction of an incident changed (in the transaction of the change). */
  public record Changed(String incidentId) {}

  private final IncidentStore store;
  private final ApplicationEventPublisher events;
  private final IdentityService identityService;
  private final SystemContext system;

  public IncidentTeam(IncidentStore store, ApplicationEventPublisher events, IdentityService identityService,
      SystemContext system) {
    this.store = store;
    this.events = events;
    this.identityService = identityService;
    this.system = system;
  }

  public Team of(Incident incident) {
    return new Team(incident.restricted(), store.team(incident.id()));
  }

  /** The groups the escalation policy engaged (comma-separated ids, as the decision writes them). */
  public void engaged(String incidentId, String groups) {
    boolean added = false;
    for (String group : Roles.ids(groups)) {
      added |= store.addToTeam(incidentId, Principal.GROUP, group, Reason.ENGAGED, null);
    }
    if (added) {
      events.publishEvent(new Changed(incidentId));
    }
  }

  /** A person was assigned or completed one of the incident's tasks. */
  public void worked(String incidentId, String userId) {
    if (userId != null && store.addToTeam(incidentId, Principal.USER, userId, Reason.WORKED, null)) {
      events.publishEvent(new Changed(incidentId));
    }
  }

  /** The IR lead names a person; false when they were named already. */
  public boolean name(String incidentId, String userId, String actor) {
    if (!store.addToTeam(incidentId, Principal.USER, userId, Reason.NAMED, actor)) {
      return false;
    }
    store.recordEvent(incidentId, TimelineEvent.TEAM_MEMBER_ADDED, actor, userId + " named to the team");
    events.publishEvent(new Changed(incidentId));
    return true;
  }

  /** The IR lead takes a named person off the team; false when they were not named. */
  public boolean unname(String incidentId, String userId, String actor) {
    if (!store.removeFromTeam(incidentId, Principal.USER, userId, Reason.NAMED)) {
      return false;
    }
    store.recordEvent(incidentId, TimelineEvent.TEAM_MEMBER_REMOVED, actor, userId + " taken off the team");
    events.publishEvent(new Changed(incidentId));
    return true;
  }

  /** Marks the incident restricted (or lifts it); false when it already was so. */
  public boolean restrict(String incidentId, boolean restricted, String actor, String reason) {
    if (!store.restrict(incidentId, restricted)) {
      return false;
    }
    store.recordEvent(incidentId, restricted ? TimelineEvent.RESTRICTED : TimelineEvent.UNRESTRICTED, actor,
        (restricted ? "Restricted to its named team" : "Restriction lifted")
            + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()));
    events.publishEvent(new Changed(incidentId));
    return true;
  }

  /** Whether a Camunda user exists (team members are users of this instance). */
  public boolean userExists(String userId) {
    return system.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }
}
