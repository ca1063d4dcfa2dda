package org.irfoundation.response.actions;

/** Puts the snapshots a SNAPSHOT_HOST action took into the incident's chain of custody. */
public interface SnapshotCustody {

  /** Once per snapshot id: a repeat (a retried step) finds the earlier record. */
  void recordSnapshots(ActionRequest request, ActionOutcome outcome);
}
