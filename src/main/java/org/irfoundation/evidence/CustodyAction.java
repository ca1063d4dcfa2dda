package org.irfoundation.evidence;

import org.irfoundation.incident.TimelineEvent;

/** What happened to an item of evidence, as the chain-of-custody log records it. */
public enum CustodyAction {
  /** Taken into the store: the first entry of every item, with the hash of its content. */
  COLLECTED,
  /** Handed to someone or somewhere else (e.g. a copy to law enforcement or an external lab). */
  TRANSFERRED,
  /** Read: every download of the content. */
  ACCESSED,
  /** Re-hashed and compared with the hash recorded at collection (the reason says whether it matched). */
  VERIFIED,
  /** Released from custody (returned to its owner, or no longer held for the case). */
  RELEASED;

  /** The timeline entry of a hand-over a person records (TRANSFERRED, RELEASED). */
  public TimelineEvent timelineEvent() {
    return switch (this) {
      case TRANSFERRED -> TimelineEvent.EVIDENCE_TRANSFERRED;
      case RELEASED -> TimelineEvent.EVIDENCE_RELEASED;
      default -> throw new IllegalStateException(this + " is recorded by the app itself");
    };
  }
}
