package org.irfoundation.incident;

/**
 * How much of an incident a user may see ({@link IncidentAccess}). Ordered: each level includes the one before.
 */
public enum Access {

  /** Nothing: to them the incident does not exist (404, and lists leave it out). */
  NONE,

  /** The reporter: its id, status and severity, nothing else. */
  REPORTER,

  /** Everything about it, changing nothing (the IR program owner). */
  READ,

  /** Its team: sees everything and works it. */
  TEAM;

  public boolean sees() {
    return this != NONE;
  }

  public boolean readsAll() {
    return compareTo(READ) >= 0;
  }

  public boolean works() {
    return this == TEAM;
  }
}
