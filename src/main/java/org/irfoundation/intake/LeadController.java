package org.irfoundation.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.incident.IncidentAccess;
import org.irfoundation.incident.IncidentSeverity;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.intake.IncidentViews.IncidentDetail;
import org.irfoundation.intake.IncidentViews.Restriction;
import org.irfoundation.intake.IncidentViews.SeverityDecision;
import org.irfoundation.intake.IncidentViews.TeamView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IR lead's decisions on an incident: who is on its team (naming people to it, taking them off), restricting it
 * to its named people (insider, HR or legal matters), and its severity (the only way to lower it). Every change is on
 * the timeline and counts at once: the API, Tasklist and Cockpit follow it.
 */
@RestController
@RequestMapping(path = "/api/incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Report incidents and alerts, follow their state")
public class LeadController {

  private final IncidentQueries queries;
  private final IncidentAccess access;
  private final IncidentTeam team;
  private final IncidentSeverity severity;

  public LeadController(IncidentQueries queries, IncidentAccess access, IncidentTeam team,
      IncidentSeverity severity) {
    this.queries = queries;
    this.access = access;
    this.team = team;
    this.severity = severity;
  }

  @GetMapping("/team")
  @Operation(summary = "Who works the incident: engaged groups, people who worked its tasks, named people")
  public TeamView team(@PathVariable String id, Authentication caller) {
    return queries.team(id, caller.getName());
  }

  @PostMapping("/team/{user}")
  @Operation(summary = "Name a user to the team (IR lead)",
      description = "On a restricted incident only named people (and the IR lead) see it and get its tasks.")
  @Transactional
  public TeamView name(@PathVariable String id, @PathVariable String user, Authentication caller) {
    access.requireLead(id, caller.getName());
    if (!team.userExists(user)) {
      throw new ApiProblems.BadInput(List.of(new FieldProblem("user", "no user '" + user + "' on this instance")));
    }
    team.name(id, user, caller.getName());
    return queries.team(id, caller.getName());
  }

  @DeleteMapping("/team/{user}")
  @Operation(summary = "Take a named user off the team (IR lead)")
  @Transactional
  public TeamView unname(@PathVariable String id, @PathVariable String user, Authentication caller) {
    access.requireLead(id, caller.getName());
    if (!team.unname(id, user, caller.getName())) {
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          user + " is not named on the team of " + id), null);
    }
    return queries.team(id, caller.getName());
  }

  @PutMapping(path = "/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Set the severity (IR lead)",
      description = "Raising it re-runs the escalation policy; lowering it is the IR lead's decision alone (a later,"
          + " lower assessment in a playbook never lowers it). The reason goes on the timeline.")
  @Transactional
  public IncidentDetail severity(@PathVariable String id, @Valid @RequestBody SeverityDecision decision,
      Authentication caller) {
    access.requireLead(id, caller.getName());
    severity.set(id, decision.severity(), decision.reason(), caller.getName());
    return queries.detail(id, caller.getName());
  }

  @PutMapping(path = "/restriction", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Restrict the incident to its named team, or lift the restriction (IR lead)")
  @Transactional
  public TeamView restrict(@PathVariable String id, @Valid @RequestBody Restriction restriction,
      Authentication caller) {
    access.requireLead(id, caller.getName());
    team.restrict(id, restriction.restricted(), caller.getName(), restriction.reason());
    return queries.team(id, caller.getName());
  }
}
