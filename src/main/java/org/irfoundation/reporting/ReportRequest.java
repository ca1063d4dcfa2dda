package org.irfoundation.reporting;

import java.util.List;

/**
 * What to report on: an incident as a post-incident report, or as a simulation report (an exercise's incident,
 * week 8's deliverable), with a title and sections more than the beans contribute (e.g. the exercise's
 * "Expectations and score").
 */
public record ReportRequest(String incidentId, Kind kind, String title, List<ReportSection> sections) {

  public enum Kind {
    INCIDENT("Post-incident report"),
    SIMULATION("Simulation report");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ReportRequest {
    if (incidentId == null || kind == null) {
      throw new IllegalArgumentException("a report needs an incident and a kind");
    }
    title = title == null || title.isBlank() ? kind.label() : title;
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** The post-incident report of an incident, with the beans' sections. */
  public static ReportRequest incident(String incidentId) {
    return new ReportRequest(incidentId, Kind.INCIDENT, null, List.of());
  }

  /** The simulation report of an exercise's incident, with its own sections. */
  public static ReportRequest simulation(String incidentId, String title, List<ReportSection> sections) {
    return new ReportRequest(incidentId, Kind.SIMULATION, title, sections);
  }
}
