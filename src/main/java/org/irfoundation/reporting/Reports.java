package org.irfoundation.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.evidence.EvidenceStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Reports on incidents (the capability's API; who may read one is the caller's to check): rendered now as HTML or
 * PDF, or stored once as the final deliverable, its PDF written once to the evidence store with its SHA-256 so that
 * what was handed over can be checked later. For the post-incident report and for an exercise's simulation report
 * alike ({@link ReportRequest}).
 */
@Service
public class Reports {

  /** A final report, and whether this call stored it (false: it had been stored before, this is that one). */
  public record Final(StoredReport report, boolean created) {}

  private final ReportAssembler assembler;
  private final ReportRenderer renderer;
  private final ReportStore store;
  private final EvidenceStore files;

  Reports(ReportAssembler assembler, ReportRenderer renderer, ReportStore store, EvidenceStore files) {
    this.assembler = assembler;
    this.renderer = renderer;
    this.store = store;
    this.files = files;
  }

  /** The report as HTML now; {@link NoSuchElementException} for an unknown incident. */
  public String html(ReportRequest request) {
    return renderer.html(view(request));
  }

  /** The report as PDF now. */
  public byte[] pdf(ReportRequest request) {
    return renderer.pdf(html(request), request.title());
  }

  /**
   * Renders and stores the final report of the request's incident and kind, once: a later call returns the stored
   * one unchanged (a final report is never rewritten).
   */
  public Final storeFinal(ReportRequest request, String by) {
    Optional<StoredReport> stored = finalReport(request.incidentId(), request.kind());
    if (stored.isPresent()) {
      return new Final(stored.get(), false);
    }
    byte[] pdf = pdf(request);
    String id = UUID.randomUUID().toString();
    EvidenceStore.Stored file;
    try {
      file = files.put(id, new ByteArrayInputStream(pdf), pdf.length);
    } catch (IOException e) {
      throw new UncheckedIOException("the final report of " + request.incidentId() + " could not be stored", e);
    }
    StoredReport report = new StoredReport(id, request.incidentId(), request.kind(), request.title(),
        MediaType.APPLICATION_PDF_VALUE, file.location(), file.size(), file.sha256(), EngineClock.now(), by);
    try {
      store.insert(report);
    } catch (DuplicateKeyException concurrentFinal) {
      files.discard(file.location());
      return new Final(finalReport(request.incidentId(), request.kind()).orElseThrow(), false);
    } catch (RuntimeException e) {
      files.discard(file.location());
      throw e;
    }
    return new Final(report, true);
  }

  public Optional<StoredReport> finalReport(String incidentId, ReportRequest.Kind kind) {
    return store.find(incidentId, kind);
  }

  /** The stored bytes of a final report, exactly as stored; the caller closes the stream. */
  public InputStream open(StoredReport report) throws IOException {
    return files.open(report.location());
  }

  private ReportView view(ReportRequest request) {
    return assembler.view(request)
        .orElseThrow(() -> new NoSuchElementException("no incident " + request.incidentId()));
  }
}
