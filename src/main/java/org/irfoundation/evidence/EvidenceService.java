package org.irfoundation.evidence;

import org.irfoundation.incident.IncidentTeam;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.api.ApiProblems.BadInput;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.evidence.CustodyLog.ChainCheck;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceStore.Stored;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.evidence.EvidenceViews.CustodyEntry;
import org.irfoundation.evidence.EvidenceViews.CustodyRequest;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.irfoundation.evidence.EvidenceViews.Verification;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.engine.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence of an incident, for its team only: registers uploads and files a process step fetched from a URL
 * (streamed to the store, hashed while written), lists them, hands out their content, re-hashes them, and keeps
 * the chain of custody. Only ids, locations and hashes ever reach process variables, the timeline or the log;
 * never content.
 */
@Service
public class EvidenceService implements EvidenceCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);
  static final int CORRELATION_ATTEMPTS = 3;
  /** Clock skew allowed for a collection time "now" on the collector's machine. */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final Incidents incidents;
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
  private final EvidenceFetcher fetcher;

  public EvidenceService(Incidents incidents, IncidentLifecycle timeline, EvidenceRecords records, CustodyLog custody, EvidenceStore store, EvidenceProperties properties,
      TransactionTemplate transaction, RuntimeService runtimeService, SystemContext system,
      EvidenceFetcher fetcher) {
    this.incidents = incidents;
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
    this.fetcher = fetcher;
  }

  /** The fields of an upload as they arrived. */
  public record Upload(MultipartFile file, String description, String collectedBy, String collectedAt,
      String sourceSystem, String collectionMethod, String item) {}

  /**
   * A file a process step fetches from a URL ({@link StoreEvidenceDelegate}).
   *
   * @param url http or https, of a host in {@code irf.evidence.fetch.allowed-hosts}, without credentials
   * @param item the evidence-collection item it satisfies, or null
   * @param sourceSystem the system it comes from; null: the URL's host
   * @param actor who collects it, e.g. {@code process:incident-response}: collector, registrant and custody actor
   * @param fetchKey the same for every attempt of the step's job and unique otherwise: an attempt that finds an item
   *     under its key returns that item instead of fetching again
   */
  public record UrlCollection(String url, String description, String item, String sourceSystem, String actor,
      String fetchKey) {}

  /** How a caller reports what {@link #registerContent} refuses: as an API answer, or as a job failure. */
  private record Refusals(LongFunction<RuntimeException> tooLarge, Supplier<RuntimeException> empty,
      BiFunction<String, IOException, RuntimeException> notStored) {}

  private static final Refusals UPLOAD_REFUSALS = new Refusals(EvidenceService::tooLarge,
      () -> new BadInput(List.of(new FieldProblem("file", "is empty"))),
      (evidenceId, e) -> new IllegalStateException("evidence " + evidenceId + " could not be stored: "
          + e.getMessage(), e));

  /** An item's content to stream to the caller; the access is already on the custody log. */
  public record Download(EvidenceRow evidence, InputStream content) {}

  /** 404 for an unknown incident, 403 for a caller who is not on its team. */
  public Incident authorize(String incidentId, String userId) {
    Incident incident = incidents.find(incidentId)
        .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No incident " + incidentId));
    if (!incidents.isOnTeam(incidentId, userId)) {
      throw problem(HttpStatus.FORBIDDEN, "Only the team of incident " + incidentId + " may handle its evidence.");
    }
    return incident;
  }

  public EvidenceItem register(String incidentId, Upload upload, String actor) {
    authorize(incidentId, actor);
    Valid valid = validate(upload, actor);
    long max = properties.maxFileSize().toBytes();
    if (upload.file().getSize() > max) {
      throw tooLarge(max);
    }
    try (InputStream content = upload.file().getInputStream()) {
      return registerContent(incidentId, valid, content, actor, UPLOAD_REFUSALS);
    } catch (IOException e) {
      throw new IllegalStateException("the uploaded file of " + incidentId + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Fetches a file from a URL and registers it like an upload: streamed into the store with its SHA-256, a
   * COLLECTED custody entry, EVIDENCE_COLLECTED on the timeline, waiting evidence-collection processes told. An
   * item stored before under the same fetch key is returned as it is: nothing is fetched or stored again.
   *
   * @throws ConnectorConfigurationException when the incident is unknown, an input is missing or too long, the URL
   *     breaks the fetch rules ({@link EvidenceFetcher}), the source rejects the request (4xx), or the file is empty
   *     or larger than {@code irf.evidence.max-file-size}: retrying cannot help
   * @throws ConnectorUnavailableException when the source fails (5xx, timeout, refused connection, 429) or the
   *     body cannot be read to its end; the job retries
   */
  public EvidenceItem collectFromUrl(String incidentId, UrlCollection request) {
    incidents.find(incidentId).orElseThrow(() -> new ConnectorConfigurationException(EvidenceFetcher.SYSTEM, 0,
        "No incident " + incidentId + ": the business key of a process that stores evidence must be the incident id"));
    Optional<EvidenceItem> earlier = storedUnder(incidentId, request.fetchKey());
    if (earlier.isPresent()) {
      LOG.info("Evidence {} of {} was stored by an earlier attempt ({}); not fetched again", earlier.get().id(),
          incidentId, request.fetchKey());
      notifyProcesses(incidentId);
      return earlier.get();
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (request.url() == null || request.url().isBlank()) {
      problems.add(new FieldProblem("evidenceUrl", "is required"));
    }
    String description = text(request.description(), "evidenceDescription", 2000, true, problems);
    String item = text(request.item(), "evidenceItem", 100, false, problems);
    String source = text(request.sourceSystem(), "evidenceSource", 200, false, problems);
    if (!problems.isEmpty()) {
      throw new ConnectorConfigurationException(EvidenceFetcher.SYSTEM, 0, "Store evidence: " + problems.stream()
          .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    }
    URI url = fetcher.check(request.url());
    String shown = EvidenceFetcher.shown(url);
    ZonedDateTime collectedAt = ZonedDateTime.now(properties.zone()).truncatedTo(ChronoUnit.MILLIS);
    long max = properties.maxFileSize().toBytes();
    Refusals refusals = new Refusals(
        limit -> new ConnectorConfigurationException(url.getHost(), 0, "GET " + shown + " answered more than "
            + limit + " bytes, the limit irf.evidence.max-file-size (IRF_EVIDENCE_MAX_FILE_SIZE): nothing was"
            + " stored; raise the limit or export less"),
        () -> new ConnectorConfigurationException(url.getHost(), 0, "GET " + shown + " answered an empty file:"
            + " nothing was stored; check evidenceUrl"),
        (evidenceId, e) -> new ConnectorUnavailableException(url.getHost(), 0, "The file of GET " + shown
            + " could not be stored: " + EvidenceFetcher.failureText(e, url) + "; nothing was kept", null));
    LOG.info("Fetching evidence for {} with GET {}", incidentId, shown);
    try (EvidenceFetcher.Response response = fetcher.open(url)) {
      if (response.contentLength() > max) {
        throw refusals.tooLarge().apply(max);
      }
      Valid valid = new Valid(response.fileName(), clip(response.contentType(), 200), description, request.actor(),
          collectedAt, source == null ? clip(url.getHost(), 200) : source, clip("HTTP GET " + shown, 200), item,
          request.fetchKey(), "fetched");
      return registerContent(incidentId, valid, response.body(), request.actor(), refusals);
    } catch (DuplicateKeyException concurrentAttempt) {
      // another node ran the same job (its lock had expired) and registered first: its item counts
      return storedUnder(incidentId, request.fetchKey()).orElseThrow(() -> concurrentAttempt);
    }
  }

  /**
   * The one way evidence comes in, uploaded or fetched: streams {@code content} into the store (hashed while
   * written), then, in a transaction of its own, the record, the COLLECTED custody entry and the timeline event,
   * and tells waiting processes. Refused or failed, it leaves nothing behind: no file, no record, no entry.
   */
  private EvidenceItem registerContent(String incidentId, Valid valid, InputStream content, String actor,
      Refusals refusals) {
    long max = properties.maxFileSize().toBytes();
    String evidenceId = UUID.randomUUID().toString();
    Stored stored;
    try {
      stored = store.put(evidenceId, content, max);
    } catch (EvidenceStore.TooLargeException e) {
      throw refusals.tooLarge().apply(max);
    } catch (IOException e) {
      throw refusals.notStored().apply(evidenceId, e);
    }
    if (stored.size() == 0) {
      store.discard(stored.location());
      throw refusals.empty().get();
    }
    Instant now = Instant.now();
    EvidenceRow row = new EvidenceRow(evidenceId, incidentId, valid.item(), valid.fileName(), valid.declaredType(),
        valid.description(), stored.size(), stored.sha256(), store.type(), stored.location(), valid.collectedBy(),
        valid.collectedAt(), valid.sourceSystem(), valid.collectionMethod(), actor, now, null, null);
    List<Entry> entries;
    try {
      entries = registration.execute(status -> {
        records.insert(row, valid.fetchKey());
        Entry collected = custody.append(incidentId, evidenceId, CustodyAction.COLLECTED, actor, properties.zone(),
            stored.location(), collectedReason(row, valid.receivedAs()), stored.sha256());
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
    authorize(incidentId, actor);
    List<Entry> entries = custody.entries(incidentId);
    return records.list(incidentId).stream()
        .map(row -> EvidenceItem.of(row, entries.stream().filter(e -> row.id().equals(e.evidenceId())).toList()))
        .toList();
  }

  /** Opens the content and records the access (ACCESSED) before a byte is handed out. */
  public Download download(String incidentId, String evidenceId, String actor, String from) {
    authorize(incidentId, actor);
    EvidenceRow row = evidence(incidentId, evidenceId);
    InputStream content;
    try {
      content = store.open(row.location());
    } catch (NoSuchFileException e) {
      throw problem(HttpStatus.GONE, "The content of evidence " + evidenceId + " is missing from the store;"
          + " verify it and inform the IR lead.");
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
    authorize(incidentId, actor);
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
    authorize(incidentId, actor);
    if (request.action() != CustodyAction.TRANSFERRED && request.action() != CustodyAction.RELEASED) {
      throw new BadInput(List.of(new FieldProblem("action", "must be TRANSFERRED or RELEASED; the app records "
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
    authorize(incidentId, actor);
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
    return records.find(incidentId, evidenceId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
        "No evidence " + evidenceId + " in incident " + incidentId));
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

  /**
   * What is recorded about an item besides its content. {@code fetchKey}: see {@link UrlCollection}, null for
   * uploads; {@code receivedAs}: how its file came in ("uploaded", "fetched"), for the custody entry.
   */
  private record Valid(String fileName, String declaredType, String description, String collectedBy,
      ZonedDateTime collectedAt, String sourceSystem, String collectionMethod, String item, String fetchKey,
      String receivedAs) {}

  private Valid validate(Upload upload, String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    MultipartFile file = upload.file();
    String fileName = null;
    if (file == null) {
      problems.add(new FieldProblem("file", "is required"));
    } else {
      fileName = file.getOriginalFilename();
      String nameProblem = fileNameProblem(fileName);
      if (nameProblem != null) {
        problems.add(new FieldProblem("file", nameProblem));
      } else if (file.isEmpty()) {
        problems.add(new FieldProblem("file", "is empty"));
      }
    }
    String description = text(upload.description(), "description", 2000, true, problems);
    String collectedBy = text(upload.collectedBy(), "collectedBy", 200, false, problems);
    String sourceSystem = text(upload.sourceSystem(), "sourceSystem", 200, false, problems);
    String method = text(upload.collectionMethod(), "collectionMethod", 200, false, problems);
    String item = text(upload.item(), "item", 100, false, problems);
    ZonedDateTime collectedAt = null;
    String at = text(upload.collectedAt(), "collectedAt", 100, true, problems);
    if (at != null) {
      try {
        collectedAt = ZonedDateTime.parse(at, DateTimeFormatter.ISO_ZONED_DATE_TIME);
        if (collectedAt.toInstant().isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
          problems.add(new FieldProblem("collectedAt", "is in the future"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("collectedAt",
            "must be ISO-8601 with an offset or zone, e.g. 2026-11-28T09:12:00+01:00[Europe/Berlin]"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInput(problems);
    }
    String declared = clip(file.getContentType(), 200);
    return new Valid(fileName, declared, description, collectedBy == null ? actor : collectedBy,
        collectedAt.truncatedTo(ChronoUnit.MILLIS), sourceSystem, method, item, null, "uploaded");
  }

  /** A file name is recorded and shown, never used as a path; one that looks like a path is refused. */
  static String fileNameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "needs a file name";
    }
    if (name.length() > 255) {
      return "file name is longer than 255 characters";
    }
    if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      return "file name must be a plain name, without path separators or '..' (got '" + printable(name) + "')";
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "file name contains control characters";
    }
    return null;
  }

  private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
    String trimmed = value == null ? null : value.trim();
    if (trimmed == null || trimmed.isEmpty()) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (trimmed.length() > max) {
      problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
      return null;
    }
    return trimmed;
  }

  private static String collectedReason(EvidenceRow row, String receivedAs) {
    return "Collected by " + row.collectedBy() + " at " + DateTimeFormatter.ISO_ZONED_DATE_TIME.format(row.collectedAt())
        + (row.sourceSystem() == null ? "" : " from " + row.sourceSystem())
        + (row.collectionMethod() == null ? "" : " using " + row.collectionMethod())
        + (row.item() == null ? "" : " as item '" + row.item() + "'")
        + "; " + receivedAs + " as '" + row.fileName() + "', " + row.size() + " bytes";
  }

  private static String clip(String value, int max) {
    return value == null ? null : value.length() > max ? value.substring(0, max) : value;
  }

  private static String printable(String name) {
    String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  private static ErrorResponseException tooLarge(long max) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the evidence limit of " + max
        + " bytes (irf.evidence.max-file-size).");
  }

  static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was handed out
    }
  }

}
