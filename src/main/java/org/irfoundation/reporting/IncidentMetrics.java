package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.irfoundation.engine.TimerCompression;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Obligation;
import org.irfoundation.reporting.IncidentHistory.Snapshot;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The incident's metrics from the engine's history and its timeline, each against its target: time to acknowledge
 * (the escalation policy's SLA), to triage (the playbook's triage timer or due date), to contain and to close (the
 * organisation's targets per severity, {@link ReportingProperties}), to the DPO notice, to each regulatory notice
 * (its legal deadline); then every other user task that had a deadline.
 */
@Service
public class IncidentMetrics {

  public static final String ACKNOWLEDGE = "acknowledge";
  public static final String TRIAGE = "triage";
  public static final String CONTAIN = "contain";
  public static final String DPO_NOTICE = "dpo-notice";
  public static final String NOTICE = "notice:";
  public static final String RECOVER = "recover";
  public static final String CLOSE = "close";
  public static final String TASK = "task:";

  /** The tasks whose end is "triaged", per playbook (data breach: its severity assessment). */
  static final List<String> TRIAGE_TASKS = List.of(CompromisedAccountPlaybookApi.Elements.TASK_TRIAGE,
      MalwareRansomwarePlaybookApi.Elements.TASK_TRIAGE, DataBreachApi.Elements.TASK_ASSESS_SEVERITY);
  /** The containment sub-processes of the playbooks that contain. */
  static final List<String> CONTAIN_PROCESSES = List.of(CompromisedAccountPlaybookApi.PROCESS_KEY,
      MalwareRansomwarePlaybookApi.PROCESS_KEY);

  /** The headline metrics and the other deadlines. */
  public record Metrics(List<Milestone> milestones, List<Milestone> deadlines) {

    public Optional<Milestone> milestone(String key) {
      return milestones.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    public long missed() {
      return milestones.stream().filter(m -> m.outcome().missed()).count()
          + deadlines.stream().filter(m -> m.outcome().missed()).count();
    }
  }

  private final TaskDeadlines taskDeadlines;
  private final ReportingProperties targets;
  private final ObjectProvider<TimerCompression.Factor> compression;

  public IncidentMetrics(TaskDeadlines taskDeadlines, ReportingProperties targets,
      ObjectProvider<TimerCompression.Factor> compression) {
    this.taskDeadlines = taskDeadlines;
    this.targets = targets;
    this.compression = compression;
  }

  /**
   * A deadline as the incident's clock runs: an exercise's runs {@code factor} times faster (its timers fire that much
   * sooner), so a deadline {@code due - from} after {@code from} falls that much sooner too; real incidents: as is.
   */
  static Instant compressed(Instant from, Instant due, int factor) {
    return factor <= 1 || from == null || due == null ? due : TimerCompression.closer(due, factor, from);
  }

  /** How much faster the incident's clock runs: an exercise's time compression, 1 for real incidents. */
  public int compressionOf(String incidentId) {
    TimerCompression.Factor known = compression.getIfAvailable();
    return known == null ? 1 : Math.max(1, known.of(incidentId));
  }

  public Metrics of(Snapshot history) {
    Incident incident = history.incident();
    Instant reported = incident.reportedAt();
    Instant now = history.now();
    int f = compressionOf(incident.id());
    List<Milestone> milestones = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    task(history, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE).ifPresent(ack -> {
      covered.add(ack.getId());
      Instant due = compressed(instant(ack.getStartTime()), due(history, ack).orElse(null), f);
      milestones.add(milestone(ACKNOWLEDGE, "Acknowledged", reported, ended(ack), due,
          target(history, IncidentResponseApi.Decided.ACKNOWLEDGE_SLA.name(), "acknowledge SLA"), now));
    });
    TRIAGE_TASKS.stream().flatMap(key -> task(history, key).stream()).findFirst().ifPresent(triage -> {
      covered.add(triage.getId());
      Instant due = compressed(instant(triage.getStartTime()), due(history, triage).orElse(null), f);
      milestones.add(milestone(TRIAGE, "Triaged", reported, ended(triage), due,
          due == null ? null : "playbook: by " + ReportFormat.time(due), now));
    });
    Optional<Duration> containTarget = targets.containTarget(incident.severity());
    milestones.add(milestone(CONTAIN, "Contained", reported, contained(history).orElse(null),
        compressed(reported, containTarget.map(reported::plus).orElse(null), f),
        containTarget.map(d -> ReportFormat.duration(d) + " (" + incident.severity() + ")").orElse(null), now));
    task(history, DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE).ifPresent(dpo -> {
      covered.add(dpo.getId());
      milestones.add(milestone(DPO_NOTICE, "DPO notified", reported, ended(dpo),
          compressed(instant(dpo.getStartTime()), due(history, dpo).orElse(null), f),
          "DPO within " + ReportFormat.duration(DataBreachApi.DPO_NOTICE_WITHIN) + " of awareness", now));
    });
    for (Obligation obligation : history.obligations()) {
      if (obligation.status() == Obligation.Status.NOT_TRIGGERED) {
        continue;
      }
      Instant clockStart = obligation.clockStartedAt() != null ? obligation.clockStartedAt() : reported;
      Instant due = compressed(clockStart, obligation.dueOrWorstCase(), f);
      milestones.add(new Milestone(NOTICE + obligation.code(), obligation.regulation() + " notice",
          clockStart, obligation.filedAt(), due,
          obligation.deadline() == null ? null : "legal deadline " + ReportFormat.durationText(obligation.deadline()),
          Outcome.of(obligation.filedAt(), due, now)));
    }
    history.activities(IncidentResponseApi.PROCESS_KEY, IncidentResponseApi.Elements.CALL_PLAYBOOK).stream()
        .findFirst().ifPresent(playbook -> milestones.add(milestone(RECOVER, "Recovered (playbook done)",
            reported, ended(playbook), null, null, now)));
    Optional<Duration> closeTarget = targets.closeTarget(incident.severity());
    // the closing step's end on the engine's clock, as every other step here; the record's time otherwise
    Instant closed = history.activities(IncidentResponseApi.PROCESS_KEY, IncidentResponseApi.Elements.TASK_CLOSE_INCIDENT)
        .stream().map(IncidentMetrics::ended).filter(java.util.Objects::nonNull).findFirst()
        .orElse(incident.closedAt());
    milestones.add(milestone(CLOSE, "Closed", reported, closed,
        compressed(reported, closeTarget.map(reported::plus).orElse(null), f),
        closeTarget.map(d -> ReportFormat.duration(d) + " (" + incident.severity() + ")").orElse(null), now));
    return new Metrics(milestones, otherDeadlines(history, covered, f));
  }

  /** Every other user task of the incident that had a deadline, in the order they were created. */
  private List<Milestone> otherDeadlines(Snapshot history, Set<String> covered, int f) {
    List<Milestone> deadlines = new ArrayList<>();
    for (HistoricTaskInstance task : history.tasks()) {
      if (covered.contains(task.getId())) {
        continue;
      }
      due(history, task).map(due -> compressed(instant(task.getStartTime()), due, f))
          .ifPresent(due -> deadlines.add(new Milestone(TASK + task.getTaskDefinitionKey(),
          task.getName(), instant(task.getStartTime()), ended(task), due, "by " + ReportFormat.time(due),
          Outcome.of(ended(task), due, history.now()))));
    }
    return deadlines;
  }

  /** Containment done: a playbook's containment ended, or the breach playbook found the access had stopped. */
  static Optional<Instant> contained(Snapshot history) {
    List<Instant> ends = new ArrayList<>();
    for (String process : CONTAIN_PROCESSES) {
      history.activities(process, CompromisedAccountPlaybookApi.Elements.SUB_PROCESS_CONTAIN).stream()
          .map(IncidentMetrics::ended).filter(java.util.Objects::nonNull).forEach(ends::add);
    }
    boolean containedByCall = !history.activities(DataBreachApi.PROCESS_KEY, DataBreachApi.Elements.CALL_CONTAIN)
        .isEmpty();
    if (!containedByCall) {
      history.activities(DataBreachApi.PROCESS_KEY, DataBreachApi.Elements.GATEWAY_ACCESS_ONGOING).stream()
          .map(IncidentMetrics::ended).filter(java.util.Objects::nonNull).forEach(ends::add);
    }
    return ends.stream().min(Comparator.naturalOrder());
  }

  private Optional<Instant> due(Snapshot history, HistoricTaskInstance task) {
    return taskDeadlines.dueAt(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getDueDate(),
        task.getStartTime(), name -> history.variable(task.getProcessInstanceId(), name).orElse(null));
  }

  private static String target(Snapshot history, String variable, String what) {
    return history.variable(null, variable).map(v -> what + " " + ReportFormat.durationText(v.toString()))
        .orElse(null);
  }

  private static Optional<HistoricTaskInstance> task(Snapshot history, String key) {
    return history.tasks(key).stream().findFirst();
  }

  private static Milestone milestone(String key, String name, Instant start, Instant reached, Instant due,
      String target, Instant now) {
    return new Milestone(key, name, start, reached, due, target, Outcome.of(reached, due, now));
  }

  static Instant ended(HistoricTaskInstance task) {
    return instant(task.getEndTime());
  }

  static Instant ended(HistoricActivityInstance activity) {
    return instant(activity.getEndTime());
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
