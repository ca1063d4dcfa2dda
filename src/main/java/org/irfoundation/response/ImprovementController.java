package org.irfoundation.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.response.ImprovementQueries.ImprovementView;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The improvement actions that post-incident reviews recorded, per incident and across incidents. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Improvements", description = "Lessons of post-incident reviews as tracked work: owner, due date, outcome")
public class ImprovementController {

  /** What {@code status} may be. */
  public enum Status { OPEN, DONE }

  static final Pattern PLAYBOOK_KEY = Pattern.compile("playbook-[a-z0-9-]{1,90}");

  private final ImprovementQueries queries;

  public ImprovementController(ImprovementQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/incidents/{id}/improvements")
  @Operation(summary = "The improvement actions of an incident's post-incident review, soonest due first",
      description = "For whoever may read all of the incident (its team, the IR lead, the program owner,"
          + " administrators); its reporter gets 403, everyone else 404 as for an unknown id.")
  public List<ImprovementView> ofIncident(@PathVariable String id, Authentication caller) {
    return queries.ofIncident(id, caller.getName());
  }

  @GetMapping("/improvements")
  @Operation(summary = "Improvement actions across incidents, soonest due first",
      description = "The IR lead, the IR program owner and administrators see every action, anyone else the"
          + " actions they own; a restricted incident's actions only its team. status OPEN or DONE, playbook a"
          + " playbook key (the actions whose lesson changes it), exercise true or false (an exercise's incidents"
          + " or the real ones); each narrows the list. Every action says whether it is an exercise's.")
  public List<ImprovementView> list(@RequestParam(required = false) Status status,
      @RequestParam(required = false) String playbook, @RequestParam(required = false) Boolean exercise,
      Authentication caller) {
    if (playbook != null && !PLAYBOOK_KEY.matcher(playbook).matches()) {
      throw new ApiProblems.BadInput(List.of(new FieldProblem("playbook",
          "'" + ImprovementActions.abbreviate(playbook, 100) + "' is no playbook key (playbook-..., lower case)")));
    }
    return queries.list(caller.getName(), status == null ? null : status.name(), playbook, exercise);
  }
}
