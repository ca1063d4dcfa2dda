package org.irfoundation.evidence;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the evidence services refuse, or could not do, in their own terms. Each caller says it its own way: the
 * evidence API as an HTTP answer ({@link EvidenceController}), the "Store evidence" step as a job failure
 * ({@link UrlEvidenceCollector}).
 */
public abstract sealed class EvidenceException extends RuntimeException {

  EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }

  /** One input that is missing or wrong, named as the caller named it. */
  public record Problem(String field, String message) {}

  /** No incident has this id. */
  public static final class UnknownIncident extends EvidenceException {
    UnknownIncident(String incidentId) {
      super("No incident " + incidentId, null);
    }
  }

  /** The caller is not on the incident's team ({@link org.irfoundation.incident.IncidentTeam}). */
  public static final class NotOnTeam extends EvidenceException {
    NotOnTeam(String incidentId) {
      super("Only the team of incident " + incidentId + " may handle its evidence.", null);
    }
  }

  /** The incident has no evidence of this id. */
  public static final class NoSuchEvidence extends EvidenceException {
    NoSuchEvidence(String incidentId, String evidenceId) {
      super("No evidence " + evidenceId + " in incident " + incidentId, null);
    }
  }

  /** The record is there, its content is gone from the store. */
  public static final class ContentMissing extends EvidenceException {
    ContentMissing(String evidenceId) {
      super("The content of evidence " + evidenceId + " is missing from the store; verify it and inform the IR lead.",
          null);
    }
  }

  /** The item may not be released from custody: its incident is under legal hold ({@link LegalHolds}). */
  public static final class UnderLegalHold extends EvidenceException {
    UnderLegalHold(String incidentId, String evidenceId, LegalHolds.Hold hold, String releasers) {
      super("Evidence " + evidenceId + " of incident " + incidentId + " is under legal hold since " + hold.placedAt()
          + " (" + hold.reason() + ") and cannot be released from custody until the hold is. Only legal (groups: "
          + releasers + ") can release the hold, in the task 'Review the legal hold' that opens once the incident"
          + " is closed. Hand-overs of copies (TRANSFERRED) are still recorded.", null);
    }
  }

  /** Inputs that are missing or wrong, all of them at once. */
  public static final class InvalidInput extends EvidenceException {
    private final transient List<Problem> problems;

    InvalidInput(List<Problem> problems) {
      super(problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")), null);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** The file is larger than {@code irf.evidence.max-file-size}; nothing was kept. */
  public static final class TooLarge extends EvidenceException {
    private final long limit;

    TooLarge(long limit) {
      super("The file is larger than the evidence limit of " + limit + " bytes (irf.evidence.max-file-size).", null);
      this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
      return limit;
    }
  }

  /** The file has no bytes; nothing was kept. */
  public static final class EmptyFile extends EvidenceException {
    EmptyFile() {
      super("The file is empty", null);
    }
  }

  /** Reading the content or writing it to the store failed (the cause); nothing was kept. */
  public static final class NotStored extends EvidenceException {
    NotStored(String evidenceId, IOException cause) {
      super("evidence " + evidenceId + " could not be stored: " + cause.getMessage(), cause);
    }
  }
}
