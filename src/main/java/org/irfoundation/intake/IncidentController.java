package org.irfoundation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.intake.IncidentViews.AlertOutcome;
import org.irfoundation.intake.IncidentViews.AlertPage;
import org.irfoundation.intake.IncidentViews.IncidentDetail;
import org.irfoundation.intake.IncidentViews.IncidentPage;
import org.irfoundation.intake.IncidentViews.IncidentSummary;
import org.irfoundation.intake.IncidentViews.ObligationView;
import org.irfoundation.intake.IncidentViews.TimelinePage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Report incidents and alerts, follow their state")
public class IncidentController {

  static final int MAX_ALERTS_PER_REQUEST = 1000;

  public enum Status { OPEN, CLOSED }

  private final IncidentIntake intake;
  private final IncidentQueries queries;
  private final ObjectMapper json;
  private final Validator validator;

  public IncidentController(IncidentIntake intake, IncidentQueries queries, ObjectMapper json, Validator validator) {
    this.intake = intake;
    this.queries = queries;
    this.json = json;
    this.validator = validator;
  }

  @PostMapping(path = "/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Report an incident",
      description = "Classified at once: the answer carries id, severity and playbook. 201 for a new incident;"
          + " 200 with the same incident when its externalRef was reported before.")
  public ResponseEntity<IncidentSummary> report(@Valid @RequestBody IncidentReport report,
      Authentication caller) {
    IncidentIntake.Reported reported = intake.report(report, caller.getName());
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/incidents/{id}")
        .buildAndExpand(reported.incident().id()).toUri();
    return (reported.created() ? ResponseEntity.created(location) : ResponseEntity.ok().location(location))
        .body(reported.incident());
  }

  @GetMapping("/incidents/{id}")
  @Operation(summary = "An incident: state, open tasks, deadlines, ticket and war room, the newest of its timeline",
      description = "For its team, the IR lead, the program owner (read) and administrators; its reporter sees id,"
          + " status and severity only; everyone else gets 404, as for an unknown id. timeline: the newest 50"
          + " entries (timelineTotal of them in all: GET …/timeline pages through them); alerts: how many it received.")
  public IncidentDetail incident(@PathVariable String id, Authentication caller) {
    return queries.detail(id, caller.getName());
  }

  @GetMapping("/incidents")
  @Operation(summary = "A page of the incidents the caller may see, newest first",
      description = "Incidents the caller only reported show id, status and severity. Exercises' incidents are not"
          + " among them: exercise=true lists those instead.")
  public IncidentPage incidents(@RequestParam(required = false) Status status,
      @RequestParam(defaultValue = "false") boolean exercise,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication caller) {
    return queries.list(caller.getName(), status == null ? null : status.name(), exercise, page, size);
  }

  @GetMapping("/incidents/{id}/obligations")
  @Operation(summary = "The incident's notification obligations: what is due to whom, by when, and where each stands",
      description = "Found from the first minute for any incident, and again whenever its scope changes. status:"
          + " AWAITING_DETERMINATION (a person decides first; due is the earliest it could be), DUE (due is set once"
          + " its clock has started: a clock that follows another obligation starts when that one is filed), FILED,"
          + " NOT_TRIGGERED (with the reason).")
  public List<ObligationView> obligations(@PathVariable String id, Authentication caller) {
    return queries.obligations(id, caller.getName());
  }

  @GetMapping("/incidents/{id}/timeline")
  @Operation(summary = "The timeline of an incident, a page at a time, newest first, with the total",
      description = "A fingerprint's alerts are one entry (their count, first and last seen). For those who read"
          + " all of the incident.")
  public TimelinePage timeline(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Authentication caller) {
    return queries.timeline(id, caller.getName(), page, size);
  }

  @GetMapping("/incidents/{id}/alerts")
  @Operation(summary = "The alerts of an incident kept whole, newest first, and every fingerprint's count",
      description = "Every alert is counted on its fingerprint (received); the first irf.intake.alerts.raw-sample"
          + " of each are kept whole (items, total), and the newest one of each with its count (fingerprints).")
  public AlertPage alerts(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Authentication caller) {
    return queries.alerts(id, caller.getName(), page, size);
  }

  @PostMapping(path = "/alerts", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Report one alert or an array of alerts",
      description = "An alert whose fingerprint belongs to an open incident is counted on that fingerprint (one"
          + " timeline entry for all its alerts) and raises the severity if its indicators do; a new fingerprint"
          + " opens an incident. Up to 1,000 alerts per request, in one transaction. 202 once committed.")
  public ResponseEntity<List<AlertOutcome>> alerts(@RequestBody JsonNode body, Authentication caller) {
    List<AlertReport> alerts = readAlerts(body);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(intake.receive(alerts, caller.getName()));
  }

  /** One object or an array, each validated like a request body; problems name {@code [i].field}. */
  private List<AlertReport> readAlerts(JsonNode body) {
    boolean batch = body.isArray();
    if (!batch && !body.isObject()) {
      throw new ApiProblems.BadInput(List.of(new FieldProblem("(body)", "must be an alert or an array of alerts")));
    }
    if (body.isEmpty() && batch) {
      throw new ApiProblems.BadInput(List.of(new FieldProblem("(body)", "no alerts")));
    }
    if (body.size() > MAX_ALERTS_PER_REQUEST && batch) {
      throw new ApiProblems.BadInput(List.of(new FieldProblem("(body)",
          "at most " + MAX_ALERTS_PER_REQUEST + " alerts per request")));
    }
    List<JsonNode> nodes = new ArrayList<>();
    (batch ? body : json.createArrayNode().add(body)).forEach(nodes::add);
    List<AlertReport> alerts = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String prefix = batch ? "[" + i + "]." : "";
      try {
        AlertReport alert = json.treeToValue(nodes.get(i), AlertReport.class);
        for (ConstraintViolation<AlertReport> violation : validator.validate(alert)) {
          problems.add(new FieldProblem(prefix + violation.getPropertyPath(), violation.getMessage()));
        }
        alerts.add(alert);
      } catch (JsonProcessingException e) {
        FieldProblem problem = ApiProblems.unreadable(new RuntimeException(e));
        problems.add(new FieldProblem(prefix + problem.field(), problem.message()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiProblems.BadInput(problems);
    }
    return alerts;
  }
}
