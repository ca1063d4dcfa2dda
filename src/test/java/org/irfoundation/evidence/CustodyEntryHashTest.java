package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.junit.jupiter.api.Test;

/** The canonical serialisation covers every field, unambiguously, so any edit changes the entry's hash. */
class CustodyEntryHashTest {

  static final Entry ENTRY = new Entry(7, "INC-2026-0001", 3, "4f1c0d2e-0000-4000-8000-000000000001", "ACCESSED",
      "lena", Instant.parse("2026-11-28T09:12:00.123Z"), "Europe/Berlin", "fs:4f/4f1c", "Downloaded", "ab".repeat(32),
      "cd".repeat(32), null);

  @Test
  void theSerialisationIsStableAndReadable() {
    assertThat(ENTRY.canonical()).isEqualTo("""
        irf-custody-v1
        sequence=1:3
        incident=13:INC-2026-0001
        evidence=36:4f1c0d2e-0000-4000-8000-000000000001
        action=8:ACCESSED
        actor=4:lena
        time=13:1795857120123
        zone=13:Europe/Berlin
        location=10:fs:4f/4f1c
        reason=10:Downloaded
        evidenceSha256=64:%s
        previous=64:%s
        """.formatted("ab".repeat(32), "cd".repeat(32)));
    assertThat(ENTRY.computeHash()).hasSize(64).isEqualTo(ENTRY.computeHash());
  }

  @Test
  void changingAnyFieldChangesTheHash() {
    List<Entry> variants = List.of(ENTRY,
        with(ENTRY.incidentId() + "x", ENTRY.sequence(), ENTRY.action(), ENTRY.actor(), ENTRY.at(), ENTRY.reason(),
            ENTRY.previousHash()),
        with(ENTRY.incidentId(), 4, ENTRY.action(), ENTRY.actor(), ENTRY.at(), ENTRY.reason(), ENTRY.previousHash()),
        with(ENTRY.incidentId(), ENTRY.sequence(), "VERIFIED", ENTRY.actor(), ENTRY.at(), ENTRY.reason(),
            ENTRY.previousHash()),
        with(ENTRY.incidentId(), ENTRY.sequence(), ENTRY.action(), "mallory", ENTRY.at(), ENTRY.reason(),
            ENTRY.previousHash()),
        with(ENTRY.incidentId(), ENTRY.sequence(), ENTRY.action(), ENTRY.actor(), ENTRY.at().plusMillis(1),
            ENTRY.reason(), ENTRY.previousHash()),
        with(ENTRY.incidentId(), ENTRY.sequence(), ENTRY.action(), ENTRY.actor(), ENTRY.at(), "Downloaded ",
            ENTRY.previousHash()),
        with(ENTRY.incidentId(), ENTRY.sequence(), ENTRY.action(), ENTRY.actor(), ENTRY.at(), ENTRY.reason(),
            "ce".repeat(32)),
        // moving text from one field to the next must not give the same serialisation
        with(ENTRY.incidentId(), ENTRY.sequence(), ENTRY.action(), "len", ENTRY.at(), ENTRY.reason(),
            ENTRY.previousHash()));
    Set<String> hashes = new HashSet<>();
    variants.forEach(v -> hashes.add(v.computeHash()));
    assertThat(hashes).hasSize(variants.size());
  }

  private static Entry with(String incident, long sequence, String action, String actor, Instant at, String reason,
      String previous) {
    return new Entry(ENTRY.id(), incident, sequence, ENTRY.evidenceId(), action, actor, at, ENTRY.zone(),
        ENTRY.location(), reason, ENTRY.evidenceSha256(), previous, null);
  }
}
