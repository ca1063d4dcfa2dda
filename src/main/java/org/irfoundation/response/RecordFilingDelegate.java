package org.irfoundation.response;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.RegulatoryNotificationApi.Vars;
import org.springframework.stereotype.Component;

/**
 * Records the proof of filing ({@code ${recordFiling}}): reference, time, in time or not and the reasons for a delay,
 * on the obligation and the incident's timeline; the clocks of the obligations that follow this filing start.
 * Writes {@code filedInTime}. Safe to retry: a second recording writes the same. An exercise's filing is recorded
 * the same way (its score needs the times) and its timeline entry says that nothing was filed.
 */
@Component("recordFiling")
public class RecordFilingDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(Vars.FILED_IN_TIME);

  static final String EXERCISE_FILING = "[EXERCISE] recorded, not filed with anyone: ";

  private final Obligations obligations;
  private final IncidentLifecycle lifecycle;
  private final NotificationClock clock;
  private final Incidents incidents;

  public RecordFilingDelegate(Obligations obligations, IncidentLifecycle lifecycle, NotificationClock clock,
      Incidents incidents) {
    this.obligations = obligations;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    Instant filedAt = NotificationClock.parse(Vars.FILED_AT.get(execution));
    boolean inTime = clock.inTime(Vars.FILED_AT.get(execution), Vars.DUE_AT.get(execution));
    String reference = Vars.FILING_REFERENCE.get(execution);
    obligations.filed(incidentId, Outputs.CODE.get(execution), reference, filedAt, inTime,
        Vars.LATE_REASONS.get(execution));
    lifecycle.recordEvent(incidentId, TimelineEvent.NOTIFICATION_FILED, null, (incidents.isExercise(incidentId)
        ? EXERCISE_FILING : "") + Outputs.REGULATION.get(execution)
        + " to " + Outputs.RECIPIENT.get(execution) + ": reference " + reference + ", filed " + filedAt
        + ", clock started " + Vars.CLOCK_STARTED_AT.get(execution) + ", due " + Vars.DUE_AT.get(execution).toInstant()
        + ", in time: " + inTime);
    Vars.FILED_IN_TIME.set(execution, inTime);
  }
}
