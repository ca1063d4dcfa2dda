package org.irfoundation.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a report is answered over HTTP: HTML, or a PDF with its SHA-256 (X-Content-SHA256 and RFC 9530 Repr-Digest). */
public final class ReportResponses {

  public static final String SHA256_HEADER = "X-Content-SHA256";
  /** RFC 9530: the digest of the bytes sent. */
  public static final String DIGEST_HEADER = "Repr-Digest";

  private ReportResponses() {}

  public static ResponseEntity<byte[]> html(String html) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.getBytes(StandardCharsets.UTF_8));
  }

  public static ResponseEntity<byte[]> pdf(String id, byte[] bytes, String sha256) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(id + "-report.pdf").build()
            .toString())
        .header(SHA256_HEADER, sha256)
        .header(DIGEST_HEADER, "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
        .body(bytes);
  }

  /** Whether the Accept header prefers a PDF to HTML. */
  public static boolean wantsPdf(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    MediaType.sortBySpecificityAndQuality(types);
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
        return false;
      }
    }
    return false;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

}
