package org.irfoundation.response;

import static org.irfoundation.response.ImprovementActionApi.Vars.CHANGES;
import static org.irfoundation.response.ImprovementActionApi.Vars.DUE_AT;
import static org.irfoundation.response.ImprovementActionApi.Vars.IMPROVEMENT_ID;
import static org.irfoundation.response.ImprovementActionApi.Vars.LESSON;
import static org.irfoundation.response.ImprovementActionApi.Vars.OWNER;
import static org.irfoundation.response.ImprovementActionApi.Vars.REMIND_AT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * The improvement actions: each lesson of a post-incident review as tracked work with an owner and a due date, an
 * {@code improvement-action} process instance of its own (business key = incident id), open until the owner records
 * it done. Models read it as {@code ${improvementActions}}; the rollout's playbook review shows
 * {@link #pendingFor(String)}, reports read {@link #forIncident}, {@link #forPlaybook} and {@link #open}.
 */
@Component("improvementActions")
public class ImprovementActions {

  /** How long before its due date the owner is reminded (at once, when it is due sooner). */
  public static final Duration REMIND_BEFORE = Duration.ofDays(3);
  /** What {@link #pendingFor} says when nothing is pending. */
  public static final String NONE = "none";

  private final ImprovementStore store;
  private final LessonLines lines;
  private final IncidentLifecycle lifecycle;
  private final Incidents incidents;
  private final RuntimeService runtime;
  private final SystemContext system;

  public ImprovementActions(ImprovementStore store, LessonLines lines, IncidentLifecycle lifecycle,
      Incidents incidents, RuntimeService runtime, SystemContext system) {
    this.store = store;
    this.lines = lines;
    this.lifecycle = lifecycle;
    this.incidents = incidents;
    this.runtime = runtime;
    this.system = system;
  }

  // ---------------------------------------------------------------- what others read

  /** Every action of the incident, soonest due first. */
  public List<Improvement> forIncident(String incidentId) {
    return improvements(store.ofIncident(incidentId));
  }

  /** Every action (open or done) whose lesson names the playbook, soonest due first. */
  public List<Improvement> forPlaybook(String playbookKey) {
    return improvements(store.list(null, Improvement.PLAYBOOK, playbookKey));
  }

  /** Every open action of every incident, soonest due first. */
  public List<Improvement> open() {
    return improvements(store.list(Improvement.OPEN, null, null));
  }

  /**
   * The open actions whose lesson names the playbook, in short, for its next review: {@code "2 open: INC-2026-0003
   * 'MFA reset takes too long' (lena, due 2027-01-15); ..."}, or {@link #NONE}. A restricted incident's lesson is not
   * shown (the reviewers need not be its team), an exercise's is marked.
   */
  public String pendingFor(String playbookKey) {
    List<Improvement> pending = forPlaybook(playbookKey).stream().filter(Improvement::isOpen).toList();
    if (pending.isEmpty()) {
      return NONE;
    }
    Instant now = EngineClock.now();
    return pending.size() + " open: " + pending.stream().map(i -> i.incidentId()
        + (incidents.isExercise(i.incidentId()) ? " [exercise]" : "")
        + (incidents.isRestricted(i.incidentId()) ? " (restricted incident)" : " '" + i.lesson() + "'")
        + " (" + i.owner() + ", due " + i.due() + (i.overdueAt(now) ? ", overdue" : "") + ")")
        .collect(Collectors.joining("; "));
  }

  /** The action; {@link IllegalArgumentException} for an unknown id. */
  public Improvement get(String improvementId) {
    return row(improvementId).improvement();
  }

  /** The end of a due date: 23:59 UTC that day. The task is due then and overdue from then on. */
  public static Instant dueAt(LocalDate due) {
    return due.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
  }

  // ---------------------------------------------------------------- what the processes do

  /**
   * Records the lessons of a review ({@link LessonLines}) as open actions, each on the timeline; refuses the whole
   * answer when a line is bad, naming it.
   */
  public List<Improvement> record(String incidentId, String lessons, String by) {
    Instant now = EngineClock.now();
    List<Lesson> parsed = lines.parse(lessons, LocalDate.ofInstant(now, ZoneOffset.UTC),
        PostIncidentReviewApi.Vars.LESSONS.name());
    int number = store.countOf(incidentId);
    List<Improvement> recorded = new ArrayList<>();
    for (Lesson lesson : parsed) {
      Improvement improvement = new Improvement(incidentId + "-L" + ++number, incidentId, lesson.text(),
          lesson.changesKind(), lesson.changesRef(), lesson.owner(), lesson.due(), Improvement.OPEN, now, null, null);
      store.insert(improvement, by);
      lifecycle.recordEvent(incidentId, TimelineEvent.LESSON_RECORDED, by, improvement.id() + ": '"
          + improvement.lesson() + "' changes " + improvement.changes() + "; owner " + improvement.owner() + ", due "
          + improvement.due());
      recorded.add(improvement);
    }
    return recorded;
  }

  /** Starts the action's improvement-action instance (once: a second call finds it started). */
  public void start(String improvementId) {
    ImprovementStore.Row row = row(improvementId);
    if (row.processInstanceId() != null) {
      return;
    }
    Improvement improvement = row.improvement();
    Instant dueAt = dueAt(improvement.due());
    Instant remindAt = dueAt.minus(REMIND_BEFORE);
    Instant now = EngineClock.now();
    Map<String, Object> variables = new HashMap<>();
    IMPROVEMENT_ID.put(variables, improvement.id());
    IncidentResponseApi.Inputs.INCIDENT_ID.put(variables, improvement.incidentId());
    OWNER.put(variables, improvement.owner());
    DUE_AT.put(variables, Date.from(dueAt));
    REMIND_AT.put(variables, Date.from(remindAt.isBefore(now) ? now : remindAt));
    LESSON.put(variables, improvement.lesson());
    CHANGES.put(variables, improvement.changes());
    String instance = system.call(() -> runtime.createProcessInstanceByKey(ImprovementActionApi.PROCESS_KEY)
        .businessKey(improvement.incidentId()).setVariables(variables).execute().getId());
    store.processStarted(improvementId, instance);
  }

  /** Records the action done by {@code by} with its outcome, on the timeline. */
  public Improvement done(String improvementId, String outcome, String by) {
    Improvement improvement = get(improvementId);
    if (store.done(improvementId, EngineClock.now(), by, outcome)) {
      lifecycle.recordEvent(improvement.incidentId(), TimelineEvent.IMPROVEMENT_DONE, by, improvementId + " '"
          + improvement.lesson() + "' done: " + abbreviate(outcome, 300));
    }
    return get(improvementId);
  }

  /** The ids of a comma-separated list: the collection of the review's multi-instance step. */
  public List<String> ids(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
        .filter(id -> !id.isEmpty()).toList();
  }

  ImprovementStore.Row row(String improvementId) {
    return store.find(improvementId)
        .orElseThrow(() -> new IllegalArgumentException("no improvement action " + improvementId));
  }

  private static List<Improvement> improvements(List<ImprovementStore.Row> rows) {
    return rows.stream().map(ImprovementStore.Row::improvement).toList();
  }

  static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
