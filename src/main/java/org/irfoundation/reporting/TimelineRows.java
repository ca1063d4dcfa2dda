package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.reporting.IncidentHistory.Snapshot;
import org.irfoundation.reporting.IncidentMetrics.Metrics;
import org.irfoundation.reporting.TimelineChart.Chart;
import org.irfoundation.reporting.TimelineChart.Mark;
import org.irfoundation.reporting.TimelineChart.Row;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.PostIncidentReviewApi;

/** The chart of one incident: its phases from the history, its deadlines from the metrics, its notable events. */
final class TimelineRows {

  static final Map<TimelineEvent, String> MARKED = Map.ofEntries(
      Map.entry(TimelineEvent.REPORTED, "other"), Map.entry(TimelineEvent.CLOSED, "other"),
      Map.entry(TimelineEvent.ALERT, "other"), Map.entry(TimelineEvent.CLASSIFIED, "decision"),
      Map.entry(TimelineEvent.NOTIFICATION_DECIDED, "decision"),
      Map.entry(TimelineEvent.OBLIGATION_DETERMINED, "decision"), Map.entry(TimelineEvent.RANSOM_DECISION, "decision"),
      Map.entry(TimelineEvent.FALSE_POSITIVE, "decision"), Map.entry(TimelineEvent.RESTRICTED, "decision"),
      Map.entry(TimelineEvent.NOTICE_SENT, "notice"), Map.entry(TimelineEvent.NOTIFICATION_FILED, "notice"),
      Map.entry(TimelineEvent.EVIDENCE_COLLECTED, "evidence"), Map.entry(TimelineEvent.EVIDENCE_MISMATCH, "evidence"),
      Map.entry(TimelineEvent.LEGAL_HOLD_PLACED, "evidence"), Map.entry(TimelineEvent.SEVERITY_CHANGED, "raise"),
      Map.entry(TimelineEvent.SEVERITY_RAISED, "raise"));

  private TimelineRows() {}

