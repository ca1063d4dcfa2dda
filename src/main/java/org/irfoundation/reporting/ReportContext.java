package org.irfoundation.reporting;

import org.irfoundation.reporting.IncidentHistory.Snapshot;
import org.irfoundation.reporting.IncidentMetrics.Metrics;

/**
 * What a {@link ReportSection} gets: the request, the incident's history as read for this report (record, timeline,
 * obligations, the engine's history) and its metrics, so every section measures from the same snapshot.
 */
public record ReportContext(ReportRequest request, Snapshot history, Metrics metrics) {

  public String incidentId() {
    return request.incidentId();
  }

  public ReportRequest.Kind kind() {
    return request.kind();
  }
}
