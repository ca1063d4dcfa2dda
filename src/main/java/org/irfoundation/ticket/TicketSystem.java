package org.irfoundation.ticket;

import java.util.Optional;
import org.springframework.boot.actuate.health.Health;

/**
 * The ticket system an incident is tracked in (port). Adapters: the built-in ticket log (default),
 * {@link JiraTicketSystem} and {@link ServiceNowTicketSystem}, chosen by {@code irf.ticket.provider}.
 * Implementations keep one ticket per incident and make open, status changes and close safe to repeat.
 * Failures of an outside system are {@link org.irfoundation.connector.ConnectorException}s.
 */
public interface TicketSystem {

  /** Opens the incident's ticket, or returns the one it already has. */
  TicketRef open(TicketRequest request);

  void comment(TicketRef ref, String text);

  /** Moves the ticket to a status; a ticket already there is left as it is. */
  void changeStatus(TicketRef ref, TicketStatus status);

  /** Closes the ticket with a resolution; closing a closed ticket changes nothing. */
  void close(TicketRef ref, String resolution);

  Optional<TicketRef> findByIncident(String incidentId);

  /**
   * The health check ({@code /actuator/health/ticket}): one cheap authenticated read, answered within a few seconds;
   * DOWN with the cause, never a secret ({@link org.irfoundation.connector.ConnectorHealth}).
   */
  Health health();
}
