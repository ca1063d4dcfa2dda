package org.irfoundation.response;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One improvement action: a lesson of a post-incident review as tracked work ({@link ImprovementActions}).
 * {@code changesKind} is {@link #PLAYBOOK}, {@link #DECISION}, {@link #TRAINING} or {@link #OTHER}; {@code changesRef}
 * the playbook's or decision's key (what, for training and other; may be null). {@code status} is {@link #OPEN} until
 * its owner records it {@link #DONE} with the outcome.
 */
public record Improvement(String id, String incidentId, String lesson, String changesKind, String changesRef,
    String owner, LocalDate due, String status, Instant createdAt, Instant doneAt, String outcome) {

  public static final String OPEN = "OPEN";
  public static final String DONE = "DONE";

  public static final String PLAYBOOK = "playbook";
  public static final String DECISION = "decision";
  public static final String TRAINING = "training";
  public static final String OTHER = "other";

  public boolean isOpen() {
    return OPEN.equals(status);
  }

  /** What it changes, as people say it: "playbook playbook-malware-ransomware", "training". */
  public String changes() {
    return changesRef == null ? changesKind : changesKind + " " + changesRef;
  }

  /** Open past the end of its due date (UTC). */
  public boolean overdueAt(Instant now) {
    return isOpen() && !now.isBefore(ImprovementActions.dueAt(due));
  }
}
