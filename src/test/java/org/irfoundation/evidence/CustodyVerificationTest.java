package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checking every chain of custody at once: each incident with evidence or a chain, even one whose entries are gone. */
class CustodyVerificationTest {

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final CustodyChains chains = new CustodyChains(db);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyIncidentWithEvidenceIsCheckedInIdOrder() {
    chains.incidentWithEvidence("INC-2026-0002");
    chains.incidentWithEvidence("INC-2026-0001");
    db.insertIncident("INC-2026-0003"); // no evidence: nothing to check

    List<CustodyCheck> checks = chains.verification().checkAll();

    assertThat(checks).extracting(CustodyCheck::incidentId).containsExactly("INC-2026-0001", "INC-2026-0002");
    assertThat(checks).allMatch(CustodyCheck::intact).extracting(CustodyCheck::entries).containsOnly(2L);
  }

  @Test
  void anEditedEntryAndAChainWhoseEntriesWereAllDeletedAreBroken() {
    chains.incidentWithEvidence("INC-2026-0001");
    chains.incidentWithEvidence("INC-2026-0002");
    chains.editActor("INC-2026-0001", 2, "mallory");
    db.jdbc.sql("delete from custody_entry where incident_id = 'INC-2026-0002'").update();

    List<CustodyCheck> checks = chains.verification().checkAll();

    assertThat(checks).extracting(CustodyCheck::intact).containsExactly(false, false);
    assertThat(checks.get(0).firstBrokenEntry().sequence()).isEqualTo(2);
    assertThat(checks.get(0).firstBrokenEntry().problem()).contains("changed");
    assertThat(checks.get(1).firstBrokenEntry().problem()).contains("missing");
    assertThat(checks.get(1).recordProblems()).singleElement().asString().contains("no COLLECTED entry");
  }
}
