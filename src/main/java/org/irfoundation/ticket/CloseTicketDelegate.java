package org.irfoundation.ticket;

import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * Closes the incident's ticket ({@code ${closeTicket}}) with the input parameter {@code resolution} (or a
 * default). Closing a closed ticket changes nothing, so a retried job is harmless.
 */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

  /** Optional input parameter: the resolution text written to the ticket. */
  public static final Variable<String> RESOLUTION = Variable.of("resolution", String.class);
  public static final List<Variable<?>> INPUTS = List.of(RESOLUTION);
  public static final List<Variable<?>> OUTPUTS = List.of();

  static final String DEFAULT_RESOLUTION = "Resolved: the incident was closed after its post-incident review.";

  private final TicketService tickets;

  public CloseTicketDelegate(TicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tickets.close(IncidentOfStep.of(execution), TICKET_REF.get(execution),
        RESOLUTION.getOrDefault(execution, DEFAULT_RESOLUTION));
  }
}
