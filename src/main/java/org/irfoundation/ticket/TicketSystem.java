package org.irfoundation.ticket;

import java.util.Optional;

/**
 * The ticket system an incident is tracked in (port). Adapters: the built-in ticket log (default); Jira and
 * ServiceNow come later. Implementations keep one ticket per incident and make every call safe to repeat.
 */
public interface TicketSystem {

  /** Opens the incident's ticket, or returns the one it already has. */
  TicketRef open(TicketRequest request);

  void comment(TicketRef ref, String text);

  /** Closes the ticket with a resolution; closing a closed ticket changes nothing. */
  void close(TicketRef ref, String resolution);

  Optional<TicketRef> findByIncident(String incidentId);
}
