package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The timeline chart a manager reads at a glance, as SVG: the phases as bars on a time axis (UTC), each with its
 * deadline as a line (green when met or ahead, red when missed, and the part of a bar past its deadline red too),
 * the notable events as marks on a row of their own, and "now" while the incident is open. Drawn by hand, so the
 * same markup shows in the browser and in the PDF.
 */
public final class TimelineChart {

  /** One phase: a bar from start to end (open: still running, to now). */
  public record Row(String label, Instant start, Instant end, boolean open, Instant dueAt, Outcome outcome) {}

  /** One event: kind is one of {@link #KINDS}, its colour and legend. */
  public record Mark(Instant at, String label, String kind) {}

  /** {@code caption} says what span it shows (the whole incident, its first hours). */
  public record Chart(Instant from, Instant to, Instant now, List<Row> rows, List<Mark> marks, String caption) {

    public Chart(Instant from, Instant to, Instant now, List<Row> rows, List<Mark> marks) {
      this(from, to, now, rows, marks, "Whole incident");
    }

    /** The same chart from its start to {@code until}: what began later is left out. */
    public Chart until(Instant until, String caption) {
      return new Chart(from, until, now != null && now.isAfter(until) ? null : now,
          rows.stream().filter(r -> r.start() == null || !r.start().isAfter(until)).toList(),
          marks.stream().filter(m -> !m.at().isAfter(until)).toList(), caption);
    }
  }

  static final String[][] KINDS = {{"decision", "#6a1b9a", "decision"}, {"notice", "#ef6c00", "notice sent"},
      {"evidence", "#00838f", "evidence"}, {"raise", "#c62828", "severity raised"}, {"other", "#546e7a", "other"}};
  static final int WIDTH = 1000;
  static final int LEFT = 210;
  static final int RIGHT = 30;
  static final int TOP = 52;
  static final int ROW = 30;
  static final String DONE = "#3b6ea8";
  static final String OPEN = "#a9c1dd";
  static final String MET = "#2e7d32";
  static final String MISSED = "#c62828";
  static final long[] STEPS = {1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
      172800, 604800, 1209600, 2592000};

  private TimelineChart() {}

