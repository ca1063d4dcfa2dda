package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.evidence.CustodyLog.ChainCheck;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceException.ContentMissing;
import org.irfoundation.evidence.EvidenceException.EmptyFile;
import org.irfoundation.evidence.EvidenceException.InvalidInput;
import org.irfoundation.evidence.EvidenceException.NoSuchEvidence;
import org.irfoundation.evidence.EvidenceException.NotStored;
import org.irfoundation.evidence.EvidenceException.Problem;
import org.irfoundation.evidence.EvidenceException.TooLarge;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceStore.Stored;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.evidence.EvidenceViews.CustodyEntry;
import org.irfoundation.evidence.EvidenceViews.CustodyRequest;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.irfoundation.evidence.EvidenceViews.Verification;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence of an incident, for its team only: registers uploads and files a process step fetched from a URL
 * (streamed to the store, hashed while written), lists them, hands out their content, re-hashes them, and keeps
 * the chain of custody. Only ids, locations and hashes ever reach process variables, the timeline or the log;
 * never content. Refusals are {@link EvidenceException}s.
 */
@Service
public class EvidenceService implements EvidenceCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);
  static final int CORRELATION_ATTEMPTS = 3;

  private final EvidenceAccess access;
  private final IncidentLifecycle timeline;
  private final EvidenceRecords records;
  private final CustodyLog custody;
  private final EvidenceStore store;
  private final EvidenceProperties properties;
  private final TransactionTemplate transaction;
  /**
   * Registration commits on its own, also inside a process step's job: stored evidence stays registered (and a
   * retried job finds it by its fetch key) even when the job fails after it.
   */
  private final TransactionTemplate registration;
  private final RuntimeService runtimeService;
  private final SystemContext system;

  public EvidenceService(EvidenceAccess access, IncidentLifecycle timeline, EvidenceRecords records,
      CustodyLog custody, EvidenceStore store, EvidenceProperties properties, TransactionTemplate transaction,
      RuntimeService runtimeService, SystemContext system) {
    this.access = access;
    this.timeline = timeline;
    this.records = records;
    this.custody = custody;
    this.store = store;
    this.properties = properties;
    this.transaction = transaction;
    this.registration = new TransactionTemplate(transaction.getTransactionManager());
    this.registration.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * What is recorded about an item besides its content, checked by the caller (lengths, file name rules).
   *
   * @param declaredType as the uploader or source declared it; recorded, not trusted
   * @param collectedBy who collected it; null: the registering actor
   */
  public record Metadata(String fileName, String declaredType, String description, String collectedBy,
      ZonedDateTime collectedAt, String sourceSystem, String collectionMethod, String item) {}

  /** An item's content to stream to the caller; the access is already on the custody log. */
  public record Download(EvidenceRow evidence, InputStream content) {}

  /**
   * An upload by a member of the incident's team, {@code size} bytes as the form declared them (-1: unknown).
   *
   * @throws TooLarge when it is larger than {@code irf.evidence.max-file-size}
   * @throws EmptyFile when it has no bytes
   */
  public EvidenceItem upload(String incidentId, Metadata metadata, InputStream content, long size, String actor) {
    access.authorize(incidentId, actor);
    return register(incidentId, metadata, content, size, actor, null, "uploaded");
  }

  /**
   * The item an earlier attempt of a fetch stored under {@code fetchKey} (see
   * {@link UrlEvidenceCollector.UrlCollection}), if any; waiting processes are told again, as the attempt may have
   * failed before it told them.
   */
  public Optional<EvidenceItem> fetchedBefore(String incidentId, String fetchKey) {
    Optional<EvidenceItem> earlier = storedUnder(incidentId, fetchKey);
    earlier.ifPresent(item -> {
      LOG.info("Evidence {} of {} was stored by an earlier attempt ({}); not fetched again", item.id(), incidentId,
          fetchKey);
      notifyProcesses(incidentId);
    });
    return earlier;
  }

  /**
   * A file a process step fetched, registered under {@code fetchKey}; when another attempt under the same key
   * registered first (another node ran the same job), its item.
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
    notifyProcesses(incidentId);
    return EvidenceItem.of(row, entries);
  }

  private Optional<EvidenceItem> storedUnder(String incidentId, String fetchKey) {
    return fetchKey == null ? Optional.empty() : records.findByFetchKey(fetchKey)
        .map(row -> EvidenceItem.of(row, custody.entries(incidentId, row.id())));
  }

  public List<EvidenceItem> list(String incidentId, String actor) {
    access.authorize(incidentId, actor);
    List<Entry> entries = custody.entries(incidentId);
    return records.list(incidentId).stream()
        .map(row -> EvidenceItem.of(row, entries.stream().filter(e -> row.id().equals(e.evidenceId())).toList()))
        .toList();
  }

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
    notifyProcesses(incidentId);
    return new Verification(evidenceId, intact, row.sha256(), actualHex, row.size(),
        actual == null ? null : actual.size(), detail, actor,
        DateTimeFormatter.ISO_ZONED_DATE_TIME.format(entry.time()));
  }

  /** Records a hand-over (TRANSFERRED) or release (RELEASED) of an item. */
  public CustodyEntry recordCustody(String incidentId, String evidenceId, CustodyRequest request, String actor) {
    access.authorize(incidentId, actor);
    if (request.action() != CustodyAction.TRANSFERRED && request.action() != CustodyAction.RELEASED) {
      throw new InvalidInput(List.of(new Problem("action", "must be TRANSFERRED or RELEASED; the app records "
          + "COLLECTED, ACCESSED and VERIFIED itself")));
    }
    EvidenceRow row = evidence(incidentId, evidenceId);
    Entry entry = transaction.execute(status -> {
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
    access.authorize(incidentId, actor);
    ChainCheck chain = custody.verify(incidentId);
    Map<String, String> collected = new LinkedHashMap<>();
    for (Entry entry : custody.entries(incidentId)) {
      if (CustodyAction.COLLECTED.name().equals(entry.action())) {
        collected.putIfAbsent(entry.evidenceId(), entry.evidenceSha256());
      }
    }
    List<String> recordProblems = new ArrayList<>();
    for (EvidenceRow row : records.list(incidentId)) {
      String vouched = collected.get(row.id());
      if (vouched == null) {
        recordProblems.add("evidence " + row.id() + " has no COLLECTED entry in the chain");
      } else if (!vouched.equals(row.sha256())) {
        recordProblems.add("evidence " + row.id() + " records SHA-256 " + row.sha256()
            + ", its COLLECTED entry vouches for " + vouched);
      }
    }
    return new CustodyCheck(incidentId, chain.intact() && recordProblems.isEmpty(), chain.entries(),
        chain.headHash(), chain.firstBroken(), recordProblems);
  }

  @Override
  public CollectionStatus status(String incidentId, List<String> requiredItems) {
    List<EvidenceRow> rows = records.list(incidentId);
    List<String> missing = new ArrayList<>();
    List<CollectedItem> collected = new ArrayList<>();
    for (String item : requiredItems) {
      Optional<EvidenceRow> done = rows.stream()
          .filter(row -> row.item() != null && row.item().equalsIgnoreCase(item.trim()))
          .filter(row -> Boolean.TRUE.equals(row.verifiedIntact()))
          .findFirst();
      done.ifPresentOrElse(
          row -> collected.add(new CollectedItem(item, row.id(), row.sha256(), row.location())),
          () -> missing.add(item));
    }
    return new CollectionStatus(missing, collected);
  }

  private EvidenceRow evidence(String incidentId, String evidenceId) {
    return records.find(incidentId, evidenceId).orElseThrow(() -> new NoSuchEvidence(incidentId, evidenceId));
  }

  /**
   * Tells a waiting evidence-collection process (business key = incident id) that evidence changed. The
   * evidence is committed already; if the process cannot be told now it re-checks when its task is completed.
   */
  private void notifyProcesses(String incidentId) {
    for (int attempt = 1; attempt <= CORRELATION_ATTEMPTS; attempt++) {
      try {
        system.call(() -> runtimeService
            .createMessageCorrelation(EvidenceCollectionApi.MESSAGE_EVIDENCE_REGISTERED)
            .processInstanceBusinessKey(incidentId).correlateAllWithResult());
        return;
      } catch (OptimisticLockingException concurrentUpload) {
        LOG.debug("Evidence message for {} collided with another, attempt {}", incidentId, attempt);
      } catch (RuntimeException e) {
        LOG.warn("Evidence of {} is stored, but its collection process could not be told: {}", incidentId,
            e.getMessage());
        return;
      }
    }
    LOG.warn("Evidence of {} is stored, but its collection process was busy; it re-checks on task completion",
        incidentId);
  }

  private static String collectedReason(EvidenceRow row, String receivedAs) {
    return "Collected by " + row.collectedBy() + " at " + DateTimeFormatter.ISO_ZONED_DATE_TIME.format(row.collectedAt())
        + (row.sourceSystem() == null ? "" : " from " + row.sourceSystem())
        + (row.collectionMethod() == null ? "" : " using " + row.collectionMethod())
        + (row.item() == null ? "" : " as item '" + row.item() + "'")
        + "; " + receivedAs + " as '" + row.fileName() + "', " + row.size() + " bytes";
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was handed out
    }
  }

}
