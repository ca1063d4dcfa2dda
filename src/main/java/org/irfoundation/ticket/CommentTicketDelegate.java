package org.irfoundation.ticket;

import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * Adds a comment to the incident's ticket and, optionally, moves it to a status ({@code ${commentTicket}}).
 * Input parameters: {@code comment} (required text, expressions allowed) and {@code ticketStatus}
 * ({@link TicketStatus}, optional).
 */
@Component("commentTicket")
public class CommentTicketDelegate implements JavaDelegate {

  public static final Variable<String> COMMENT = Variable.of("comment", String.class);
  public static final Variable<String> TICKET_STATUS = Variable.of("ticketStatus", String.class);
  public static final List<Variable<?>> INPUTS = List.of(COMMENT, TICKET_STATUS);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final TicketService tickets;

  public CommentTicketDelegate(TicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tickets.comment(IncidentOfStep.of(execution), TICKET_REF.get(execution),
        COMMENT.required(execution, "Comment ticket"), TICKET_STATUS.get(execution));
  }
}
