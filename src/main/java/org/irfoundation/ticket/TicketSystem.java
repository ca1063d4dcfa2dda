package org.irfoundation.ticket;

import java.util.Optional;
import org.irfoundation.connector.ConnectorConfigurationException;
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

  /**
   * This system pointed at where an exercise's tickets go ({@code irf.ticket.exercise.*}), marking every summary,
   * comment and resolution it writes {@code [EXERCISE] }. {@code exercise} may be null (nothing configured).
   *
   * @throws ConnectorConfigurationException naming the property when no exercise target is configured: an exercise
   *     ticket is never opened where the production tickets are
   */
  default TicketSystem forExercise(TicketProperties.Exercise exercise) {
    throw new ConnectorConfigurationException(getClass().getSimpleName(), 0,
        "this ticket system cannot keep an exercise's tickets apart; nothing was sent");
  }

  /** Where this system opens tickets, for the timeline: "project IREX", "the built-in ticket log". */
  default String target() {
    return getClass().getSimpleName();
  }
}
