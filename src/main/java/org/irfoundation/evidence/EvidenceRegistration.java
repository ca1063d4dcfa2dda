package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceException.EmptyFile;
import org.irfoundation.evidence.EvidenceException.NotStored;
import org.irfoundation.evidence.EvidenceException.TooLarge;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceStore.Stored;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How evidence comes in, uploaded by the incident's team or fetched by a process step: streamed into the store
 * (hashed while written), registered with a COLLECTED custody entry and EVIDENCE_COLLECTED on the timeline, and
 * waiting evidence-collection processes told. Only ids, locations and hashes reach the timeline or the log; never
 * content.
 */
@Service
public class EvidenceRegistration {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceRegistration.class);

  private final EvidenceAccess access;
  private final IncidentLifecycle timeline;
  private final EvidenceRecords records;
  private final CustodyLog custody;
  private final EvidenceStore store;
  private final EvidenceProperties properties;
  /**
   * Registration commits on its own, also inside a process step's job: stored evidence stays registered (and a
   * retried job finds it by its fetch key) even when the job fails after it.
   */
  private final TransactionTemplate registration;
  private final EvidenceCollectionNotifier waiting;
  private final LegalHolds holds;

  public EvidenceRegistration(EvidenceAccess access, IncidentLifecycle timeline, EvidenceRecords records,
      CustodyLog custody, EvidenceStore store, EvidenceProperties properties, TransactionTemplate transaction,
      EvidenceCollectionNotifier waiting, LegalHolds holds) {
    this.access = access;
    this.timeline = timeline;
    this.records = records;
    this.custody = custody;
    this.store = store;
    this.properties = properties;
    this.registration = new TransactionTemplate(transaction.getTransactionManager());
    this.registration.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.waiting = waiting;
    this.holds = holds;
  }

  /**
   * What is recorded about an item besides its content, checked by the caller (lengths, file name rules).
   *
   * @param declaredType as the uploader or source declared it; recorded, not trusted
   * @param collectedBy who collected it; null: the registering actor
   */
  public record Metadata(String fileName, String declaredType, String description, String collectedBy,
      ZonedDateTime collectedAt, String sourceSystem, String collectionMethod, String item) {}

  /**
   * An upload by a member of the incident's team ({@link EvidenceAccess#authorize}), {@code size} bytes as the
   * form declared them (-1: unknown).
   *
   * @throws TooLarge when it is larger than {@code irf.evidence.max-file-size}
   * @throws EmptyFile when it has no bytes
   * @throws NotStored when the content cannot be read or written to the store
   */
  public EvidenceItem upload(String incidentId, Metadata metadata, InputStream content, long size, String actor) {
    access.authorize(incidentId, actor);
    return register(incidentId, metadata, content, size, actor, null, "uploaded");
  }

  /**
   * The item an earlier attempt of a fetch stored under {@code fetchKey} (see
   * {@link UrlEvidenceCollector.UrlCollection}), if any. Waiting processes are told again: the earlier attempt's
   * message went with its failed job.
   */
  public Optional<EvidenceItem> fetchedBefore(String incidentId, String fetchKey) {
    Optional<EvidenceItem> earlier = storedUnder(incidentId, fetchKey);
    earlier.ifPresent(item -> {
      LOG.info("Evidence {} of {} was stored by an earlier attempt ({}); not fetched again", item.id(), incidentId,
          fetchKey);
      waiting.evidenceChanged(incidentId);
    });
    return earlier;
  }

  /**
   * A file a process step fetched, registered under {@code fetchKey}; when another attempt under the same key
   * registered first (another node ran the same job), its item. Refused and failed like {@link #upload}, and
   * {@link EvidenceException.UnknownIncident} for an unknown incident.
   */
  public EvidenceItem fetched(String incidentId, Metadata metadata, InputStream content, long size, String actor,
      String fetchKey) {
    access.incident(incidentId);
    try {
      return register(incidentId, metadata, content, size, actor, fetchKey, "fetched");
    } catch (DuplicateKeyException concurrentAttempt) {
      return storedUnder(incidentId, fetchKey).orElseThrow(() -> concurrentAttempt);
    }
  }

  /**
   * The one way evidence comes in, uploaded or fetched: streams {@code content} into the store (hashed while
   * written), then, in a transaction of its own, the record, the COLLECTED custody entry and the timeline event,
   * and tells waiting processes. Refused or failed, it leaves nothing behind: no file, no record, no entry.
   *
   * @param fetchKey see {@link UrlEvidenceCollector.UrlCollection}; null for uploads
   * @param receivedAs how its file came in ("uploaded", "fetched"), for the custody entry
   */
  private EvidenceItem register(String incidentId, Metadata metadata, InputStream content, long size, String actor,
      String fetchKey, String receivedAs) {
    long max = properties.maxFileSize().toBytes();
    if (size > max) {
      throw new TooLarge(max);
    }
    String evidenceId = UUID.randomUUID().toString();
    Stored stored;
    try {
      stored = store.put(evidenceId, content, max);
    } catch (EvidenceStore.TooLargeException e) {
      throw new TooLarge(max);
    } catch (IOException e) {
      throw new NotStored(evidenceId, e);
    }
    if (stored.size() == 0) {
      store.discard(stored.location());
      throw new EmptyFile();
    }
    Instant now = Instant.now();
    EvidenceRow row = new EvidenceRow(evidenceId, incidentId, metadata.item(), metadata.fileName(),
        metadata.declaredType(), metadata.description(), stored.size(), stored.sha256(), store.type(),
        stored.location(), metadata.collectedBy() == null ? actor : metadata.collectedBy(),
        metadata.collectedAt().truncatedTo(ChronoUnit.MILLIS), metadata.sourceSystem(), metadata.collectionMethod(),
        actor, now, null, null);
    List<Entry> entries;
    try {
      entries = registration.execute(status -> {
        records.insert(row, fetchKey);
        Entry collected = custody.append(incidentId, evidenceId, CustodyAction.COLLECTED, actor, properties.zone(),
            stored.location(), collectedReason(row, receivedAs), stored.sha256());
        timeline.recordEvent(incidentId, TimelineEvent.EVIDENCE_COLLECTED, actor, "Evidence " + evidenceId
            + (row.item() == null ? "" : " for item '" + row.item() + "'") + ": " + stored.size()
            + " bytes, SHA-256 " + stored.sha256() + ", stored at " + stored.location());
        return List.of(collected);
      });
    } catch (RuntimeException e) {
      store.discard(stored.location());
      throw e;
    }
    LOG.info("Evidence {} of {} registered: {} bytes, SHA-256 {}, at {}", evidenceId, incidentId, stored.size(),
        stored.sha256(), stored.location());
    waiting.evidenceChanged(incidentId);
    return EvidenceItem.of(row, entries, holds.inPlace(incidentId));
  }

  private Optional<EvidenceItem> storedUnder(String incidentId, String fetchKey) {
    return fetchKey == null ? Optional.empty() : records.findByFetchKey(fetchKey)
        .map(row -> EvidenceItem.of(row, custody.entries(incidentId, row.id()), holds.inPlace(incidentId)));
  }

  private static String collectedReason(EvidenceRow row, String receivedAs) {
    return "Collected by " + row.collectedBy() + " at " + DateTimeFormatter.ISO_ZONED_DATE_TIME.format(row.collectedAt())
        + (row.sourceSystem() == null ? "" : " from " + row.sourceSystem())
        + (row.collectionMethod() == null ? "" : " using " + row.collectionMethod())
        + (row.item() == null ? "" : " as item '" + row.item() + "'")
        + "; " + receivedAs + " as '" + row.fileName() + "', " + row.size() + " bytes";
  }
}
