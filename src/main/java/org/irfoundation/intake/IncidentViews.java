package org.irfoundation.intake;

import java.time.Instant;
import java.util.List;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.TimelineEntry;

/** What the incident API answers. */
public final class IncidentViews {

  /** The answer to a report, and one row of the incident list. */
  public record IncidentSummary(String id, String title, String severity, String playbook, String status,
      Instant reportedAt) {

    static IncidentSummary of(Incident row) {
      return new IncidentSummary(row.id(), row.title(), row.severity(), row.playbook(), row.status(),
          row.reportedAt());
    }
  }

  public record IncidentPage(List<IncidentSummary> items, int page, int size, long total) {}

  public record IncidentDetail(String id, String title, String description, String category, String domain,
      String status, String severity, String responseSla, String playbook, String reporter, String source,
      String externalRef, Instant detectedAt, Instant awareAt, Instant reportedAt, Instant closedAt,
      String ticketRef, String warRoomRef, long alerts, List<OpenTask> openTasks, List<Deadline> deadlines,
      List<TimelineEntry> timeline) {}

  public record OpenTask(String name, List<String> groups, String assignee, Instant created, Instant due) {}

  public record Deadline(String name, Instant due) {}

  /** The answer to each alert: which incident it went to and what that did. */
  public record AlertOutcome(String fingerprint, String incidentId, Action action) {
    public enum Action { OPENED, RECORDED, ESCALATED }
  }

  private IncidentViews() {}
}
