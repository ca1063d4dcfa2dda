package org.irfoundation.incident;

import java.time.Instant;

/** One notification obligation of an incident as stored ({@link Obligations}). */
public record Obligation(String incidentId, String code, String regulation, String recipient, String audience,
    String clockStart, String determination, String startsAfter, String deadline, String deadlineKind,
    String deadlineCap, String calendar, Status status, Instant worstCaseDueAt, Instant clockStartedAt, Instant dueAt,
    Instant determinedAt, String determinedBy, String determinationReasons, String filingReference, Instant filedAt,
    Boolean filedInTime, String lateReasons, String closedReason, String processInstanceId, Instant createdAt) {

  public enum Status {
    /** A person must first decide whether it applies (significant, major, material, high risk). */
    AWAITING_DETERMINATION,
    /**
     * It applies: due at {@code dueAt} once its clock has started; a clock that starts with the filing of another
     * obligation ({@code startsAfter}: NIS2 final report, DORA reports, CA AG) has no due time until then.
     */
    DUE,
    FILED,
    /** It does not apply, with the reason recorded. */
    NOT_TRIGGERED;

    public boolean open() {
      return this != FILED && this != NOT_TRIGGERED;
    }
  }

  /** When it is due, or at the earliest could be while its clock has not started. */
  public Instant dueOrWorstCase() {
    return dueAt != null ? dueAt : worstCaseDueAt;
  }
}
