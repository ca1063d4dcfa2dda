package org.irfoundation.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irfoundation.evidence.CustodyLog.Entry;
import org.irfoundation.evidence.EvidenceRecords.EvidenceRow;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.springframework.stereotype.Service;

/**
 * What evidence an incident has: its items with their custody entries and whether they are under legal hold, and
 * which required items are done.
 */
@Service
public class EvidenceCatalogService implements EvidenceCatalog {

  private final EvidenceAccess access;
  private final EvidenceRecords records;
  private final CustodyLog custody;
  private final LegalHolds holds;

  public EvidenceCatalogService(EvidenceAccess access, EvidenceRecords records, CustodyLog custody,
      LegalHolds holds) {
    this.access = access;
    this.records = records;
    this.custody = custody;
    this.holds = holds;
  }

  /** Every item of the incident with its custody entries, for its team and the program owner (read). */
  public List<EvidenceItem> list(String incidentId, String actor) {
    access.authorizeRead(incidentId, actor);
    List<Entry> entries = custody.entries(incidentId);
    boolean held = holds.inPlace(incidentId);
    return records.list(incidentId).stream()
        .map(row -> EvidenceItem.of(row, entries.stream().filter(e -> row.id().equals(e.evidenceId())).toList(),
            held))
        .toList();
  }

  @Override
  public CollectionStatus status(String incidentId, List<String> requiredItems) {
    List<EvidenceRow> rows = records.list(incidentId);
    List<String> missing = new ArrayList<>();
    List<CollectedItem> collected = new ArrayList<>();
    for (String item : requiredItems) {
      Optional<EvidenceRow> done = rows.stream()
          .filter(row -> row.item() != null && row.item().equalsIgnoreCase(item.trim()))
          .filter(row -> Boolean.TRUE.equals(row.verifiedIntact()))
          .findFirst();
      done.ifPresentOrElse(
          row -> collected.add(new CollectedItem(item, row.id(), row.sha256(), row.location())),
          () -> missing.add(item));
    }
    return new CollectionStatus(missing, collected);
  }
}
