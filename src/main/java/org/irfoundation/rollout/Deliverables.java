package org.irfoundation.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.evidence.EvidenceProperties;
import org.irfoundation.evidence.EvidenceStore;
import org.springframework.stereotype.Service;

/**
 * The rollout's deliverables (team charter, IR plan, training certificates, exercise reports): stored write-once in
 * the evidence store with their SHA-256, as evidence is, so an auditor can check that what was approved is what is
 * held. Only the location and hash are in the database, never the content in a process variable.
 */
@Service
public class Deliverables {

  private final RolloutStore rollouts;
  private final EvidenceStore store;
  private final EvidenceProperties properties;

  public Deliverables(RolloutStore rollouts, EvidenceStore store, EvidenceProperties properties) {
    this.rollouts = rollouts;
    this.store = store;
    this.properties = properties;
  }

  /** Stores {@code content} as the deliverable {@code name} of the week. */
  public Deliverable store(String rolloutId, int week, String name, String fileName, String contentType,
      InputStream content, String actor) {
    String id = UUID.randomUUID().toString();
    EvidenceStore.Stored stored;
    try {
      stored = store.put(id, content, properties.maxFileSize().toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("the deliverable '" + name + "' could not be stored", e);
    }
    Deliverable deliverable = new Deliverable(id, rolloutId, week, name, fileName, contentType, stored.location(),
        stored.size(), stored.sha256(), EngineClock.now(), actor);
    try {
      rollouts.deliverable(deliverable);
    } catch (RuntimeException e) {
      store.discard(stored.location());
      throw e;
    }
    return deliverable;
  }

  public List<Deliverable> of(String rolloutId) {
    return rollouts.deliverables(rolloutId);
  }

  /** The content of a deliverable; the caller closes it. */
  public InputStream open(Deliverable deliverable) throws IOException {
    return store.open(deliverable.location());
  }

  /** Whether the stored bytes still hash to the SHA-256 recorded when the deliverable was stored. */
  public boolean intact(Deliverable deliverable) {
    try (DigestInputStream in = new DigestInputStream(open(deliverable), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest()).equalsIgnoreCase(deliverable.sha256());
    } catch (IOException gone) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
