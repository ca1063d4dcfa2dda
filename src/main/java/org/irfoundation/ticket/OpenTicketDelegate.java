package org.irfoundation.ticket;

import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.CATEGORY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * Opens the incident's ticket ({@code ${openTicket}}) and keeps its reference in {@code ticketRef}. A retried
 * job finds the ticket it opened before and opens no second one.
 */
@Component("openTicket")
public class OpenTicketDelegate implements JavaDelegate {

  /** No input parameters: it works from the incident's process variables. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(TICKET_REF);

  private final TicketService tickets;

  public OpenTicketDelegate(TicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    TicketRef ref = tickets.open(new TicketRequest(incidentId, TITLE.getOrDefault(execution, incidentId),
        SEVERITY.get(execution), CATEGORY.get(execution)));
    TICKET_REF.set(execution, ref.id());
  }
}
