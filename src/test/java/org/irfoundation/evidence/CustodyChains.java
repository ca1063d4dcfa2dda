package org.irfoundation.evidence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.irfoundation.engine.TestDatabase;

/** Chains of custody on a fresh database, to check and to break on purpose (tests of other packages too). */
public final class CustodyChains {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final TestDatabase db;
  private final CustodyLog log;
  private final EvidenceRecords records;

  public CustodyChains(TestDatabase db) {
    this.db = db;
    this.log = new CustodyLog(db.jdbc);
    this.records = new EvidenceRecords(db.jdbc);
  }

  public CustodyVerification verification() {
    return new CustodyVerification(log, records);
  }

  /** A new incident with one item, collected and then downloaded: two entries. Returns the item's id. */
  public String incidentWithEvidence(String incidentId) {
    db.insertIncident(incidentId);
    String id = UUID.randomUUID().toString();
    String sha256 = "ab".repeat(32);
    records.insert(new EvidenceRecords.EvidenceRow(id, incidentId, null, "host-17.raw", null, "Memory image", 3,
        sha256, "filesystem", "fs:" + id.substring(0, 2) + "/" + id, "Arno Analyst",
        Instant.parse("2026-03-02T09:30:00Z").atZone(ZONE), "host-17", "winpmem", "arno", Instant.now(), null, null),
        null);
    log.append(incidentId, id, CustodyAction.COLLECTED, "arno", ZONE, "fs:" + id, "Uploaded", sha256);
    log.append(incidentId, id, CustodyAction.ACCESSED, "lena", ZONE, "fs:" + id, "Downloaded", sha256);
    return id;
  }

  /** Changes the actor of an entry after the fact, as someone editing the table would. */
  public void editActor(String incidentId, int sequence, String actor) {
    db.jdbc.sql("update custody_entry set actor = ? where incident_id = ? and seq = ?")
        .params(actor, incidentId, sequence).update();
  }
}
