package org.irfoundation.intake;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.Severity;
import org.irfoundation.incident.TimelineEntry;

/** What the incident API answers. Fields a caller may not see are left out (null). */
public final class IncidentViews {

  /** The answer to a report, and one row of the incident list. */
  public record IncidentSummary(String id, String title, String severity, String playbook, String status,
      Instant reportedAt) {

    static IncidentSummary of(Incident row) {
      return new IncidentSummary(row.id(), row.title(), row.severity(), row.playbook(), row.status(),
          row.reportedAt());
    }

    /** What the reporter of an incident sees of it: id, status and severity. */
    static IncidentSummary forReporter(Incident row) {
      return new IncidentSummary(row.id(), null, row.severity(), null, row.status(), null);
    }
  }

  public record IncidentPage(List<IncidentSummary> items, int page, int size, long total) {}

  public record IncidentDetail(String id, String title, String description, String category, String domain,
      String status, String severity, String responseSla, String playbook, String reporter, String source,
      String externalRef, Instant detectedAt, Instant awareAt, Instant reportedAt, Instant closedAt,
      Boolean restricted, String ticketRef, String warRoomRef, Long alerts, ObligationView nextObligation,
      List<OpenTask> openTasks, List<Deadline> deadlines, List<TimelineEntry> timeline, Long timelineTotal) {

    /** What the reporter of an incident sees of it: id, status and severity. */
    static IncidentDetail forReporter(Incident row) {
      return new IncidentDetail(row.id(), null, null, null, null, row.status(), row.severity(), null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }

  /** A page of an incident's timeline, newest first; a fingerprint's alerts are one entry. */
  public record TimelinePage(List<TimelineEntry> items, int page, int size, long total) {}

  public record OpenTask(String name, List<String> groups, String assignee, Instant created, Instant due) {}

  public record Deadline(String name, Instant due) {}

  /** The answer to each alert: which incident it went to and what that did. */
  public record AlertOutcome(String fingerprint, String incidentId, Action action) {
    public enum Action { OPENED, RECORDED, ESCALATED }
  }

  /**
   * One alert of an incident as it was received; {@code sequence}: its place among its fingerprint's alerts on the
   * incident (1 = the first).
   */
  public record AlertView(String fingerprint, Long sequence, String source, String category, String title,
      Instant observedAt, Instant receivedAt, JsonNode indicators, JsonNode details) {}

  /**
   * A page of the alerts kept whole (the first {@code irf.intake.alerts.raw-sample} of each fingerprint), newest
   * first, {@code total} of them; {@code received}: every alert the incident received, kept or only counted; per
   * fingerprint its count, span and newest alert.
   */
  public record AlertPage(List<AlertView> items, int page, int size, long total, long received,
      List<FingerprintView> fingerprints) {}

  /** The alerts of one fingerprint on an incident: how many, observed from when to when, and the newest. */
  public record FingerprintView(String fingerprint, long alerts, Instant firstSeen, Instant lastSeen,
      Instant firstReceivedAt, Instant lastReceivedAt, AlertView latest) {}

  /** Who works an incident, and why each is on its team. */
  public record TeamView(String incidentId, boolean restricted, List<Member> members) {

    static TeamView of(String incidentId, IncidentTeam.Team team) {
      return new TeamView(incidentId, team.restricted(), team.members().stream()
          .map(m -> new Member(m.type().name(), m.principal(), m.reason().name(), m.addedBy(), m.addedAt()))
          .toList());
    }
  }

  /** A group or user on the team: ENGAGED by the escalation policy, WORKED one of its tasks, NAMED by the IR lead. */
  public record Member(String type, String id, String reason, String addedBy, Instant addedAt) {}

  /** {@code PUT …/restriction}: restrict the incident to its named team, or lift the restriction. */
  public record Restriction(@NotNull Boolean restricted, @Size(max = 2000) String reason) {}

  /**
   * One notification obligation: its stable {@code regulation} code and label, whom it goes to, what starts its clock
   * and when it did, when it is {@code due} (before its clock starts: the earliest it could be due), its status and,
   * once decided or filed, how.
   */
  public record ObligationView(String regulation, String label, String recipient, String audience, String clockStart,
      String startsAfter, String determination, Instant clockStartedAt, Instant due, boolean dueIsWorstCase,
      String status, Determined determined, Filed filed, String notTriggeredReason) {

    static ObligationView of(Obligation o) {
      boolean closed = o.status() == Obligation.Status.NOT_TRIGGERED;
      return new ObligationView(o.code(), o.regulation(), o.recipient(), o.audience(), o.clockStart(),
          o.startsAfter(), o.determination(), o.clockStartedAt(), closed ? null : o.dueOrWorstCase(),
          !closed && o.dueAt() == null && o.worstCaseDueAt() != null,
          o.status().name(),
          o.determinedAt() == null ? null : new Determined(o.determinedAt(), o.determinedBy(),
              o.determinationReasons()),
          o.filedAt() == null ? null : new Filed(o.filingReference(), o.filedAt(), o.filedInTime(), o.lateReasons()),
          o.status() == Obligation.Status.NOT_TRIGGERED ? o.closedReason() : null);
    }
  }

  public record Determined(Instant at, String by, String reasons) {}

  public record Filed(String reference, Instant at, Boolean inTime, String lateReasons) {}

  /** {@code PUT …/severity}: the IR lead's decision, with the reason for the timeline. */
  public record SeverityDecision(@NotNull Severity severity, @NotBlank @Size(max = 2000) String reason) {}

  private IncidentViews() {}
}
