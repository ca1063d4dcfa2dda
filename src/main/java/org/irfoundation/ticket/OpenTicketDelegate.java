package org.irfoundation.ticket;

import static org.irfoundation.intake.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.CATEGORY;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.intake.IncidentResponseApi.Refs.TICKET_REF;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.springframework.stereotype.Component;

/**
 * Opens the incident's ticket ({@code ${openTicket}}) and keeps its reference in {@code ticketRef}. A retried
 * job finds the ticket it opened before and opens no second one.
 */
@Component("openTicket")
public class OpenTicketDelegate implements JavaDelegate {

  /** The input parameters this delegate reads (none: it works from the incident's process variables). */
  public static final java.util.List<String> INPUT_PARAMETERS = java.util.List.of();

  private final TicketSystem tickets;
  private final IncidentLifecycle lifecycle;

  public OpenTicketDelegate(TicketSystem tickets, IncidentLifecycle lifecycle) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    Optional<TicketRef> existing = tickets.findByIncident(incidentId);
    TicketRef ref = existing.orElseGet(() -> tickets.open(new TicketRequest(incidentId,
        TITLE.getOrDefault(execution, incidentId), SEVERITY.get(execution), CATEGORY.get(execution))));
    TICKET_REF.set(execution, ref.id());
    if (existing.isEmpty()) {
      lifecycle.recordEvent(incidentId, Timeline.TICKET_OPENED, null, "Ticket " + ref + " opened");
    }
  }
}
