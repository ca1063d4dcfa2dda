package org.irfoundation.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.irfoundation.reporting.ReportView.CustodyRow;
import org.irfoundation.reporting.ReportView.EntryRow;
import org.irfoundation.reporting.ReportView.EvidenceRow;
import org.irfoundation.reporting.ReportView.MetricRow;
import org.irfoundation.reporting.ReportView.ObligationRow;
import org.irfoundation.reporting.ReportView.SectionRow;
import org.irfoundation.reporting.ReportView.Summary;
import org.irfoundation.reporting.TimelineChart.Chart;
import org.irfoundation.reporting.TimelineChart.Mark;
import org.irfoundation.reporting.TimelineChart.Row;
import org.junit.jupiter.api.Test;

/**
 * The report's template and chart over a ransomware incident that spans three days (what a test on the engine's clock
 * cannot produce with wall-clock timeline entries): it renders to PDF with the missed triage in red. With
 * {@code -Dirf.docs.write=true} its first page becomes {@code docs/screens/incident-report.png}, the README's picture.
 */
class SampleReportTest {

  static final Path SCREEN = Path.of("docs/screens/incident-report.png");
  static final Instant DETECTED = Instant.parse("2026-11-28T02:47:00Z");

  @Test
  void aThreeDayRansomwareIncidentRendersWithItsMissedTriageInRed() throws Exception {
    ReportRenderer renderer = new ReportRenderer(new ReportTemplates());
    String html = renderer.html(view());
    assertThat(html).contains("due (missed)", "class=\"missed\"", "Triaged", "Whole incident", "First 4 h 8 min");
    byte[] pdf = renderer.pdf(html, "sample");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("INC-2026-0042", "Triaged", "missed", "late by 7 min", "GDPR Art. 33", "Lessons");
      if (Boolean.getBoolean("irf.docs.write")) {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
        Files.createDirectories(SCREEN.getParent());
        ImageIO.write(page, "png", SCREEN.toFile());
      }
    }
  }

  static Instant at(String offset) {
    return DETECTED.plus(Duration.parse(offset));
  }

  static ReportView view() {
    Instant reported = at("PT8M");
    Instant closed = at("P2DT12H23M");
    List<Row> rows = List.of(
        new Row("Detected \u2192 reported", DETECTED, reported, false, null, null),
        new Row("Acknowledge", reported, at("PT17M"), false, at("PT23M"), Outcome.MET),
        new Row("Triage", at("PT17M"), at("PT34M"), false, at("PT27M"), Outcome.MISSED),
        new Row("Containment", at("PT34M"), at("PT3H53M"), false, at("PT4H8M"), Outcome.MET),
        new Row("Playbook malware ransomware", at("PT17M"), at("P1DT8H43M"), false, null, null),
        new Row("Data breach playbook", at("PT1H23M"), at("P1DT13H33M"), false, null, null),
        new Row("DPO notified", at("PT1H23M"), at("PT1H48M"), false, at("PT2H23M"), Outcome.MET),
        new Row("GDPR Art. 33 notice", at("PT1H23M"), at("P1DT13H33M"), false, at("P3DT1H23M"), Outcome.MET),
        new Row("Post-incident review", at("P1DT8H43M"), at("P2DT12H13M"), false, at("P8DT8H43M"), Outcome.MET));
    List<Mark> marks = new ArrayList<>();
    String[][] events = {{"PT8M", "other", "REPORTED"}, {"PT9M", "decision", "CLASSIFIED: P2"},
        {"PT10M", "notice", "NOTICE_SENT: engaged"}, {"PT34M", "raise", "SEVERITY_RAISED: P1, encryption spreading"},
        {"PT40M", "notice", "NOTICE_SENT: executive brief"}, {"PT1H10M", "evidence", "EVIDENCE_COLLECTED"},
        {"PT1H25M", "evidence", "LEGAL_HOLD_PLACED"}, {"PT2H5M", "evidence", "EVIDENCE_COLLECTED"},
        {"PT5H", "decision", "RANSOM_DECISION: refuse"}, {"PT9H", "decision", "NOTIFICATION_DECIDED: risk"},
        {"P1DT13H33M", "notice", "NOTIFICATION_FILED: GDPR Art. 33"}, {"P2DT12H23M", "other", "CLOSED"}};
    for (String[] e : events) {
      marks.add(new Mark(at(e[0]), e[2], e[1]));
    }
    Chart chart = new Chart(DETECTED, closed.plus(Duration.ofHours(6)), null, rows, marks);
    String svg = TimelineChart.svg(chart);
    String firstHours = TimelineRows.firstHours(chart).map(TimelineChart::svg).orElseThrow();
    List<MetricRow> metrics = List.of(
        new MetricRow("Acknowledged", "2026-11-28 03:04", "9 min", "acknowledge SLA 15 min", "2026-11-28 03:10",
            "met", "met", "with 6 min to spare"),
        new MetricRow("Triaged", "2026-11-28 03:21", "26 min", "playbook: by 2026-11-28 03:14", "2026-11-28 03:14",
            "missed", "missed", "late by 7 min"),
        new MetricRow("Contained", "2026-11-28 06:40", "3 h 45 min", "4 h (P1)", "2026-11-28 06:55", "met", "met",
            "with 15 min to spare"),
        new MetricRow("DPO notified", "2026-11-28 04:35", "1 h 40 min", "DPO within 1 h of awareness",
            "2026-11-28 05:10", "met", "met", "with 35 min to spare"),
        new MetricRow("GDPR Art. 33 notice", "2026-11-29 16:20", "1 d 12 h", "legal deadline 3 d",
            "2026-12-01 04:10", "met", "met", "with 1 d 11 h to spare"),
        new MetricRow("Recovered (playbook done)", "2026-11-29 11:30", "1 d 8 h", "", "", "no target", "pending", ""),
        new MetricRow("Closed", "2026-11-30 15:10", "2 d 12 h", "7 d (P1)", "2026-12-05 02:55", "met", "met",
            "with 4 d 11 h to spare"));
    List<MetricRow> headline = List.of(metrics.get(0), metrics.get(1), metrics.get(2), metrics.get(6));
    return new ReportView("Post-incident report", "Post-incident report", "INC-2026-0042", "2026-11-30 15:10",
        "UTC", false,
        new Summary("Ransomware on file server FS-02, customer exports copied", "MALWARE", "P1",
            "malware ransomware", "CLOSED", "ir-lead, ir-analyst, it-operations, legal, executive, privacy-officer",
            "2026-11-28 02:47", "2026-11-28 02:55", "2026-11-30 15:10",
            "EDR alert: mass file renames on FS-02; ransom note README_RESTORE.txt found.", false),
        svg, firstHours, headline, metrics,
        List.of(new MetricRow("Decide notification per jurisdiction", "2026-11-28 11:47", "", "",
            "2026-11-29 04:10", "met", "met", "with 16 h 23 min to spare")),
        1,
        List.of(new EntryRow("2026-11-28 02:56", "classified", "process", "Severity P2, respond within PT1H"),
            new EntryRow("2026-11-28 03:21", "severity raised", "a.ortiz", "P1: encryption in progress"),
            new EntryRow("2026-11-28 07:47", "ransom decision", "exec.cfo", "refuse: backups intact and tested"),
            new EntryRow("2026-11-28 11:47", "notification decided", "dpo.meyer", "Risk to people (GDPR): risk")),
        List.of(new EvidenceRow("EDR triage package", "fs02-edr.zip, 48 MiB",
            "48 MiB", "9f2c41d0b7a35e7c1e8f0a9b6d3c2e1f4a5b6c7d8e9f00112233445566778899", "2026-11-28 03:58 by a.ortiz",
            "intact, 2026-11-28 04:02", "COLLECTED by a.ortiz, 2026-11-28 03:58", "met")),
        new CustodyRow(true, 9, "4be1c0a9d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9", List.of()),
        List.of(new ObligationRow("GDPR Art. 33", "Lead supervisory authority", "filed", "2026-12-01 04:10",
            "2026-11-29 16:20", "SA-2026-0815", "met", "met"),
            new ObligationRow("GDPR Art. 34", "Data subjects", "does not apply: no high risk", "", "", "", "",
                "pending")),
        List.of(new EntryRow("2026-11-28 03:00", "notice sent", "process", "ENGAGED to ir-lead, ir-analyst")),
        List.of(),
        List.of(new SectionRow("Lessons and improvement actions",
            "<p>Triage started late at night: page the on-call analyst, not the shared mailbox.</p>")),
        List.of(new EntryRow("2026-11-28 02:55", "reported", "siem", "Reported by EDR")));
  }
}
