package org.irfoundation.ticket;

import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Refs.TICKET_REF;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.process.Variable;
import org.springframework.stereotype.Component;

/**
 * Adds a comment to the incident's ticket and, optionally, moves it to a status ({@code ${commentTicket}}).
 * Input parameters: {@code comment} (required text, expressions allowed) and {@code ticketStatus}
 * ({@link TicketStatus}, optional). The status change is done first: it is safe to repeat, the comment is the
 * last call, so a job that fails before it repeats nothing.
 */
@Component("commentTicket")
public class CommentTicketDelegate implements JavaDelegate {

  public static final Variable<String> COMMENT = Variable.of("comment", String.class);
  public static final Variable<String> TICKET_STATUS = Variable.of("ticketStatus", String.class);
  /** The input parameters this delegate reads. */
  public static final List<String> INPUT_PARAMETERS = List.of(COMMENT.name(), TICKET_STATUS.name());

  static final String TIMELINE_TICKET_COMMENTED = "TICKET_COMMENTED";

  private final TicketSystem tickets;
  private final IncidentLifecycle lifecycle;

  public CommentTicketDelegate(TicketSystem tickets, IncidentLifecycle lifecycle) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    String comment = COMMENT.get(execution);
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("Comment ticket (" + execution.getCurrentActivityId()
          + ") needs the input parameter comment");
    }
    TicketRef ref = Optional.ofNullable(TICKET_REF.get(execution)).map(TicketRef::new)
        .or(() -> tickets.findByIncident(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no ticket to comment on"));
    String status = TICKET_STATUS.get(execution);
    if (status != null && !status.isBlank()) {
      tickets.changeStatus(ref, TicketStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
    }
    tickets.comment(ref, comment);
    lifecycle.recordEvent(incidentId, TIMELINE_TICKET_COMMENTED, null, "Ticket " + ref
        + (status == null || status.isBlank() ? "" : " (" + status + ")") + ": " + abbreviate(comment));
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
