package org.irfoundation.ticket;

/** A ticket's reference in its system (e.g. {@code IRF-42}, a Jira key); kept in the process as {@code ticketRef}. */
public record TicketRef(String id) {

  public TicketRef {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a ticket reference must not be empty");
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
