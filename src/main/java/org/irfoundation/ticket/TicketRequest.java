package org.irfoundation.ticket;

import java.util.Objects;

/** What a new incident ticket says: the incident, its title, severity (P1..P4) and category. */
public record TicketRequest(String incidentId, String title, String severity, String category) {

  public TicketRequest {
    Objects.requireNonNull(incidentId, "a ticket needs its incident");
    Objects.requireNonNull(title, "a ticket needs a title");
  }
}
