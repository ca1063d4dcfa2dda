package org.irfoundation.evidence;

import java.util.List;

/** What the evidence-collection process asks of the evidence store: which required items are done. */
public interface EvidenceCatalog {

  /** An item counts as done when some evidence registered for it passed its latest verification. */
  CollectionStatus status(String incidentId, List<String> requiredItems);

  record CollectionStatus(List<String> missing, List<CollectedItem> collected) {
    public boolean complete() {
      return missing.isEmpty();
    }
  }

  /** A reference the process may keep: ids, location and hash, never content. */
  record CollectedItem(String item, String evidenceId, String sha256, String location) {}
}
