package org.irfoundation.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.evidence.EvidenceException.ContentMissing;
import org.irfoundation.evidence.EvidenceException.EmptyFile;
import org.irfoundation.evidence.EvidenceException.InvalidInput;
import org.irfoundation.evidence.EvidenceException.NoSuchEvidence;
import org.irfoundation.evidence.EvidenceException.NotOnTeam;
import org.irfoundation.evidence.EvidenceException.TooLarge;
import org.irfoundation.evidence.EvidenceException.UnderLegalHold;
import org.irfoundation.evidence.EvidenceException.UnknownIncident;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.evidence.EvidenceViews.CustodyEntry;
import org.irfoundation.evidence.EvidenceViews.CustodyRequest;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.irfoundation.evidence.EvidenceViews.UploadForm;
import org.irfoundation.evidence.EvidenceViews.Verification;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Evidence of an incident and its chain of custody. Its team handles it; the IR program owner reads the list and the
 * chain check; whoever else sees the incident gets 403, whoever may not see it 404 as for an unknown incident.
 * Uploads are streamed to disk and the store, never held in memory; parts are read only after the caller is known
 * to be on the team. What the services refuse
 * ({@link EvidenceException}) is answered here as problem details.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Evidence", description = "Evidence store with SHA-256 and a hash-chained chain of custody")
public class EvidenceController {

  private final EvidenceAccess access;
  private final EvidenceRegistration registration;
  private final EvidenceCustody custody;
  private final EvidenceCatalogService catalog;

  public EvidenceController(EvidenceAccess access, EvidenceRegistration registration, EvidenceCustody custody,
      EvidenceCatalogService catalog) {
    this.access = access;
    this.registration = registration;
    this.custody = custody;
    this.catalog = catalog;
  }

  @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Upload an item of evidence",
      description = "Multipart form. Streamed to the evidence store with its SHA-256 computed while written, and"
          + " recorded as COLLECTED on the chain of custody. The same file name twice is two items. 400 for an"
          + " empty file, a file name with a path, or a missing field; 413 over the size limit.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class))))
  public ResponseEntity<EvidenceItem> upload(@PathVariable String id, MultipartHttpServletRequest request,
      Authentication caller) {
    access.authorize(id, caller.getName()); // before any part of the body is read
    EvidenceUploadForm form = EvidenceUploadForm.read(request);
    EvidenceItem item;
    try (InputStream content = form.file().getInputStream()) {
      item = registration.upload(id, form.metadata(), content, form.file().getSize(), caller.getName());
    } catch (IOException e) {
      throw new IllegalStateException("the uploaded file of " + id + " cannot be read: " + e.getMessage(), e);
    }
    URI content = ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/api/incidents/{id}/evidence/{eid}/content").buildAndExpand(id, item.id()).toUri();
    return ResponseEntity.created(content).body(item);
  }

  @GetMapping(path = "/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The incident's evidence: hash, size, store location and custody entries of each item")
  public List<EvidenceItem> list(@PathVariable String id, Authentication caller) {
    return catalog.list(id, caller.getName());
  }

  @GetMapping("/evidence/{eid}/content")
  @Operation(summary = "Download an item (recorded as ACCESSED on the chain of custody)",
      description = "Always application/octet-stream, whatever type was declared at upload. The headers carry the"
          + " SHA-256 recorded at collection (X-Evidence-SHA256, and Repr-Digest of RFC 9530).")
  public ResponseEntity<Resource> content(@PathVariable String id, @PathVariable String eid,
      Authentication caller, jakarta.servlet.http.HttpServletRequest request) {
    EvidenceCustody.Download download = custody.download(id, eid, caller.getName(), request.getRemoteAddr());
    EvidenceRecords.EvidenceRow row = download.evidence();
    byte[] sha256 = HexFormat.of().parseHex(row.sha256());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(row.size())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(row.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Evidence-SHA256", row.sha256())
        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":")
        .body(new InputStreamResource(download.content()));
  }

  @PostMapping(path = "/evidence/{eid}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Re-hash the stored content and compare it with the hash recorded at collection",
      description = "Recorded as VERIFIED on the chain of custody, with the outcome. intact=false names the"
          + " mismatch (changed bytes, missing content, or a changed record).")
  public Verification verify(@PathVariable String id, @PathVariable String eid, Authentication caller) {
    return custody.verify(id, eid, caller.getName());
  }

  @PostMapping(path = "/evidence/{eid}/custody", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Record a hand-over (TRANSFERRED) or a release (RELEASED) of an item",
      description = "409 for a release while the incident is under legal hold (nothing is recorded); hand-overs of"
          + " copies stay allowed.")
  public ResponseEntity<CustodyEntry> custody(@PathVariable String id, @PathVariable String eid,
      @Valid @RequestBody CustodyRequest request, Authentication caller) {
    return ResponseEntity.status(201).body(custody.recordCustody(id, eid, request, caller.getName()));
  }

  @GetMapping(path = "/custody/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Check the incident's whole chain of custody",
      description = "intact=false names the first broken entry: edited, deleted, or out of order.")
  public CustodyCheck verifyCustody(@PathVariable String id, Authentication caller) {
    return custody.verifyCustody(id, caller.getName());
  }

  /** What each refusal answers; NotStored is not here: like any technical failure it is a 500. */
  static final Map<Class<? extends EvidenceException>, HttpStatus> STATUS = Map.of(
      UnknownIncident.class, HttpStatus.NOT_FOUND, NoSuchEvidence.class, HttpStatus.NOT_FOUND,
      NotOnTeam.class, HttpStatus.FORBIDDEN, ContentMissing.class, HttpStatus.GONE,
      TooLarge.class, HttpStatus.PAYLOAD_TOO_LARGE, UnderLegalHold.class, HttpStatus.CONFLICT);

  @ExceptionHandler({UnknownIncident.class, NoSuchEvidence.class, NotOnTeam.class, ContentMissing.class,
      TooLarge.class, UnderLegalHold.class})
  ProblemDetail refused(EvidenceException e) {
    return ProblemDetail.forStatusAndDetail(STATUS.get(e.getClass()), e.getMessage());
  }

  @ExceptionHandler(InvalidInput.class)
  ProblemDetail invalid(InvalidInput e) {
    return ApiProblems.problem(e.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList());
  }

  /** Only an upload has a file to be empty: it is the form's field. */
  @ExceptionHandler(EmptyFile.class)
  ProblemDetail empty(EmptyFile e) {
    return ApiProblems.problem(List.of(new FieldProblem(EvidenceUploadForm.FILE, "is empty")));
  }
}
