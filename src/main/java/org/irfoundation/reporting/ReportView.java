package org.irfoundation.reporting;

import java.util.List;

/** The report as its template reads it: every value already written for people (UTC times, durations). */
public record ReportView(String title, String kind, String incidentId, String generated, String zone,
    boolean exercise, Summary summary, String chart, String chartDetail, List<MetricRow> headline,
    List<MetricRow> metrics, List<MetricRow> deadlines,
    long missed, List<EntryRow> decisions, List<EvidenceRow> evidence, CustodyRow custody,
    List<ObligationRow> obligations, List<EntryRow> notices, List<SectionRow> leading, List<SectionRow> sections,
    List<EntryRow> timeline) {

  public record Summary(String title, String category, String severity, String playbook, String status,
      String team, String detected, String reported, String closed, String description, boolean restricted) {}

  /** One metric or deadline; {@code css} is met, missed or pending. */
  public record MetricRow(String name, String reached, String took, String target, String due, String outcome,
      String css, String margin) {}

  public record EntryRow(String at, String what, String actor, String detail) {}

  public record EvidenceRow(String item, String file, String size, String sha256, String collected,
      String verified, String custody, String css) {}

  public record CustodyRow(boolean intact, long entries, String headHash, List<String> problems) {}

  public record ObligationRow(String regulation, String recipient, String status, String due, String filed,
      String reference, String outcome, String css) {}

  public record SectionRow(String title, String html) {}

  public boolean hasMissed() {
    return missed > 0;
  }

  // for the template: a table's head only when it has rows
  public boolean anyDeadlines() {
    return !deadlines.isEmpty();
  }

  public boolean anyDecisions() {
    return !decisions.isEmpty();
  }

  public boolean anyObligations() {
    return !obligations.isEmpty();
  }

  public boolean anyNotices() {
    return !notices.isEmpty();
  }

  public boolean anyEvidence() {
    return !evidence.isEmpty();
  }
}
