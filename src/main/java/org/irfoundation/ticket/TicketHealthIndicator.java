package org.irfoundation.ticket;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/ticket}: whether the configured ticket system answers (the adapter's own check). */
@Component
public class TicketHealthIndicator implements HealthIndicator {

  /** The contributor's name (from the bean name {@code ticketHealthIndicator}). */
  public static final String NAME = "ticket";

  private final TicketSystem tickets;

  public TicketHealthIndicator(TicketSystem tickets) {
    this.tickets = tickets;
  }

  @Override
  public Health health() {
    return tickets.health();
  }
}
