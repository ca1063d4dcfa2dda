package org.irfoundation.reporting;

import java.util.Comparator;
import java.util.List;
import org.irfoundation.evidence.CustodyLog;
import org.irfoundation.evidence.CustodyVerification;
import org.irfoundation.evidence.EvidenceRecords;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.reporting.ReportView.CustodyRow;
import org.irfoundation.reporting.ReportView.EvidenceRow;
import org.springframework.stereotype.Component;

/**
 * The evidence part of a report: each item with its SHA-256, its last verification and where its custody stands
 * (the last entry of its chain), and the check of the incident's whole chain of custody. Content is not re-hashed
 * here (that is the evidence API's verify).
 */
@Component
class ReportEvidence {

  private final EvidenceRecords records;
  private final CustodyLog custody;
  private final CustodyVerification verification;

  ReportEvidence(EvidenceRecords records, CustodyLog custody, CustodyVerification verification) {
    this.records = records;
    this.custody = custody;
    this.verification = verification;
  }

  List<EvidenceRow> items(String incidentId) {
    List<CustodyLog.Entry> entries = custody.entries(incidentId);
    return records.list(incidentId).stream().map(row -> {
      CustodyLog.Entry last = entries.stream().filter(e -> row.id().equals(e.evidenceId()))
          .max(Comparator.comparingLong(CustodyLog.Entry::sequence)).orElse(null);
      String verified = row.verifiedAt() == null ? "not verified"
          : (Boolean.TRUE.equals(row.verifiedIntact()) ? "intact" : "MISMATCH") + ", "
              + ReportFormat.time(row.verifiedAt());
      String css = row.verifiedAt() == null ? "pending" : Boolean.TRUE.equals(row.verifiedIntact()) ? "met" : "missed";
      String where = last == null ? "no custody entry"
          : last.action() + " by " + last.actor() + ", " + ReportFormat.time(last.at());
      return new EvidenceRow(row.item() != null ? row.item() : row.description(), row.fileName(),
          size(row.size()), row.sha256(), ReportFormat.time(row.collectedAt().toInstant()) + " by "
          + row.collectedBy(), verified, where, css);
    }).toList();
  }

  CustodyRow chain(String incidentId) {
    CustodyCheck check = verification.check(incidentId);
    return new CustodyRow(check.intact(), check.entries(), check.headHash(), check.recordProblems());
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KiB";
    }
    return (bytes / (1024 * 1024)) + " MiB";
  }
}
