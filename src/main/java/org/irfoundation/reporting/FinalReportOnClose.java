package org.irfoundation.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.IncidentResponseApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores the final post-incident report when the incident closes, once the closing step has committed: a report that
 * cannot be rendered never holds the closure back (the IR lead can store it later, {@code POST .../report/final}).
 */
@Component
public class FinalReportOnClose {

  private static final Logger log = LoggerFactory.getLogger(FinalReportOnClose.class);

  private final Reports reports;

  public FinalReportOnClose(Reports reports) {
    this.reports = reports;
  }

  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
  public void closed(DelegateExecution execution) {
    if (!IncidentResponseApi.Elements.TASK_CLOSE_INCIDENT.equals(execution.getCurrentActivityId())) {
      return;
    }
    String incidentId = IncidentOfStep.of(execution);
    if (incidentId == null) {
      return;
    }
    IncidentMeters.afterCommit(() -> {
      try {
        reports.storeFinal(ReportRequest.incident(incidentId), null);
      } catch (RuntimeException e) {
        log.warn("the final report of {} could not be stored at closure; the IR lead can store it later",
            incidentId, e);
      }
    });
  }
}
