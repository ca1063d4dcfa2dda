package org.irfoundation.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.irfoundation.evidence.CustodyLog.ChainCheck;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.springframework.stereotype.Service;

/**
 * Checks chains of custody: the hash chain of an incident's entries, and that every item's record still carries the
 * hash its COLLECTED entry vouches for. Asks no caller: {@link EvidenceCustody} checks the caller first, the rollout's
 * infrastructure gate checks every chain. Content is not re-hashed here (that is the per-item verify).
 */
@Service
public class CustodyVerification {

  private final CustodyLog custody;
  private final EvidenceRecords records;

  public CustodyVerification(CustodyLog custody, EvidenceRecords records) {
    this.custody = custody;
    this.records = records;
  }

  public CustodyCheck check(String incidentId) {
    ChainCheck chain = custody.verify(incidentId);
    Map<String, String> collected = new LinkedHashMap<>();
    for (Entry entry : custody.entries(incidentId)) {
      if (CustodyAction.COLLECTED.name().equals(entry.action())) {
        collected.putIfAbsent(entry.evidenceId(), entry.evidenceSha256());
      }
    }
    List<String> recordProblems = new ArrayList<>();
    for (EvidenceRow row : records.list(incidentId)) {
      String vouched = collected.get(row.id());
      if (vouched == null) {
        recordProblems.add("evidence " + row.id() + " has no COLLECTED entry in the chain");
      } else if (!vouched.equals(row.sha256())) {
        recordProblems.add("evidence " + row.id() + " records SHA-256 " + row.sha256()
            + ", its COLLECTED entry vouches for " + vouched);
      }
    }
    return new CustodyCheck(incidentId, chain.intact() && recordProblems.isEmpty(), chain.entries(),
        chain.headHash(), chain.firstBroken(), recordProblems);
  }

  /** Every incident that has evidence or a chain of custody, in id order. */
  public List<CustodyCheck> checkAll() {
    TreeSet<String> incidents = new TreeSet<>(custody.incidents());
    incidents.addAll(records.incidents());
    return incidents.stream().map(this::check).toList();
  }
}
