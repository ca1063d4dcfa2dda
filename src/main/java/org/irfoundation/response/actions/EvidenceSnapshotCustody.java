package org.irfoundation.response.actions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import org.irfoundation.evidence.EvidenceRegistration;
import org.irfoundation.evidence.EvidenceRegistration.Metadata;
import org.springframework.stereotype.Component;

/**
 * Each snapshot id becomes an item of evidence: a short manifest (snapshot id, host, system, the request that took
 * it) stored and hashed like any fetched file, with its COLLECTED custody entry. The disk image stays in the
 * provider's account; the manifest is what the custody log can vouch for. Keyed by incident and snapshot id.
 */
@Component
public class EvidenceSnapshotCustody implements SnapshotCustody {

  static final String COLLECTOR = "process:" + ResponseActionApi.PROCESS_KEY;

  private final EvidenceRegistration registration;

  public EvidenceSnapshotCustody(EvidenceRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void recordSnapshots(ActionRequest request, ActionOutcome outcome) {
    for (String snapshotId : outcome.references()) {
      String key = "snapshot:" + request.incidentId() + ":" + snapshotId;
      if (registration.fetchedBefore(request.incidentId(), key).isPresent()) {
        continue;
      }
      byte[] manifest = manifest(request, outcome, snapshotId).getBytes(StandardCharsets.UTF_8);
      Metadata metadata = new Metadata("snapshot-" + snapshotId + ".txt", "text/plain",
          "Disk snapshot " + snapshotId + " of host " + request.target() + ", taken by " + outcome.system()
              + " (response action SNAPSHOT_HOST); the snapshot stays in the provider's account",
          COLLECTOR, ZonedDateTime.now(ZoneOffset.UTC), outcome.system(), "response action SNAPSHOT_HOST", null);
      registration.fetched(request.incidentId(), metadata, new ByteArrayInputStream(manifest), manifest.length,
          COLLECTOR, key);
    }
  }

  static String manifest(ActionRequest request, ActionOutcome outcome, String snapshotId) {
    ActionCall call = outcome.call();
    return "snapshot: " + snapshotId + "\nhost: " + request.target() + "\nsystem: " + outcome.system()
        + "\nincident: " + request.incidentId()
        + (call == null ? "" : "\nrequest: " + call.operation() + " " + call.endpoint() + "\nbody: " + call.body())
        + "\nanswer: " + outcome.answer() + "\n";
  }
}
