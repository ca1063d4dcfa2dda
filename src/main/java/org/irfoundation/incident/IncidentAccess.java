package org.irfoundation.incident;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The one rule for who may see an incident, used by every endpoint and view that shows one:
 *
 * <ul>
 *   <li>the IR lead and administrators: everything ({@link Access#TEAM});</li>
 *   <li>a restricted incident: its named members, and nobody else but its reporter (id, status, severity);</li>
 *   <li>otherwise its team (engaged groups, people who worked one of its tasks, named people): everything; the IR
 *       program owner: everything, read only; the reporter: id, status and severity;</li>
 *   <li>everyone else: nothing, as if it did not exist.</li>
 * </ul>
 * The same rule in SQL filters lists ({@link IncidentStore#list}), and the Camunda authorizations of the incident's
 * process instances follow it.
 */
@Component
public class IncidentAccess {

  /** Who is asking: the user and their groups, and what their groups let them see of every incident. */
  public record Viewer(String userId, Set<String> groups) {

    public boolean seesAll() {
      return groups.contains(Roles.CAMUNDA_ADMIN) || groups.contains(Roles.IR_LEAD);
    }

    public boolean readsUnrestricted() {
      return groups.contains(Roles.IR_PROGRAM_OWNER);
    }
  }

  private final IncidentStore store;
  private final IdentityService identityService;
  private final SystemContext system;

  public IncidentAccess(IncidentStore store, IdentityService identityService, SystemContext system) {
    this.store = store;
    this.identityService = identityService;
    this.system = system;
  }

  /** The user with their groups as Camunda's identity service has them now (membership changes count at once). */
  public Viewer viewer(String userId) {
    Set<String> groups = userId == null ? Set.of() : system.call(() -> identityService.createGroupQuery()
        .groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toUnmodifiableSet()));
    return new Viewer(userId, groups);
  }

  public Access of(Incident incident, Viewer viewer) {
    if (viewer.userId() == null) {
      return Access.NONE;
    }
    if (viewer.seesAll()) {
      return Access.TEAM;
    }
    IncidentTeam.Team team = new IncidentTeam.Team(incident.restricted(), store.team(incident.id()));
    boolean reporter = viewer.userId().equals(incident.reportedBy());
    if (team.has(IncidentTeam.Principal.USER, viewer.userId(), IncidentTeam.Reason.NAMED)) {
      return Access.TEAM;
    }
    if (incident.restricted()) {
      return reporter ? Access.REPORTER : Access.NONE;
    }
    if (team.has(IncidentTeam.Principal.USER, viewer.userId(), IncidentTeam.Reason.WORKED)
        || viewer.groups().stream().anyMatch(g -> team.has(IncidentTeam.Principal.GROUP, g, IncidentTeam.Reason.ENGAGED))) {
      return Access.TEAM;
    }
    if (viewer.readsUnrestricted()) {
      return Access.READ;
    }
    return reporter ? Access.REPORTER : Access.NONE;
  }

  public Access of(String incidentId, String userId) {
    return store.find(incidentId).map(incident -> of(incident, viewer(userId))).orElse(Access.NONE);
  }

  /**
   * The incident, when the user may see at least {@code needed} of it; else {@link IncidentAccessException}:
   * hidden (as unknown) when they may not see it at all, denied when they may see less than asked.
   */
  public Incident require(String incidentId, String userId, Access needed) {
    Incident incident = store.find(incidentId).orElseThrow(() -> IncidentAccessException.unknown(incidentId));
    Access access = of(incident, viewer(userId));
    if (!access.sees()) {
      throw IncidentAccessException.unknown(incidentId);
    }
    if (access.compareTo(needed) < 0) {
      throw IncidentAccessException.denied(access == Access.READ
          ? "Incident " + incidentId + " is yours to read, not to change."
          : "Only the team of incident " + incidentId + " may do this.");
    }
    return incident;
  }

  /** The incident, when the user leads it (IR lead, administrator): who is on its team is theirs to decide. */
  public Incident requireLead(String incidentId, String userId) {
    Incident incident = require(incidentId, userId, Access.REPORTER);
    if (!viewer(userId).seesAll()) {
      throw IncidentAccessException.denied("Only the IR lead decides who is on the team of incident " + incidentId
          + " and whether it is restricted.");
    }
    return incident;
  }
}
