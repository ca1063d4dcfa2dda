package org.irfoundation.exercise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.irfoundation.exercise.Scoring.Result;
import org.irfoundation.reporting.ReportResponses;
import org.irfoundation.reporting.StoredReport;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Exercises: the scenarios there are, start one, follow its score. */
@RestController
@Tag(name = "Exercises", description = "Rehearse on the real playbooks: scenarios, injects, expectations, scores")
public class ExerciseController {

  private final Exercises exercises;
  private final Scenarios scenarios;
  private final ExerciseAccess access;
  private final ExerciseResults results;
  private final ExerciseReports reports;

  public ExerciseController(Exercises exercises, Scenarios scenarios, ExerciseAccess access, ExerciseResults results,
      ExerciseReports reports) {
    this.exercises = exercises;
    this.scenarios = scenarios;
    this.access = access;
    this.results = results;
    this.reports = reports;
  }

  public record ScenarioView(String id, String title, String summary, String playbook, String duration,
      List<String> objectives, List<InjectView> injects, int maxScore) {}

  public record InjectView(String id, String at, String title, boolean alert, int expectations) {}

  public record ResultView(String inject, String expectation, String title, String kind, String dueAt,
      String doneAt, String outcome, int points, int maxPoints) {
    static ResultView of(Result r) {
      return new ResultView(r.inject(), r.expectation(), r.title(), r.kind().name(), iso(r.dueAt()), iso(r.doneAt()),
          r.outcome().name(), r.points(), r.maxPoints());
    }
  }

  public record ExerciseView(String id, String scenario, String title, String mode, int timeCompression,
      String incidentId, String rolloutId, Instant startedAt, String startedBy, Instant endedAt,
      List<String> participants, int points, int maxPoints, int percent, List<ResultView> expectations) {}

  @GetMapping(path = "/api/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The scenarios an exercise can run: shipped ones and the organisation's own")
  public List<ScenarioView> scenarios() {
    return scenarios.all().stream().map(s -> new ScenarioView(s.id(), s.title(), s.summary(), s.playbook(),
        iso(s.duration()), s.objectives(), s.injects().stream().map(i -> new InjectView(i.id(), iso(i.at()), i.title(),
            i.alert() != null, i.expectations().size())).toList(), s.maxScore(Scenario.Mode.TECHNICAL))).toList();
  }

  @PostMapping(path = "/api/exercises", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Start an exercise (IR lead, program owner or administrator)",
      description = "scenario: an id of GET /api/scenarios; mode TABLETOP (default) or TECHNICAL; timeCompression 1"
          + " (real time, default) to 720: injects and every timer of the playbooks come that much sooner;"
          + " participants: user ids, named on the incident's team, the only recipients of its mail; rolloutId: the"
          + " rollout whose week-7/8 simulation this is. 400 with every problem, 403 for other callers.")
  public ResponseEntity<ExerciseView> start(@RequestBody Exercises.Start request, Authentication caller) {
    access.mayRun(caller.getName());
    Exercise exercise = exercises.start(request, caller.getName());
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(exercise.id())
        .toUri();
    return ResponseEntity.created(location).body(view(exercise));
  }

  @GetMapping(path = "/api/exercises", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The exercises the caller runs or takes part in, newest first")
  public List<ExerciseView> list(Authentication caller) {
    return exercises.list().stream().filter(e -> access.sees(e, caller.getName())).map(this::view).toList();
  }

  @GetMapping(path = "/api/exercises/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "An exercise and its score so far: each expectation MET, LATE, NOT_DONE or PENDING",
      description = "Times are offsets of scenario time (ISO-8601 durations): what the clock saw, times the"
          + " compression.")
  public ExerciseView get(@PathVariable String id, Authentication caller) {
    return view(access.readable(id, caller.getName()));
  }

  @GetMapping(path = "/api/exercises/{id}/report")
  @Operation(summary = "The simulation report: the incident as the exercise played it, with expectations and score",
      description = "text/html (default) or application/pdf by the Accept header. final=true: the PDF stored when the"
          + " exercise was scored, exactly as stored, with its SHA-256 in X-Content-SHA256 and Repr-Digest; 404"
          + " until then.")
  public ResponseEntity<byte[]> report(@PathVariable String id,
      @RequestParam(name = "final", defaultValue = "false") boolean stored,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller)
      throws IOException {
    Exercise exercise = access.readable(id, caller.getName());
    if (stored) {
      StoredReport report = reports.stored(exercise).orElseThrow(() -> new ExerciseAccess.NotFound(id,
          "has no final simulation report yet: it is stored when the exercise is scored"));
      try (InputStream in = reports.open(report)) {
        return ReportResponses.pdf(id, in.readAllBytes(), report.sha256());
      }
    }
    if (exercise.incidentId() == null) {
      throw new ExerciseAccess.NotFound(id, "has not reported its incident yet");
    }
    if (ReportResponses.wantsPdf(accept)) {
      byte[] pdf = reports.pdf(exercise);
      return ReportResponses.pdf(id, pdf, ReportResponses.sha256(pdf));
    }
    return ReportResponses.html(reports.html(exercise));
  }

  private ExerciseView view(Exercise e) {
    Scoring.Score score = results.current(e);
    return new ExerciseView(e.id(), e.scenario(), scenarios.of(e).title(), e.mode().name(),
        e.timeCompression(), e.incidentId(), e.rolloutId(), e.startedAt(), e.startedBy(), e.endedAt(),
        e.participants(), score.points(), score.maxPoints(), score.percent(),
        score.results().stream().map(ResultView::of).toList());
  }

  private static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  @ExceptionHandler(ExerciseAccess.NotFound.class)
  ResponseEntity<ProblemDetail> notFound(ExerciseAccess.NotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(ExerciseAccess.NotAllowed.class)
  ResponseEntity<ProblemDetail> notAllowed(ExerciseAccess.NotAllowed e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
  }
}
