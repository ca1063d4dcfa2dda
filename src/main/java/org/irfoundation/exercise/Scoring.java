package org.irfoundation.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.exercise.Scenario.Expectation;
import org.irfoundation.exercise.Scenario.Inject;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Service;

/**
 * Scores an exercise from what happened, never from what anyone says happened: a task expectation is met by the
 * first completion of that user task in any of the incident's processes (the engine's history), an event expectation
 * by the first timeline entry of that type (and detail). Both in scenario time: done at most {@code within} after
 * the inject's offset. Expectations of the other mode are not scored.
 */
@Service
public class Scoring {

  public enum Outcome { MET, LATE, NOT_DONE, PENDING }

  /**
   * @param doneAt scenario time it was done at (null: not done); @param dueAt scenario time it was due by
   */
  public record Result(String inject, String expectation, String title, Scenario.Kind kind, Duration dueAt,
      Duration doneAt, Outcome outcome, int points, int maxPoints) {

    public boolean met() {
      return outcome == Outcome.MET;
    }
  }

  public record Score(String exerciseId, String scenario, int points, int maxPoints, List<Result> results) {

    public int percent() {
      return maxPoints == 0 ? 100 : Math.round(100f * points / maxPoints);
    }

    public String summary() {
      long met = results.stream().filter(Result::met).count();
      return points + "/" + maxPoints + " points (" + percent() + " %), " + met + " of " + results.size()
          + " expectations met";
    }
  }

  private final Incidents incidents;
  private final HistoryService historyService;
  private final SystemContext system;

  public Scoring(Incidents incidents, HistoryService historyService, SystemContext system) {
    this.incidents = incidents;
    this.historyService = historyService;
    this.system = system;
  }

  /** The score so far (a running exercise: expectations not yet due are PENDING) or final. */
  public Score score(Exercise exercise, Scenario scenario) {
    List<TimelineEntry> timeline = exercise.incidentId() == null ? List.of() : incidents.timeline(exercise.incidentId());
    Instant now = exercise.ended() ? exercise.endedAt() : EngineClock.now();
    List<Result> results = new ArrayList<>();
    for (Inject inject : scenario.injects()) {
      for (Expectation expectation : inject.expectations()) {
        if (!expectation.appliesTo(exercise.mode())) {
          continue;
        }
        Duration due = inject.at().plus(expectation.within());
        Duration done = doneAt(exercise, expectation, timeline).map(exercise::scenarioTimeOf).orElse(null);
        Outcome outcome;
        if (done != null) {
          outcome = done.compareTo(due) <= 0 ? Outcome.MET : Outcome.LATE;
        } else {
          outcome = exercise.ended() || exercise.scenarioTimeOf(now).compareTo(due) > 0 ? Outcome.NOT_DONE
              : Outcome.PENDING;
        }
        results.add(new Result(inject.id(), expectation.id(), expectation.title(), expectation.kind(), due, done,
            outcome, outcome == Outcome.MET ? expectation.score() : 0, expectation.score()));
      }
    }
    return new Score(exercise.id(), scenario.id(), results.stream().mapToInt(Result::points).sum(),
        scenario.maxScore(exercise.mode()), List.copyOf(results));
  }

  private Optional<Instant> doneAt(Exercise exercise, Expectation expectation, List<TimelineEntry> timeline) {
    if (exercise.incidentId() == null) {
      return Optional.empty();
    }
    if (expectation.task() != null) {
      return system.call(() -> historyService.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(exercise.incidentId()).taskDefinitionKey(expectation.task())
          .taskDeleteReason("completed").list()).stream().map(HistoricTaskInstance::getEndTime)
          .filter(java.util.Objects::nonNull).map(java.util.Date::toInstant).min(Comparator.naturalOrder());
    }
    TimelineEvent type = TimelineEvent.valueOf(expectation.event());
    return timeline.stream().filter(e -> e.type() == type && !e.at().isBefore(exercise.startedAt()))
        .filter(e -> expectation.detail() == null || (e.detail() != null && e.detail().toLowerCase()
            .contains(expectation.detail().toLowerCase())))
        .map(TimelineEntry::at).min(Comparator.naturalOrder());
  }

  /** 90 minutes as people say it: "1 h 30 min", "2 d 4 h", "0 min". */
  public static String human(Duration duration) {
    if (duration == null) {
      return "-";
    }
    long minutes = duration.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append(" d ");
    }
    if (hours > 0) {
      text.append(hours).append(" h ");
    }
    if (mins > 0 || text.length() == 0) {
      text.append(mins).append(" min");
    }
    return text.toString().trim();
  }
}
