package org.irfoundation.ticket;

import java.util.Locale;
import java.util.Optional;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The incident's ticket, whatever system holds it: opened once (a retried job finds the one it opened), found by
 * the reference the process kept or else by the incident, and every change on the incident's timeline. A
 * restricted incident's ticket carries its id and severity, not its title. An exercise incident's ticket is in the
 * system's exercise project or queue ({@code irf.ticket.exercise.*}), every text marked {@code [EXERCISE] }; without
 * one configured it is refused, never opened where production tickets are.
 */
@Service
public class TicketService {

  private final TicketSystem tickets;
  private final IncidentLifecycle lifecycle;
  private final Incidents incidents;
  private final ExerciseRouting<TicketSystem> exercise;

  /** No exercise target configured: the built-in log marks exercise tickets, the others refuse them. */
  public TicketService(TicketSystem tickets, IncidentLifecycle lifecycle, Incidents incidents) {
    this(tickets, lifecycle, incidents, (TicketProperties.Exercise) null);
  }

  @Autowired
  public TicketService(TicketSystem tickets, IncidentLifecycle lifecycle, Incidents incidents,
      TicketProperties properties) {
    this(tickets, lifecycle, incidents, properties.exercise());
  }

  public TicketService(TicketSystem tickets, IncidentLifecycle lifecycle, Incidents incidents,
      TicketProperties.Exercise exerciseTarget) {
    this.tickets = tickets;
    this.lifecycle = lifecycle;
    this.incidents = incidents;
    this.exercise = new ExerciseRouting<>(() -> tickets.forExercise(exerciseTarget));
  }

  /** The system the incident's ticket is in: the exercise variant for an exercise incident. */
  private TicketSystem systemFor(String incidentId) {
    return incidents.isExercise(incidentId) ? exercise.variant() : tickets;
  }

  /** How the timeline names the ticket: an exercise's says where it went. */
  private String described(String incidentId, TicketRef ref) {
    return incidents.isExercise(incidentId) ? ref + " (exercise, " + exercise.variant().target() + ")" : ref.id();
  }

  /** Opens the incident's ticket, or returns the one it has; TICKET_OPENED only when it opened one. */
  public TicketRef open(TicketRequest request) {
    TicketSystem tickets = systemFor(request.incidentId());
    Optional<TicketRef> existing = tickets.findByIncident(request.incidentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    TicketRef ref = tickets.open(incidents.isRestricted(request.incidentId())
        ? new TicketRequest(request.incidentId(), TemplateVariables.RESTRICTED_TITLE, request.severity(),
            request.category())
        : request);
    String incidentId = request.incidentId();
    lifecycle.recordEvent(incidentId, TimelineEvent.TICKET_OPENED, null, incidents.isExercise(incidentId)
        ? "Ticket " + ref + " opened for the exercise in " + tickets.target() + ", marked [EXERCISE]"
        : "Ticket " + ref + " opened");
    return ref;
  }

  /**
   * Moves the ticket to {@code status} (a {@link TicketStatus} name, any case; null or blank: unchanged), then adds
   * the comment: the status change is safe to repeat and the comment is the last call, so a job that fails before
   * it repeats nothing.
   */
  public void comment(String incidentId, String knownRef, String comment, String status) {
    TicketSystem tickets = systemFor(incidentId);
    TicketRef ref = ticketOf(tickets, incidentId, knownRef, "comment on");
    boolean newStatus = status != null && !status.isBlank();
    if (newStatus) {
      tickets.changeStatus(ref, TicketStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
    }
    tickets.comment(ref, comment);
    lifecycle.recordEvent(incidentId, TimelineEvent.TICKET_COMMENTED, null, "Ticket " + described(incidentId, ref)
        + (newStatus ? " (" + status + ")" : "") + ": " + abbreviate(comment));
  }

  /** Closes the ticket; closing a closed ticket changes nothing. */
  public void close(String incidentId, String knownRef, String resolution) {
    TicketSystem tickets = systemFor(incidentId);
    TicketRef ref = ticketOf(tickets, incidentId, knownRef, "close");
    tickets.close(ref, resolution);
    lifecycle.recordEvent(incidentId, TimelineEvent.TICKET_CLOSED, null, "Ticket " + described(incidentId, ref)
        + " closed");
  }

  /** The ticket the process kept a reference to, else the incident's ticket in the system. */
  private static TicketRef ticketOf(TicketSystem tickets, String incidentId, String knownRef, String toDo) {
    return Optional.ofNullable(knownRef).map(TicketRef::new).or(() -> tickets.findByIncident(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no ticket to " + toDo));
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
