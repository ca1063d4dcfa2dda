package org.irfoundation.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.IncidentAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The post-incident report: HTML by default, PDF with {@code Accept: application/pdf}, the stored final PDF with
 * {@code final=true} (its SHA-256 in {@code X-Content-SHA256} and {@code Repr-Digest}). For whoever may read all of
 * the incident (its team, the IR lead, the program owner); the IR lead stores the final report.
 */
@RestController
@RequestMapping("/api/incidents/{id}/report")
@Tag(name = "Reports", description = "Post-incident reports: timeline chart, metrics against targets, decisions,"
    + " evidence, notices")
public class ReportController {

  /** The SHA-256 of the bytes sent, hex (as the evidence API writes hashes). */
  public static final String SHA256_HEADER = ReportResponses.SHA256_HEADER;
  /** RFC 9530: the same hash, base64. */
  public static final String DIGEST_HEADER = ReportResponses.DIGEST_HEADER;

  private final Reports reports;
  private final IncidentAccess access;

  public ReportController(Reports reports, IncidentAccess access) {
    this.reports = reports;
    this.access = access;
  }

  /** What the final report answer says about the stored report. */
  public record FinalView(String id, String incidentId, String kind, String title, String mediaType, long size,
      String sha256, String createdAt, String createdBy, boolean created) {

    static FinalView of(StoredReport r, boolean created) {
      return new FinalView(r.id(), r.incidentId(), r.kind().name(), r.title(), r.mediaType(), r.size(), r.sha256(),
          r.createdAt().toString(), r.createdBy(), created);
    }
  }

  @GetMapping
  @Operation(summary = "The incident's report, as it stands now, or the stored final one",
      description = "text/html (default) or application/pdf by the Accept header; all times UTC. final=true: the"
          + " final PDF exactly as stored, with its SHA-256 in X-Content-SHA256 and Repr-Digest; 404 while there is"
          + " none.")
  public ResponseEntity<byte[]> report(@PathVariable String id,
      @RequestParam(name = "final", defaultValue = "false") boolean stored,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller) {
    access.require(id, caller.getName(), Access.READ);
    if (stored) {
      StoredReport report = reports.finalReport(id, ReportRequest.Kind.INCIDENT)
          .orElseThrow(() -> new NoFinalReport(id));
      return ReportResponses.pdf(id, read(report), report.sha256());
    }
    ReportRequest request = ReportRequest.incident(id);
    if (ReportResponses.wantsPdf(accept)) {
      byte[] pdf = reports.pdf(request);
      return ReportResponses.pdf(id, pdf, ReportResponses.sha256(pdf));
    }
    return ReportResponses.html(reports.html(request));
  }

  @PostMapping(path = "/final", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store the final report (IR lead)",
      description = "Renders the PDF and stores it once, with its SHA-256 (created: true). It is also stored when the"
          + " incident closes. A final report is never rewritten: when there is one, the answer is that one,"
          + " unchanged (created: false).")
  public ResponseEntity<FinalView> storeFinal(@PathVariable String id, Authentication caller) {
    access.requireLead(id, caller.getName());
    Reports.Final result = reports.storeFinal(ReportRequest.incident(id), caller.getName());
    return ResponseEntity.ok().header(SHA256_HEADER, result.report().sha256())
        .body(FinalView.of(result.report(), result.created()));
  }

  private byte[] read(StoredReport report) {
    try (InputStream in = reports.open(report)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the final report of " + report.incidentId() + " cannot be read", e);
    }
  }

  /** No final report stored yet. */
  static class NoFinalReport extends RuntimeException {
    NoFinalReport(String incidentId) {
      super("Incident " + incidentId + " has no final report yet: it is stored when the incident closes, or by the"
          + " IR lead (POST .../report/final).");
    }
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(NoFinalReport.class)
  ResponseEntity<ProblemDetail> noFinal(NoFinalReport e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }
}
