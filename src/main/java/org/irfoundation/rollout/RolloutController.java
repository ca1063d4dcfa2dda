package org.irfoundation.rollout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.api.TextInput;
import org.irfoundation.rollout.RolloutViews.DeliverableView;
import org.irfoundation.rollout.RolloutViews.RolloutView;
import org.irfoundation.rollout.RolloutViews.StartRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The rollout program: start one, follow it week by week, store its deliverables, read its readiness report. */
@RestController
@RequestMapping("/api/rollouts")
@Tag(name = "Rollout", description = "The 8-week program that builds the incident-response capability")
public class RolloutController {

  private final Rollouts rollouts;
  private final RolloutAccess access;
  private final RolloutProgress progress;
  private final Readiness readiness;
  private final Deliverables deliverables;

  public RolloutController(Rollouts rollouts, RolloutAccess access, RolloutProgress progress, Readiness readiness,
      Deliverables deliverables) {
    this.rollouts = rollouts;
    this.access = access;
    this.progress = progress;
    this.readiness = readiness;
    this.deliverables = deliverables;
  }

  public record Listed(String id, String organisation, String status, Integer currentWeek) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Start a rollout (program owner or administrator)",
      description = "sponsor and programOwner are user ids; week n is due n weeks after startDate (weeks 5-6 after"
          + " six). 400 for a missing field or an unknown user, 403 for a caller who may not start one.")
  public ResponseEntity<RolloutView> start(@Valid @RequestBody StartRequest request, Authentication caller) {
    access.mayStart(caller.getName());
    Rollout rollout = rollouts.start(new Rollouts.Start(request.organisation(), request.sponsor(),
        request.programOwner(), request.startDate()), caller.getName());
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(rollout.id())
        .toUri();
    return ResponseEntity.created(location).body(progress.of(rollout));
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The rollouts the caller sees, newest first")
  public List<Listed> list(Authentication caller) {
    return rollouts.ids().stream().map(id -> rollouts.find(id).orElseThrow())
        .filter(r -> access.sees(r, caller.getName())).map(progress::of)
        .map(v -> new Listed(v.id(), v.organisation(), v.status(), v.currentWeek())).toList();
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Where the rollout stands: each week's status, due date, deliverables and gate metrics")
  public RolloutView get(@PathVariable String id, Authentication caller) {
    return progress.of(access.readable(id, caller.getName()));
  }

  @GetMapping(path = "/{id}/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Readiness: each AWS Well-Architected SEC10 best practice with the evidence that proves it",
      description = "Also as an HTML page (Accept: text/html).")
  public RolloutViews.Readiness readiness(@PathVariable String id, Authentication caller) {
    return readiness.of(progress.of(access.readable(id, caller.getName())));
  }

  @GetMapping(path = "/{id}/readiness", produces = MediaType.TEXT_HTML_VALUE)
  public String readinessPage(@PathVariable String id, Authentication caller) {
    return readiness.html(readiness(id, caller));
  }

  @PostMapping(path = "/{id}/deliverables", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store a deliverable of a week (team charter, IR plan, exercise report...)",
      description = "Multipart: week (1, 2, 3, 4, 5 for weeks 5-6, 7, 8), name, file. Stored write-once with its"
          + " SHA-256; the week's gate reads it.")
  public ResponseEntity<DeliverableView> deliverable(@PathVariable String id, @RequestParam(required = false)
      Integer week, @RequestParam(required = false) String name, @RequestParam(required = false) MultipartFile file,
      Authentication caller) {
    Rollout rollout = access.readable(id, caller.getName());
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (week == null || !RolloutProgress.WEEKS.containsKey(week)) {
      problems.add(new FieldProblem(RolloutApi.Vars.WEEK.name(), "must be one of " + RolloutProgress.WEEKS.keySet()));
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
    } else if (TextInput.problem(name) != null) {
      problems.add(new FieldProblem("name", TextInput.problem(name)));
    }
    if (file == null || file.isEmpty()) {
      problems.add(new FieldProblem("file", "must be a non-empty file"));
    }
    if (!problems.isEmpty()) {
      throw new ApiProblems.BadInput(problems);
    }
    Deliverable stored;
    try (InputStream content = file.getInputStream()) {
      stored = deliverables.store(rollout.id(), week, name.trim(), file.getOriginalFilename(), file.getContentType(),
          content, caller.getName());
    } catch (IOException e) {
      throw new IllegalStateException("the uploaded file cannot be read: " + e.getMessage(), e);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(DeliverableView.of(stored));
  }

  @ExceptionHandler(RolloutAccess.NotFound.class)
  ResponseEntity<ProblemDetail> notFound(RolloutAccess.NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(RolloutAccess.NotAllowed.class)
  ResponseEntity<ProblemDetail> notAllowed(RolloutAccess.NotAllowed e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
  }

  @ExceptionHandler(Rollouts.UnknownUserException.class)
  ResponseEntity<Object> unknownUser(Rollouts.UnknownUserException e) {
    String field = e.getMessage().substring(0, e.getMessage().indexOf(' '));
    return ResponseEntity.badRequest().body(ApiProblems.problem(List.of(new FieldProblem(field, e.getMessage()))));
  }
}
