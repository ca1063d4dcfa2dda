package org.irfoundation.exercise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.irfoundation.exercise.Scoring.Outcome;
import org.irfoundation.reporting.ReportRequest;
import org.irfoundation.reporting.ReportSection;
import org.irfoundation.reporting.ReportTemplates;
import org.irfoundation.reporting.Reports;
import org.irfoundation.reporting.StoredReport;
import org.irfoundation.rollout.Deliverables;
import org.springframework.stereotype.Service;

/**
 * The simulation report (week 8's deliverable): the incident's report as an exercise played it, with the exercise's
 * own section first-class: scenario, objectives, and each expectation met or missed in scenario time, with the score.
 * Stored once when the exercise is scored; a rollout's exercise also leaves it as the week-8 deliverable.
 */
@Service
public class ExerciseReports {

  static final String TEMPLATE = "reporting/exercise-section.html";

  private final Reports reports;
  private final ReportTemplates templates;
  private final Scoring scoring;
  private final Scenarios scenarios;
  private final Deliverables deliverables;

  public ExerciseReports(Reports reports, ReportTemplates templates, Scoring scoring, Scenarios scenarios,
      Deliverables deliverables) {
    this.reports = reports;
    this.templates = templates;
    this.scoring = scoring;
    this.scenarios = scenarios;
    this.deliverables = deliverables;
  }

  /** One expectation as the report shows it. */
  public record Row(String inject, String at, String title, String kind, String due, String done, String outcome,
      boolean missed, String points) {}

  record Model(String exerciseId, String scenario, String title, String summary, String mode, int compression,
      boolean compressed, String playbook, List<String> objectives, List<Row> rows, String score, int percent,
      boolean belowHalf) {

    public long missedCount() {
      return rows.stream().filter(Row::missed).count();
    }

    public boolean hasObjectives() {
      return !objectives.isEmpty();
    }
  }

  public ReportRequest request(Exercise exercise) {
    Scenario scenario = scenarios.of(exercise);
    return ReportRequest.simulation(exercise.incidentId(), "Simulation report: " + scenario.title() + " ("
        + exercise.id() + ")", List.of(section(exercise, scenario)));
  }

  public String html(Exercise exercise) {
    return reports.html(request(exercise));
  }

  public byte[] pdf(Exercise exercise) {
    return reports.pdf(request(exercise));
  }

  public Optional<StoredReport> stored(Exercise exercise) {
    return exercise.incidentId() == null ? Optional.empty()
        : reports.finalReport(exercise.incidentId(), ReportRequest.Kind.SIMULATION);
  }

  public InputStream open(StoredReport report) throws IOException {
    return reports.open(report);
  }

  /** Stores the final simulation report once; the rollout's week 8 gets a copy as its deliverable. */
  public StoredReport storeFinal(Exercise exercise) {
    Reports.Final result = reports.storeFinal(request(exercise), exercise.startedBy());
    if (result.created() && exercise.rolloutId() != null) {
      try (InputStream pdf = reports.open(result.report())) {
        deliverables.store(exercise.rolloutId(), 8, "Simulation report " + exercise.id(), exercise.id()
            + "-simulation-report.pdf", "application/pdf", new ByteArrayInputStream(pdf.readAllBytes()),
            exercise.startedBy());
      } catch (IOException e) {
        throw new UncheckedIOException("the simulation report of " + exercise.id() + " cannot be read back", e);
      }
    }
    return result.report();
  }

  private ReportSection section(Exercise exercise, Scenario scenario) {
    return context -> {
      Scoring.Score score = scoring.score(exercise, scenario);
      List<Row> rows = score.results().stream().map(r -> new Row(r.inject(),
          Scoring.human(scenario.inject(r.inject()).at()), r.title(), r.kind().name().toLowerCase(),
          Scoring.human(r.dueAt()), r.doneAt() == null ? "-" : Scoring.human(r.doneAt()), label(r.outcome()),
          r.outcome() == Outcome.LATE || r.outcome() == Outcome.NOT_DONE, r.points() + " / " + r.maxPoints()))
          .toList();
      return Optional.of(new ReportSection.Content("Expectations and score", templates.render(TEMPLATE,
          new Model(exercise.id(), scenario.id(), scenario.title(), scenario.summary(), exercise.mode().name(),
              exercise.timeCompression(), exercise.timeCompression() > 1, scenario.playbook(), scenario.objectives(),
              rows, score.summary(), score.percent(), score.percent() < 50))));
    };
  }

  private static String label(Outcome outcome) {
    return switch (outcome) {
      case MET -> "met";
      case LATE -> "missed (late)";
      case NOT_DONE -> "missed (not done)";
      case PENDING -> "pending";
    };
  }

}