  public static String svg(Chart chart) {
    Instant from = chart.from();
    Instant to = chart.to().isAfter(from) ? chart.to() : from.plusSeconds(60);
    Scale scale = new Scale(from, to);
    int rows = chart.rows().size() + 1;
    int height = TOP + rows * ROW + 44;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\" width=\"680\" height=\"")
        .append(Math.round(height * 0.68)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"12\">");
    svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" fill=\"#ffffff\"/>");
    axis(svg, scale, height - 44, chart.caption());
    int y = TOP;
    for (Row row : chart.rows()) {
      row(svg, scale, row, y, chart.now());
      y += ROW;
    }
    marks(svg, scale, chart.marks(), y);
    if (chart.now() != null && !chart.now().isAfter(to) && chart.rows().stream().anyMatch(Row::open)) {
      double x = scale.x(chart.now());
      svg.append(line(x, TOP - 6, x, y + ROW - 6, "#757575", "1", "4,3"));
      svg.append(text(x + 3, TOP - 8, "now", "10", "#757575", "start"));
    }
    legend(svg, height - 18);
    return svg.append("</svg>").toString();
  }

  private static void axis(StringBuilder svg, Scale scale, int bottom, String caption) {
    long step = step(Duration.between(scale.from, scale.to).getSeconds());
    DateTimeFormatter format = DateTimeFormatter.ofPattern(step < 60 ? "HH:mm:ss"
        : step < 86400 && Duration.between(scale.from, scale.to).toHours() < 24 ? "HH:mm"
        : step < 86400 ? "MM-dd HH:mm" : "MM-dd", Locale.ROOT).withZone(ReportFormat.ZONE);
    long first = (scale.from.getEpochSecond() / step + 1) * step;
    for (long t = first; t <= scale.to.getEpochSecond(); t += step) {
      double x = scale.x(Instant.ofEpochSecond(t));
      svg.append(line(x, TOP - 14, x, bottom, "#e0e0e0", "1", null));
      svg.append(text(x, TOP - 18, format.format(Instant.ofEpochSecond(t)), "11", "#424242", "middle"));
    }
    svg.append(text(8, 13, caption + " \u00b7 time (UTC) from " + ReportFormat.time(scale.from), "12", "#424242",
        "start"));
  }

  private static void row(StringBuilder svg, Scale scale, Row row, int y, Instant now) {
    svg.append(text(8, y + 11, shorten(row.label(), 32), "12", "#212121", "start"));
    if (row.start() != null) {
      Instant end = row.end() != null ? row.end() : now != null ? now : scale.to;
      double x1 = scale.x(row.start());
      double x2 = Math.max(scale.x(end), x1 + 3);
      svg.append(rect(x1, y, x2 - x1, row.open() ? OPEN : DONE, row.open()));
      if (row.dueAt() != null && end.isAfter(row.dueAt()) && row.outcome() != null && row.outcome().missed()) {
        double late = Math.max(scale.x(row.dueAt()), x1);
        svg.append(rect(late, y, Math.max(x2 - late, 2), MISSED, false));
      }
    }
    if (row.dueAt() != null && !row.dueAt().isBefore(scale.from) && !row.dueAt().isAfter(scale.to)) {
      boolean missed = row.outcome() != null && row.outcome().missed();
      double x = scale.x(row.dueAt());
      String colour = missed ? MISSED : MET;
      svg.append(line(x, y - 5, x, y + 19, colour, "2.5", null));
      svg.append(text(x + 3, y - 1, missed ? "due (missed)" : "due", "9", colour, "start"));
    } else if (row.dueAt() != null && row.dueAt().isAfter(scale.to)) {
      // far ahead (a 72 h legal deadline of a notice filed in the first hour): said at the edge, not to scale
      boolean missed = row.outcome() != null && row.outcome().missed();
      String due = "due " + ReportFormat.time(row.dueAt()) + " \u2192";
      double after = row.start() == null ? LEFT : Math.max(scale.x(row.end() != null ? row.end()
          : now != null ? now : scale.to), scale.x(row.start()) + 3) + 6;
      boolean fits = after + due.length() * 5.6 < WIDTH - 4;
      double before = row.start() == null ? LEFT : scale.x(row.start()) - 6;
      svg.append(text(fits ? after : before, y + 12, due, "10", missed ? MISSED : MET, fits ? "start" : "end"));
    }
  }

  private static void marks(StringBuilder svg, Scale scale, List<Mark> marks, int y) {
    svg.append(text(8, y + 11, "Events", "12", "#212121", "start"));
    svg.append(line(LEFT, y + 7, WIDTH - RIGHT, y + 7, "#bdbdbd", "1", null));
    for (Mark mark : marks) {
      double x = scale.x(mark.at());
      svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(y + 7).append("\" r=\"5\" fill=\"")
          .append(colour(mark.kind())).append("\" stroke=\"#ffffff\" stroke-width=\"1\"><title>")
          .append(escape(ReportFormat.timeSeconds(mark.at()) + " " + mark.label())).append("</title></circle>");
    }
  }

  private static void legend(StringBuilder svg, int y) {
    double x = 8;
    String[][] items = {{DONE, "phase"}, {OPEN, "still open"}, {MET, "deadline met"}, {MISSED, "missed"}};
    for (String[] item : items) {
      svg.append(rect(x, y - 9, 14, item[0], false).replace("height=\"16\"", "height=\"10\""));
      svg.append(text(x + 18, y, item[1], "11", "#424242", "start"));
      x += 30 + item[1].length() * 6.2;
    }
    for (String[] kind : KINDS) {
      svg.append("<circle cx=\"").append(fmt(x + 5)).append("\" cy=\"").append(y - 4).append("\" r=\"5\" fill=\"")
          .append(kind[1]).append("\"/>");
      svg.append(text(x + 14, y, kind[2], "11", "#424242", "start"));
      x += 26 + kind[2].length() * 6.2;
    }
  }

  static long step(long spanSeconds) {
    for (long step : STEPS) {
      if (spanSeconds / step <= 8) {
        return step;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  private static String colour(String kind) {
    for (String[] k : KINDS) {
      if (k[0].equals(kind)) {
        return k[1];
      }
    }
    return KINDS[KINDS.length - 1][1];
  }

  private static String rect(double x, double y, double width, String fill, boolean dashed) {
    return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(width) + "\" height=\"16\" rx=\"3\" fill=\""
        + fill + "\"" + (dashed ? " stroke=\"" + DONE + "\" stroke-dasharray=\"3,2\"" : "") + "/>";
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, String width, String dash) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }

  private static String text(double x, double y, String content, String size, String colour, String anchor) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + size + "\" fill=\"" + colour
        + "\" text-anchor=\"" + anchor + "\">" + escape(content) + "</text>";
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Instants to x positions between the label column and the right margin. */
  private record Scale(Instant from, Instant to) {
    double x(Instant at) {
      double span = Math.max(1, Duration.between(from, to).toMillis());
      double offset = Math.min(Math.max(0, Duration.between(from, at).toMillis()), span);
      return LEFT + offset / span * (WIDTH - LEFT - RIGHT);
    }
  }
}
