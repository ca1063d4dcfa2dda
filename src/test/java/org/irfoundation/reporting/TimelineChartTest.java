package org.irfoundation.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.irfoundation.reporting.TimelineChart.Chart;
import org.irfoundation.reporting.TimelineChart.Mark;
import org.irfoundation.reporting.TimelineChart.Row;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The chart is well-formed SVG: bars, deadlines green when met and red when missed, marks, an axis in UTC. */
class TimelineChartTest {

  static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  @Test
  void phasesDeadlinesAndEventsAreDrawnAndAMissedDeadlineIsRed() throws Exception {
    Chart chart = new Chart(T0, T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofHours(5)), List.of(
        new Row("Acknowledge", T0, T0.plusSeconds(1200), false, T0.plusSeconds(900), Outcome.MISSED),
        new Row("Containment", T0.plusSeconds(1800), T0.plusSeconds(7200), false, T0.plusSeconds(14400), Outcome.MET),
        new Row("GDPR Art. 33 <notice> & more", T0, null, true, T0.plus(Duration.ofHours(72)), Outcome.PENDING)),
        List.of(new Mark(T0.plusSeconds(60), "NOTICE_SENT: to legal & \"exec\"", "notice"),
            new Mark(T0.plusSeconds(600), "SEVERITY_RAISED", "raise")));
    String svg = TimelineChart.svg(chart);
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getElementsByTagName("circle").getLength()).isGreaterThanOrEqualTo(2);
    assertThat(svg).contains("Whole incident \u00b7 time (UTC) from 2026-11-28 09:00", "09:00", "due (missed)", "stroke=\"#c62828\"",
        "stroke=\"#2e7d32\"", "GDPR Art. 33 &lt;notice&gt; &amp; more", "due 2026-12-01 09:00 \u2192", "now",
        "to legal &amp; &quot;exec&quot;");
  }

  @Test
  void theAxisStepKeepsAboutEightTicks() {
    assertThat(TimelineChart.step(40)).isEqualTo(5);
    assertThat(TimelineChart.step(3600)).isEqualTo(600);
    assertThat(TimelineChart.step(6 * 3600)).isEqualTo(3600);
    assertThat(TimelineChart.step(72 * 3600)).isEqualTo(43200);
    assertThat(TimelineChart.step(60L * 86400)).isEqualTo(604800);
  }

  @Test
  void durationsAndOutcomesAreWrittenAsPeopleSayThem() {
    assertThat(ReportFormat.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(ReportFormat.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
    assertThat(ReportFormat.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
    assertThat(ReportFormat.duration(Duration.ofHours(74))).isEqualTo("3 d 2 h");
    assertThat(ReportFormat.durationText("PT72H")).isEqualTo("3 d");
    assertThat(ReportFormat.durationText("P60D")).isEqualTo("60 d");
    assertThat(Outcome.of(T0, T0.plusSeconds(1), T0)).isEqualTo(Outcome.MET);
    assertThat(Outcome.of(T0.plusSeconds(2), T0.plusSeconds(1), T0)).isEqualTo(Outcome.MISSED);
    assertThat(Outcome.of(null, T0, T0.plusSeconds(1))).isEqualTo(Outcome.OVERDUE);
    assertThat(Outcome.OVERDUE.label()).contains("missed");
    assertThat(Outcome.of(null, T0.plusSeconds(5), T0)).isEqualTo(Outcome.PENDING);
    assertThat(Outcome.of(T0, null, T0)).isEqualTo(Outcome.NO_TARGET);
  }
}
