package org.irfoundation.reporting;

import java.time.Instant;

/** How a step did against its deadline. */
public enum Outcome {
  MET("met"),
  MISSED("missed"),
  /** Not done, past its deadline. */
  OVERDUE("missed, still open"),
  /** Not done, its deadline still ahead. */
  PENDING("pending"),
  /** Done; it has no deadline. */
  NO_TARGET("no target");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean missed() {
    return this == MISSED || this == OVERDUE;
  }

  /** The outcome of a step done at {@code doneAt} (null: not yet) against {@code dueAt} (null: none), now. */
  public static Outcome of(Instant doneAt, Instant dueAt, Instant now) {
    if (dueAt == null) {
      return doneAt == null ? PENDING : NO_TARGET;
    }
    if (doneAt != null) {
      return doneAt.isAfter(dueAt) ? MISSED : MET;
    }
    return now.isAfter(dueAt) ? OVERDUE : PENDING;
  }
}
