package org.irfoundation.ticket;

/** The states an incident ticket goes through, whatever the ticket system calls them. */
public enum TicketStatus {
  OPEN, IN_PROGRESS, RESOLVED, CLOSED
}
