package org.irfoundation.evidence;

import static org.irfoundation.evidence.StoreEvidenceDelegate.EVIDENCE_DESCRIPTION;
import static org.irfoundation.evidence.StoreEvidenceDelegate.EVIDENCE_ITEM;
import static org.irfoundation.evidence.StoreEvidenceDelegate.EVIDENCE_SOURCE;
import static org.irfoundation.evidence.StoreEvidenceDelegate.EVIDENCE_URL;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.evidence.EvidenceException.EmptyFile;
import org.irfoundation.evidence.EvidenceException.NotStored;
import org.irfoundation.evidence.EvidenceException.Problem;
import org.irfoundation.evidence.EvidenceException.TooLarge;
import org.irfoundation.evidence.EvidenceException.UnknownIncident;
import org.irfoundation.evidence.EvidenceRegistration.Metadata;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the "Store evidence" step ({@link StoreEvidenceDelegate}) does: fetches a file from a URL and registers it
 * like an upload. A refusal or failure is a job failure: {@link ConnectorConfigurationException} when retrying
 * cannot help, {@link ConnectorUnavailableException} when it may (the job retries).
 */
@Component
class UrlEvidenceCollector {

  private static final Logger LOG = LoggerFactory.getLogger(UrlEvidenceCollector.class);

  private final EvidenceAccess access;
  private final EvidenceRegistration registration;
  private final EvidenceFetcher fetcher;
  private final EvidenceProperties properties;

  UrlEvidenceCollector(EvidenceAccess access, EvidenceRegistration registration, EvidenceFetcher fetcher,
      EvidenceProperties properties) {
    this.access = access;
    this.registration = registration;
    this.fetcher = fetcher;
    this.properties = properties;
  }

  /**
   * A file a process step fetches from a URL.
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

  /**
   * Fetches the file and registers it: streamed into the store with its SHA-256, a COLLECTED custody entry,
   * EVIDENCE_COLLECTED on the timeline, waiting evidence-collection processes told. An item stored before under the
   * same fetch key is returned as it is: nothing is fetched or stored again.
   *
   * @throws ConnectorConfigurationException when the incident is unknown, an input is missing or too long, the URL
   *     breaks the fetch rules ({@link EvidenceFetcher}), the source rejects the request (4xx), or the file is empty
   *     or larger than {@code irf.evidence.max-file-size}: retrying cannot help
   * @throws ConnectorUnavailableException when the source fails (5xx, timeout, refused connection, 429) or the
   *     body cannot be read to its end; the job retries
   */
  public EvidenceItem collect(String incidentId, UrlCollection request) {
    try {
      access.incident(incidentId);
    } catch (UnknownIncident e) {
      throw noIncident(incidentId);
    }
    Optional<EvidenceItem> earlier = registration.fetchedBefore(incidentId, request.fetchKey());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    List<Problem> problems = new ArrayList<>();
    if (request.url() == null || request.url().isBlank()) {
      problems.add(new Problem(EVIDENCE_URL.name(), "is required"));
    }
    String description = EvidenceInput.text(request.description(), EVIDENCE_DESCRIPTION.name(), 2000, true,
        problems);
    String item = EvidenceInput.text(request.item(), EVIDENCE_ITEM.name(), 100, false, problems);
    String source = EvidenceInput.text(request.sourceSystem(), EVIDENCE_SOURCE.name(), 200, false, problems);
    if (!problems.isEmpty()) {
      throw new ConnectorConfigurationException(EvidenceFetcher.SYSTEM, 0, "Store evidence: " + problems.stream()
          .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    }
    URI url = fetcher.check(request.url());
    String shown = EvidenceFetcher.shown(url);
    ZonedDateTime collectedAt = ZonedDateTime.now(properties.zone());
    LOG.info("Fetching evidence for {} with GET {}", incidentId, shown);
    try (EvidenceFetcher.Response response = fetcher.open(url)) {
      Metadata metadata = new Metadata(response.fileName(), EvidenceInput.clip(response.contentType(), 200),
          description, request.actor(), collectedAt, source == null ? EvidenceInput.clip(url.getHost(), 200) : source,
          EvidenceInput.clip("HTTP GET " + shown, 200), item);
      return registration.fetched(incidentId, metadata, response.body(), response.contentLength(), request.actor(),
          request.fetchKey());
    } catch (EvidenceException e) {
      throw failure(e, incidentId, url);
    }
  }

  /** The job failure for what registration refused, with the URL as messages show it (no query). */
  private static RuntimeException failure(EvidenceException refused, String incidentId, URI url) {
    String shown = EvidenceFetcher.shown(url);
    if (refused instanceof TooLarge tooLarge) {
      return new ConnectorConfigurationException(url.getHost(), 0, "GET " + shown + " answered more than "
          + tooLarge.limit() + " bytes, the limit irf.evidence.max-file-size (IRF_EVIDENCE_MAX_FILE_SIZE): nothing"
          + " was stored; raise the limit or export less");
    }
    if (refused instanceof EmptyFile) {
      return new ConnectorConfigurationException(url.getHost(), 0, "GET " + shown + " answered an empty file:"
          + " nothing was stored; check " + EVIDENCE_URL.name());
    }
    if (refused instanceof NotStored) {
      // no cause attached: the job's stack trace is stored and shown, and must not carry the URL's query
      return new ConnectorUnavailableException(url.getHost(), 0, "The file of GET " + shown
          + " could not be stored: " + EvidenceFetcher.failureText(refused.getCause(), url) + "; nothing was kept",
          null);
    }
    if (refused instanceof UnknownIncident) {
      return noIncident(incidentId);
    }
    // a fetch has no caller to authorize and no form: any other refusal is a bug
    return new IllegalStateException("Store evidence: " + refused.getMessage(), refused);
  }

  private static ConnectorConfigurationException noIncident(String incidentId) {
    return new ConnectorConfigurationException(EvidenceFetcher.SYSTEM, 0, "No incident " + incidentId
        + ": the business key of a process that stores evidence must be the incident id");
  }
}
