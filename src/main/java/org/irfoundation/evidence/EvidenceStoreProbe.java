package org.irfoundation.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.UUID;
import org.irfoundation.connector.HttpConnector;
import org.springframework.stereotype.Service;

/**
 * A write-hash-verify round trip through the evidence store with a small probe object that says what it is: written
 * with {@link EvidenceStore#put}, read back, re-hashed and compared with the hash the store reported, then discarded
 * (a store with Object Lock keeps it until its retention ends). Its id is a plain UUID, as the stores accept no other.
 */
@Service
public class EvidenceStoreProbe {

  private final EvidenceStore store;

  public EvidenceStoreProbe(EvidenceStore store) {
    this.store = store;
  }

  /**
   * What the round trip found. {@code problem} is null when the bytes read back hash to what was written;
   * {@code removed} says whether the probe is gone afterwards.
   */
  public record RoundTrip(String store, String id, String location, long size, String sha256, String readBackSha256,
      String problem, boolean removed) {

    public boolean intact() {
      return problem == null;
    }
  }

  public RoundTrip roundTrip() {
    String id = UUID.randomUUID().toString();
    byte[] content = ("IR Foundation evidence store probe " + id + ", written " + Instant.now()
        + " by the rollout's infrastructure gate. Not evidence: safe to delete.\n").getBytes(StandardCharsets.UTF_8);
    String sent;
    try {
      sent = HashingCopy.hash(new ByteArrayInputStream(content)).hex();
    } catch (IOException e) {
      throw new IllegalStateException("hashing bytes in memory cannot fail", e);
    }
    EvidenceStore.Stored stored;
    try {
      stored = store.put(id, new ByteArrayInputStream(content), content.length);
    } catch (IOException | RuntimeException e) {
      return new RoundTrip(store.type(), id, null, content.length, null, null,
          "the store did not take the probe: " + HttpConnector.rootMessage(e), false);
    }
    String readBack = null;
    String problem;
    try (InputStream in = store.open(stored.location())) {
      HashingCopy.Result read = HashingCopy.hash(in);
      readBack = read.hex();
      problem = !sent.equals(stored.sha256()) ? "the store reported SHA-256 " + stored.sha256()
          + " for bytes that hash to " + sent
          : !readBack.equals(stored.sha256()) || read.size() != content.length ? "read back " + read.size()
              + " bytes with SHA-256 " + readBack + ", written " + content.length + " bytes with " + stored.sha256()
          : null;
    } catch (IOException | RuntimeException e) {
      problem = "the probe could not be read back: " + HttpConnector.rootMessage(e);
    }
    store.discard(stored.location());
    return new RoundTrip(store.type(), id, stored.location(), stored.size(), stored.sha256(), readBack, problem,
        gone(stored.location()));
  }

  private boolean gone(String location) {
    try (InputStream in = store.open(location)) {
      return false;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // cannot tell: say it may still be there
    }
  }
}
