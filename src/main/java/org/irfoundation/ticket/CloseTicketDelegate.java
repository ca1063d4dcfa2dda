package org.irfoundation.ticket;

import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Refs.TICKET_REF;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.irfoundation.process.Variable;
import org.springframework.stereotype.Component;

/**
 * Closes the incident's ticket ({@code ${closeTicket}}) with the input parameter {@code resolution} (or a
 * default). Closing a closed ticket changes nothing, so a retried job is harmless.
 */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

  /** Optional input parameter: the resolution text written to the ticket. */
  public static final Variable<String> RESOLUTION = Variable.of("resolution", String.class);

  /** The input parameters this delegate reads. */
  public static final java.util.List<String> INPUT_PARAMETERS = java.util.List.of(RESOLUTION.name());

  static final String DEFAULT_RESOLUTION = "Resolved: the incident was closed after its post-incident review.";

  private final TicketSystem tickets;
  private final IncidentLifecycle lifecycle;

  public CloseTicketDelegate(TicketSystem tickets, IncidentLifecycle lifecycle) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    TicketRef ref = Optional.ofNullable(TICKET_REF.get(execution)).map(TicketRef::new)
        .or(() -> tickets.findByIncident(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no ticket to close"));
    tickets.close(ref, RESOLUTION.getOrDefault(execution, DEFAULT_RESOLUTION));
    lifecycle.recordEvent(incidentId, Timeline.TICKET_CLOSED, null, "Ticket " + ref + " closed");
  }
}
