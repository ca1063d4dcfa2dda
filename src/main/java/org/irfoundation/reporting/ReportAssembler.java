package org.irfoundation.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.reporting.IncidentHistory.Snapshot;
import org.irfoundation.reporting.IncidentMetrics.Metrics;
import org.irfoundation.reporting.ReportView.EntryRow;
import org.irfoundation.reporting.ReportView.MetricRow;
import org.irfoundation.reporting.ReportView.ObligationRow;
import org.irfoundation.reporting.ReportView.SectionRow;
import org.irfoundation.reporting.ReportView.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Puts a report together from one snapshot of the incident's history: the built-in sections, then the others. */
@Service
class ReportAssembler {

  private static final Logger log = LoggerFactory.getLogger(ReportAssembler.class);

  static final Set<TimelineEvent> DECISIONS = EnumSet.of(TimelineEvent.CLASSIFIED, TimelineEvent.SEVERITY_CHANGED,
      TimelineEvent.SEVERITY_RAISED, TimelineEvent.ESCALATION_REASSESSED, TimelineEvent.FALSE_POSITIVE,
      TimelineEvent.RANSOM_DECISION, TimelineEvent.NOTIFICATION_DECIDED, TimelineEvent.OBLIGATION_DETERMINED,
      TimelineEvent.OBLIGATION_WITHDRAWN, TimelineEvent.RESTRICTED, TimelineEvent.UNRESTRICTED,
      TimelineEvent.LEGAL_HOLD_PLACED, TimelineEvent.LEGAL_HOLD_RELEASED);
  static final List<String> HEADLINE = List.of(IncidentMetrics.ACKNOWLEDGE, IncidentMetrics.TRIAGE,
      IncidentMetrics.CONTAIN, IncidentMetrics.CLOSE);
  static final Set<TimelineEvent> NOTICES = EnumSet.of(TimelineEvent.NOTICE_SENT, TimelineEvent.NOTIFICATION_FILED);

  private final IncidentHistory histories;
  private final IncidentMetrics metrics;
  private final Incidents incidents;
  private final ReportEvidence evidence;
  private final ObjectProvider<ReportSection> sections;

  ReportAssembler(IncidentHistory histories, IncidentMetrics metrics, Incidents incidents, ReportEvidence evidence,
      ObjectProvider<ReportSection> sections) {
    this.histories = histories;
    this.metrics = metrics;
    this.incidents = incidents;
    this.evidence = evidence;
    this.sections = sections;
  }

  /** The report's view; empty for an unknown incident. */
  Optional<ReportView> view(ReportRequest request) {
    return histories.of(request.incidentId()).map(history -> view(request, history));
  }

  private ReportView view(ReportRequest request, Snapshot history) {
    Incident incident = history.incident();
    Metrics measured = metrics.of(history);
    ReportContext context = new ReportContext(request, history, measured);
    List<SectionRow> more = new ArrayList<>();
    sections.orderedStream().forEach(section -> contribute(section, context).ifPresent(more::add));
    // a simulation report's own sections (the exercise's score) lead, right under the headline figures
    List<SectionRow> leading = new ArrayList<>();
    request.sections().forEach(section -> contribute(section, context)
        .ifPresent(request.kind() == ReportRequest.Kind.SIMULATION ? leading::add : more::add));
    Instant now = history.now();
    int f = metrics.compressionOf(incident.id());
    TimelineChart.Chart chart = TimelineRows.of(history, measured);
    return new ReportView(request.title(), request.kind().label(), incident.id(), ReportFormat.time(now), "UTC",
        incidents.isExercise(incident.id()), summary(incident), TimelineChart.svg(chart),
        TimelineRows.firstHours(chart).map(TimelineChart::svg).orElse(null),
        measured.milestones().stream().filter(m -> HEADLINE.contains(m.key())).map(m -> row(m, now, f)).toList(),
        measured.milestones().stream().map(m -> row(m, now, f)).toList(),
        measured.deadlines().stream().map(m -> row(m, now, f)).toList(), measured.missed(),
        entries(history.timeline(), DECISIONS), evidence.items(incident.id()), evidence.chain(incident.id()),
        history.obligations().stream().map(o -> obligation(o, now, f)).toList(),
        entries(history.timeline(), NOTICES), leading, more, entries(history.timeline(), EnumSet.allOf(TimelineEvent.class)));
  }

