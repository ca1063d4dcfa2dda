package org.irfoundation.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.irfoundation.evidence.CustodyLog.Broken;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;

/** What the evidence API takes and answers. Times with a zone are ISO-8601 text, e.g. {@code …+01:00[Europe/Berlin]}. */
public final class EvidenceViews {

  /** The multipart form of an upload (documentation of {@code POST …/evidence}). */
  @Schema(name = "EvidenceUpload")
  public record UploadForm(
      @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
          description = "the file; its name is recorded, never used as a path") String file,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String description,
      @Schema(description = "who collected it (default: the uploading user)", maxLength = 200) String collectedBy,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-28T09:12:00+01:00[Europe/Berlin]",
          description = "when it was collected, ISO-8601 with offset or zone") String collectedAt,
      @Schema(description = "system it was taken from", maxLength = 200) String sourceSystem,
      @Schema(description = "how it was taken (tool, command, procedure)", maxLength = 200) String collectionMethod,
      @Schema(description = "the evidence-collection item this satisfies", maxLength = 100) String item) {}

  /** One item of evidence with its custody entries. */
  public record EvidenceItem(String id, String incidentId, String item, String fileName, String description,
      @Schema(description = "as the uploader declared it; recorded, not trusted (downloads are octet-stream)")
      String declaredContentType,
      long size, String sha256, String store, String location, String collectedBy, String collectedAt,
      String sourceSystem, String collectionMethod, String registeredBy, Instant registeredAt,
      LastVerification lastVerification, List<CustodyEntry> custody,
      @Schema(description = "true while the incident is under legal hold: the item cannot be RELEASED")
      boolean legalHold) {

    static EvidenceItem of(EvidenceRow row, List<Entry> custody, boolean legalHold) {
      return new EvidenceItem(row.id(), row.incidentId(), row.item(), row.fileName(), row.description(),
          row.declaredType(), row.size(), row.sha256(), row.store(), row.location(), row.collectedBy(),
          DateTimeFormatter.ISO_ZONED_DATE_TIME.format(row.collectedAt()), row.sourceSystem(),
          row.collectionMethod(), row.registeredBy(), row.registeredAt(),
          row.verifiedAt() == null ? null : new LastVerification(row.verifiedAt(), row.verifiedIntact()),
          custody.stream().map(CustodyEntry::of).toList(), legalHold);
    }
  }

  public record LastVerification(Instant at, Boolean intact) {}

  /** One chain-of-custody entry. */
  public record CustodyEntry(long sequence, String evidenceId, String action, String actor, String time,
      String location, String reason, String evidenceSha256, String previousHash, String hash) {

    static CustodyEntry of(Entry e) {
      return new CustodyEntry(e.sequence(), e.evidenceId(), e.action(), e.actor(),
          DateTimeFormatter.ISO_ZONED_DATE_TIME.format(e.time()), e.location(), e.reason(), e.evidenceSha256(),
          e.previousHash(), e.hash());
    }
  }

  /** The answer to {@code POST …/verify}: the stored bytes re-hashed and compared with the recorded hash. */
  public record Verification(String evidenceId, boolean intact, String expectedSha256, String actualSha256,
      long expectedSize, Long actualSize, String detail, String verifiedBy, String verifiedAt) {}

  /** The answer to {@code GET …/custody/verify}. */
  public record CustodyCheck(String incidentId, boolean intact, long entries,
      @Schema(description = "hash of the last entry: note it (e.g. in the ticket) to detect later rewrites")
      String headHash,
      Broken firstBrokenEntry,
      @Schema(description = "items whose record no longer matches the hash their COLLECTED entry vouches for")
      List<String> recordProblems) {}

  /** A hand-over recorded by a person: TRANSFERRED or RELEASED. */
  public record CustodyRequest(@NotNull CustodyAction action,
      @NotBlank @Size(max = 1000) @Schema(description = "where the evidence (or the copy) now is") String location,
      @NotBlank @Size(max = 2000) @Schema(description = "why, and to whom") String reason) {}

  private EvidenceViews() {}
}