  static Chart of(Snapshot history, Metrics metrics) {
    Incident incident = history.incident();
    Instant reported = incident.reportedAt();
    List<Row> rows = new ArrayList<>();
    if (incident.detectedAt() != null && incident.detectedAt().isBefore(reported)) {
      rows.add(new Row("Detected \u2192 reported", incident.detectedAt(), reported, false, null, null));
    }
    metrics.milestone(IncidentMetrics.ACKNOWLEDGE).ifPresent(m -> rows.add(phase("Acknowledge", reported, m)));
    metrics.milestone(IncidentMetrics.TRIAGE).ifPresent(m -> IncidentMetrics.TRIAGE_TASKS.stream()
        .flatMap(key -> history.tasks(key).stream()).findFirst()
        .ifPresent(task -> rows.add(phase("Triage", instant(task.getStartTime()), m))));
    Optional<HistoricActivityInstance> playbook = history.activities(IncidentResponseApi.PROCESS_KEY,
        IncidentResponseApi.Elements.CALL_PLAYBOOK).stream().findFirst();
    metrics.milestone(IncidentMetrics.CONTAIN).filter(m -> playbook.isPresent())
        .ifPresent(m -> rows.add(phase("Containment", containStart(history, playbook.get()), m)));
    playbook.ifPresent(p -> rows.add(new Row("Playbook " + shortName(incident.playbook()), instant(p.getStartTime()),
        instant(p.getEndTime()), p.getEndTime() == null, null, null)));
    if (!DataBreachApi.PROCESS_KEY.equals(incident.playbook())) {
      for (HistoricProcessInstance breach : history.processes(DataBreachApi.PROCESS_KEY)) {
        rows.add(new Row("Data breach playbook", instant(breach.getStartTime()), instant(breach.getEndTime()),
            breach.getEndTime() == null, null, null));
      }
    }
    metrics.milestones().stream().filter(m -> m.key().startsWith(IncidentMetrics.NOTICE)
        || m.key().equals(IncidentMetrics.DPO_NOTICE)).forEach(m -> rows.add(phase(m.name(), m.startedAt(), m)));
    for (HistoricTaskInstance review : history.tasks(PostIncidentReviewApi.Elements.TASK_HOLD_REVIEW)) {
      Milestone m = metrics.deadlines().stream()
          .filter(d -> d.key().equals(IncidentMetrics.TASK + review.getTaskDefinitionKey())).findFirst().orElse(null);
      rows.add(new Row("Post-incident review", instant(review.getStartTime()), instant(review.getEndTime()),
          review.getEndTime() == null, m == null ? null : m.dueAt(), m == null ? null : m.outcome()));
    }
    List<Mark> marks = new ArrayList<>();
    for (TimelineEntry entry : history.timeline()) {
      String kind = MARKED.get(entry.type());
      if (kind != null) {
        marks.add(new Mark(entry.at(), entry.type().name() + (entry.detail() == null ? "" : ": "
            + TimelineChart.shorten(entry.detail(), 120)), kind));
      }
    }
    Instant from = Stream.concat(Stream.of(reported, incident.detectedAt()),
        rows.stream().map(Row::start)).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(reported);
    Instant end = incident.closedAt() != null ? incident.closedAt() : history.now();
    Instant last = Stream.concat(Stream.concat(Stream.of(end), rows.stream().map(Row::end)),
        marks.stream().map(Mark::at)).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(end);
    // missed deadlines lie before the last activity; those still ahead are kept in view if close
    Duration span = Duration.between(from, last);
    Instant to = last.plus(max(span.dividedBy(10), Duration.ofMinutes(1)));
    Instant horizon = last.plus(span.dividedBy(3));
    for (Row row : rows) {
      if (row.dueAt() != null && row.dueAt().isAfter(to) && !row.dueAt().isAfter(horizon)) {
        to = row.dueAt().plus(span.dividedBy(20));
      }
    }
    return new Chart(from, to, incident.isOpen() ? history.now() : null, rows, marks);
  }

  /**
   * The first hours, when acknowledging, triage and containment are lost in a chart of days: up to the last of
   * their ends and deadlines; empty when the whole chart shows them well enough.
   */
  static Optional<Chart> firstHours(Chart whole) {
    List<String> phases = List.of("Acknowledge", "Triage", "Containment");
    Instant end = whole.rows().stream().filter(r -> phases.contains(r.label()))
        .flatMap(r -> Stream.of(r.end(), r.dueAt(), r.start())).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null);
    if (end == null) {
      return Optional.empty();
    }
    Duration early = Duration.between(whole.from(), end);
    if (early.isZero() || Duration.between(whole.from(), whole.to()).compareTo(early.multipliedBy(4)) < 0) {
      return Optional.empty();
    }
    return Optional.of(whole.until(end.plus(early.dividedBy(6)), "First " + ReportFormat.duration(early)));
  }

  private static Row phase(String label, Instant start, Milestone m) {
    return new Row(label, start, m.reachedAt(), m.reachedAt() == null, m.dueAt(), m.outcome());
  }

  /** Containment begins with the playbook, or with its own sub-process when it has one. */
  private static Instant containStart(Snapshot history, HistoricActivityInstance playbook) {
    return IncidentMetrics.CONTAIN_PROCESSES.stream()
        .flatMap(p -> history.activities(p, CompromisedAccountPlaybookApi.Elements.SUB_PROCESS_CONTAIN).stream())
        .map(a -> instant(a.getStartTime())).min(Comparator.naturalOrder()).orElse(instant(playbook.getStartTime()));
  }

  static String shortName(String playbook) {
    return playbook == null ? "" : playbook.replace("playbook-", "").replace('-', ' ');
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Instant instant(java.util.Date date) {
    return IncidentMetrics.instant(date);
  }
}
