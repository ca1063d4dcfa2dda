package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceException.ContentMissing;
import org.irfoundation.evidence.EvidenceException.InvalidInput;
import org.irfoundation.evidence.EvidenceException.NoSuchEvidence;
import org.irfoundation.evidence.EvidenceException.Problem;
import org.irfoundation.evidence.EvidenceException.UnderLegalHold;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.evidence.EvidenceViews.CustodyEntry;
import org.irfoundation.evidence.EvidenceViews.CustodyRequest;
import org.irfoundation.evidence.EvidenceViews.Verification;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain of custody of an incident's evidence, for its team: every download (ACCESSED) and re-hash (VERIFIED)
 * is an entry, hand-overs and releases are recorded by people, and the whole chain can be checked.
 */
@Service
public class EvidenceCustody {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceCustody.class);

  private final EvidenceAccess access;
  private final IncidentLifecycle timeline;
  private final EvidenceRecords records;
  private final CustodyLog custody;
  private final EvidenceStore store;
  private final EvidenceProperties properties;
  private final TransactionTemplate transaction;
  private final EvidenceCollectionNotifier waiting;
  private final LegalHolds holds;
  private final CustodyVerification verification;

  public EvidenceCustody(EvidenceAccess access, IncidentLifecycle timeline, EvidenceRecords records,
      CustodyLog custody, EvidenceStore store, EvidenceProperties properties, TransactionTemplate transaction,
      EvidenceCollectionNotifier waiting, LegalHolds holds, CustodyVerification verification) {
    this.access = access;
    this.timeline = timeline;
    this.records = records;
    this.custody = custody;
    this.store = store;
    this.properties = properties;
    this.transaction = transaction;
    this.waiting = waiting;
    this.holds = holds;
    this.verification = verification;
  }

  /** An item's content to stream to the caller; the access is already on the custody log. */
  public record Download(EvidenceRow evidence, InputStream content) {}

  /** Opens the content and records the access (ACCESSED) before a byte is handed out. */
  public Download download(String incidentId, String evidenceId, String actor, String from) {
    access.authorize(incidentId, actor);
    EvidenceRow row = evidence(incidentId, evidenceId);
    InputStream content;
    try {
      content = store.open(row.location());
    } catch (NoSuchFileException e) {
      throw new ContentMissing(evidenceId);
    } catch (IOException e) {
      throw new IllegalStateException("evidence " + evidenceId + " cannot be read: " + e.getMessage(), e);
    }
    try {
      transaction.executeWithoutResult(status -> custody.append(incidentId, evidenceId, CustodyAction.ACCESSED,
          actor, properties.zone(), row.location(), "Downloaded through the API" + (from == null ? "" : " from " + from),
          row.sha256()));
    } catch (RuntimeException e) {
      closeQuietly(content);
      throw e;
    }
    return new Download(row, content);
  }

  /** Re-hashes the stored bytes and compares them with the hash recorded at collection; a custody entry. */
  public Verification verify(String incidentId, String evidenceId, String actor) {
    access.authorize(incidentId, actor);
    EvidenceRow row = evidence(incidentId, evidenceId);
    String vouched = custody.entries(incidentId, evidenceId).stream()
        .filter(e -> CustodyAction.COLLECTED.name().equals(e.action())).map(Entry::evidenceSha256).findFirst()
        .orElse(null);
    HashingCopy.Result actual = null;
    boolean intact = false;
    String detail;
    try (InputStream content = store.open(row.location())) {
      actual = HashingCopy.hash(content);
      boolean matches = actual.hex().equals(row.sha256()) && actual.size() == row.size();
      if (vouched == null) {
        detail = "MISMATCH: the chain of custody has no COLLECTED entry for this item to compare with";
      } else if (!vouched.equals(row.sha256())) {
        detail = "MISMATCH: the evidence record's hash differs from the hash its COLLECTED custody entry vouches"
            + " for (" + vouched + "): the record was changed";
      } else if (matches) {
        intact = true;
        detail = "SHA-256 matches the hash recorded at collection";
      } else {
        detail = "MISMATCH: stored content has SHA-256 " + actual.hex() + " (" + actual.size()
            + " bytes), recorded at collection " + row.sha256() + " (" + row.size() + " bytes)";
      }
    } catch (NoSuchFileException e) {
      detail = "MISMATCH: the content is missing from the store";
    } catch (IOException e) {
      throw new IllegalStateException("evidence " + evidenceId + " cannot be read: " + e.getMessage(), e);
    }
    boolean ok = intact;
    String finalDetail = detail;
    String actualHex = actual == null ? null : actual.hex();
    Entry entry = transaction.execute(status -> {
      Entry verified = custody.append(incidentId, evidenceId, CustodyAction.VERIFIED, actor, properties.zone(),
          row.location(), finalDetail, actualHex);
      records.verified(evidenceId, verified.at(), ok);
      timeline.recordEvent(incidentId, ok ? TimelineEvent.EVIDENCE_VERIFIED : TimelineEvent.EVIDENCE_MISMATCH, actor,
          "Evidence " + evidenceId + ": " + (ok ? "intact, SHA-256 " + row.sha256() : finalDetail));
      return verified;
    });
    if (!intact) {
      LOG.warn("Evidence {} of {} failed verification: {}", evidenceId, incidentId, detail);
    }
    waiting.evidenceChanged(incidentId);
    return new Verification(evidenceId, intact, row.sha256(), actualHex, row.size(),
        actual == null ? null : actual.size(), detail, actor,
        DateTimeFormatter.ISO_ZONED_DATE_TIME.format(entry.time()));
  }

  /**
   * Records a hand-over (TRANSFERRED) or release (RELEASED) of an item. A release while the incident is under legal
   * hold is refused ({@link UnderLegalHold}) and records nothing; copies handed over under the hold are normal.
   */
  public CustodyEntry recordCustody(String incidentId, String evidenceId, CustodyRequest request, String actor) {
    access.authorize(incidentId, actor);
    if (request.action() != CustodyAction.TRANSFERRED && request.action() != CustodyAction.RELEASED) {
      throw new InvalidInput(List.of(new Problem("action", "must be TRANSFERRED or RELEASED; the app records "
          + "COLLECTED, ACCESSED and VERIFIED itself")));
    }
    EvidenceRow row = evidence(incidentId, evidenceId);
    Entry entry = transaction.execute(status -> {
      if (request.action() == CustodyAction.RELEASED) {
        holds.find(incidentId).filter(LegalHolds.Hold::active).ifPresent(hold -> {
          throw new UnderLegalHold(incidentId, evidenceId, hold, holds.releasers());
        });
      }
      Entry recorded = custody.append(incidentId, evidenceId, request.action(), actor, properties.zone(),
          request.location().trim(), request.reason().trim(), row.sha256());
      timeline.recordEvent(incidentId, request.action().timelineEvent(), actor,
          "Evidence " + evidenceId + " " + request.action().name().toLowerCase() + ": " + request.location().trim());
      return recorded;
    });
    return CustodyEntry.of(entry);
  }

  /** Checks the incident's whole chain, and that every item's record still carries the hash it was collected with. */
  public CustodyCheck verifyCustody(String incidentId, String actor) {
    access.authorizeRead(incidentId, actor);
    return verification.check(incidentId);
  }

  private EvidenceRow evidence(String incidentId, String evidenceId) {
    return records.find(incidentId, evidenceId).orElseThrow(() -> new NoSuchEvidence(incidentId, evidenceId));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was handed out
    }
  }
}
