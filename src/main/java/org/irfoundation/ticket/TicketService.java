package org.irfoundation.ticket;

import java.util.Locale;
import java.util.Optional;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Service;

/**
 * The incident's ticket, whatever system holds it: opened once (a retried job finds the one it opened), found by
 * the reference the process kept or else by the incident, and every change on the incident's timeline. A
 * restricted incident's ticket carries its id and severity, not its title.
 */
@Service
public class TicketService {

  private final TicketSystem tickets;
  private final IncidentLifecycle lifecycle;
  private final Incidents incidents;

  public TicketService(TicketSystem tickets, IncidentLifecycle lifecycle, Incidents incidents) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
    this.incidents = incidents;
  }

  /** Opens the incident's ticket, or returns the one it has; TICKET_OPENED only when it opened one. */
  public TicketRef open(TicketRequest request) {
    Optional<TicketRef> existing = tickets.findByIncident(request.incidentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    TicketRef ref = tickets.open(incidents.isRestricted(request.incidentId())
        ? new TicketRequest(request.incidentId(), TemplateVariables.RESTRICTED_TITLE, request.severity(),
            request.category())
        : request);
    lifecycle.recordEvent(request.incidentId(), TimelineEvent.TICKET_OPENED, null, "Ticket " + ref + " opened");
    return ref;
  }

  /**
   * Moves the ticket to {@code status} (a {@link TicketStatus} name, any case; null or blank: unchanged), then adds
   * the comment: the status change is safe to repeat and the comment is the last call, so a job that fails before
   * it repeats nothing.
   */
  public void comment(String incidentId, String knownRef, String comment, String status) {
    TicketRef ref = ticketOf(incidentId, knownRef, "comment on");
    boolean newStatus = status != null && !status.isBlank();
    if (newStatus) {
      tickets.changeStatus(ref, TicketStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
    }
    tickets.comment(ref, comment);
    lifecycle.recordEvent(incidentId, TimelineEvent.TICKET_COMMENTED, null, "Ticket " + ref
        + (newStatus ? " (" + status + ")" : "") + ": " + abbreviate(comment));
  }

  /** Closes the ticket; closing a closed ticket changes nothing. */
  public void close(String incidentId, String knownRef, String resolution) {
    TicketRef ref = ticketOf(incidentId, knownRef, "close");
    tickets.close(ref, resolution);
    lifecycle.recordEvent(incidentId, TimelineEvent.TICKET_CLOSED, null, "Ticket " + ref + " closed");
  }

  /** The ticket the process kept a reference to, else the incident's ticket in the system. */
  private TicketRef ticketOf(String incidentId, String knownRef, String toDo) {
    return Optional.ofNullable(knownRef).map(TicketRef::new).or(() -> tickets.findByIncident(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no ticket to " + toDo));
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
