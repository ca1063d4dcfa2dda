package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.actuate.health.Health;

/**
 * Where evidence files live (port; STYLE.md 9). Content is streamed, never held whole in memory, and its
 * SHA-256 is computed while it is written. Objects are named by the generated evidence id only: a name a
 * user sent never becomes a path or key. An object is written once and never overwritten.
 */
public interface EvidenceStore {

  /** What was written: where (opaque to callers, shown to users), how many bytes, their SHA-256 (hex). */
  record Stored(String location, long size, String sha256) {}

  /** Thrown when the content is longer than allowed; nothing is kept. */
  class TooLargeException extends IOException {
    public TooLargeException(long maxBytes) {
      super("larger than " + maxBytes + " bytes");
    }
  }

  /** Short name of the store, e.g. {@code filesystem} or {@code s3}. */
  String type();

  /**
   * Writes {@code content} as a new object for {@code evidenceId}. Fails, keeping nothing, when the content
   * is longer than {@code maxBytes} or an object of that id exists.
   */
  Stored put(String evidenceId, InputStream content, long maxBytes) throws IOException;

  /** The content at {@code location}; {@link java.nio.file.NoSuchFileException} when it is gone. */
  InputStream open(String location) throws IOException;

  /**
   * Removes an object whose registration failed before anyone could see it. Best effort: a store with
   * retention (Object Lock) may refuse, which is logged, not thrown.
   */
  void discard(String location);

  /**
   * The health check ({@code /actuator/health/evidence}), within a few seconds and without storing anything: the
   * folder takes a file, or the bucket answers.
   */
  Health health();
}