  private Summary summary(Incident incident) {
    IncidentTeam.Team team = incidents.team(incident.id());
    String members = team.members().stream()
        .filter(m -> m.reason() != IncidentTeam.Reason.WORKED || m.type() == IncidentTeam.Principal.USER)
        .map(IncidentTeam.Row::principal).distinct().collect(Collectors.joining(", "));
    return new Summary(incident.title(), incident.category(), incident.severity(),
        TimelineRows.shortName(incident.playbook()), incident.status(), members, ReportFormat.time(incident.detectedAt()),
        ReportFormat.time(incident.reportedAt()), ReportFormat.time(incident.closedAt()),
        incident.restricted() ? null : incident.description(), incident.restricted());
  }

  static MetricRow row(Milestone m, Instant now) {
    return row(m, now, 1);
  }

  /**
   * A milestone for people; an exercise compressed {@code f} times tells its durations in scenario time (the clock's
   * times {@code f}), as its scenario and its targets are written.
   */
  static MetricRow row(Milestone m, Instant now, int f) {
    String margin = "";
    String scenario = f > 1 ? " (scenario)" : "";
    if (m.margin(now) != null && m.outcome() != Outcome.PENDING) {
      margin = (m.margin(now).isNegative() ? "late by " : "with ")
          + ReportFormat.duration(m.margin(now).abs().multipliedBy(f)) + (m.margin(now).isNegative() ? "" : " to spare")
          + scenario;
    }
    return new MetricRow(m.name(), ReportFormat.time(m.reachedAt()),
        m.took() == null ? ReportFormat.duration(null) : ReportFormat.duration(m.took().multipliedBy(f)) + scenario,
        m.target() == null ? "" : m.target(), ReportFormat.time(m.dueAt()), m.outcome().label(), css(m.outcome()),
        margin);
  }

  static String css(Outcome outcome) {
    return outcome.missed() ? "missed" : outcome == Outcome.MET ? "met" : "pending";
  }

  private static ObligationRow obligation(Obligation o, Instant now, int f) {
    Instant due = IncidentMetrics.compressed(o.clockStartedAt(), o.dueOrWorstCase(), f);
    Outcome outcome = o.status() == Obligation.Status.NOT_TRIGGERED ? Outcome.NO_TARGET
        : Outcome.of(o.filedAt(), due, now);
    String status = o.status() == Obligation.Status.NOT_TRIGGERED
        ? "does not apply" + (o.closedReason() != null ? ": " + o.closedReason()
            : o.determinationReasons() != null ? ": " + o.determinationReasons() : "")
        : o.status().name().toLowerCase().replace('_', ' ');
    return new ObligationRow(o.regulation(), o.recipient(), status, ReportFormat.time(due),
        ReportFormat.time(o.filedAt()), o.filingReference(),
        o.status() == Obligation.Status.NOT_TRIGGERED ? "" : outcome.label(), css(outcome));
  }

  private static List<EntryRow> entries(List<TimelineEntry> timeline, Set<TimelineEvent> types) {
    return timeline.stream().filter(e -> types.contains(e.type()))
        .map(e -> new EntryRow(ReportFormat.time(e.at()), e.type().name().toLowerCase().replace('_', ' '),
            e.actor() == null ? "process" : e.actor(), e.detail()))
        .toList();
  }

  private static Optional<SectionRow> contribute(ReportSection section, ReportContext context) {
    try {
      return section.contribute(context).map(c -> new SectionRow(c.title(), c.html()));
    } catch (RuntimeException e) {
      log.warn("report section {} failed for {}", section.getClass().getSimpleName(), context.incidentId(), e);
      return Optional.of(new SectionRow(section.getClass().getSimpleName(),
          "<p class=\"missed\">This section could not be produced; see the application log.</p>"));
    }
  }
}
