package org.irfoundation.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run as a table: each workload's medians, then the headline ratios and the targets, met or not. */
final class Table {

  private Table() {}

  @SuppressWarnings("unchecked")
  static String of(Map<String, Object> report) {
    StringBuilder out = new StringBuilder();
    Map<String, Map<String, Object>> phases = (Map<String, Map<String, Object>>) report.get("phases");
    out.append(String.format("%nIR Foundation benchmark: %s mode, %s, %s clients, %s cores, %s%n", report.get("mode"),
        report.get("db"), report.get("clients"), report.get("cores"), report.get("jvm")));
    out.append(String.format("%-22s %12s %12s %14s %9s %9s %7s%n", "workload (median of runs)", "requests/s",
        "items/s", "sustained/s", "p50 ms", "p99 ms", "errors"));
    for (Map.Entry<String, Map<String, Object>> phase : phases.entrySet()) {
      Map<String, Object> p = phase.getValue();
      out.append(String.format("%-22s %12s %12s %14s %9s %9s %7s%n", phase.getKey(), p.get("perSecond"),
          p.get("itemsPerSecond"), p.get("sustainedItemsPerSecond"), p.get("p50Millis"), p.get("p99Millis"),
          p.get("errors")));
    }
    Map<String, Object> half = (Map<String, Object>) report.get("alertsAtHalfLoad");
    double severity = num(((Map<String, Object>) report.get("severityEvaluationsPerSecond")).get("median"));
    double noop = num(phases.get("noop").get("perSecond"));
    double insert = num(phases.get("insert").get("perSecond"));
    double single = num(phases.get("alerts-single").get("itemsPerSecond"));
    double batch = num(phases.get("alerts-batch100").get("itemsPerSecond"));
    double engine = num(phases.get("engine-start").get("sustainedItemsPerSecond"));
    double incident = num(phases.get("incident-start").get("sustainedItemsPerSecond"));
    Map<String, Object> queries = (Map<String, Object>) report.get("queries");
    Map<String, Object> view = (Map<String, Object>) queries.get("incidentView");
    Map<String, Object> tasks = (Map<String, Object>) queries.get("tasklistTaskPage");
    Map<String, Object> lost = (Map<String, Object>) report.get("lost");
    out.append(String.format("%nseverity evaluations/s (DecisionService, 2 threads): %.0f%n", severity));
    out.append(String.format("alerts at half the peak (%s req/s): p50 %s ms, p99 %s ms%n", half.get("perSecond"),
        half.get("p50Millis"), half.get("p99Millis")));
    out.append(String.format("volumes: %s%n", report.get("volumes")));
    out.append(String.format("queries: %s%n", queries));
    out.append(String.format("start-up %s ms; RSS after start %s MiB, after incidents %s MiB, after volumes %s MiB%n",
        report.get("startupMillis"), report.get("rssAfterStartMib"), report.get("rssAfterIncidentsMib"),
        report.get("rssAfterVolumesMib")));
    out.append(String.format("lost: %s%n%n", lost));

    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("alertsSingleToNoop", Load.round(single / noop * 100) / 100);
    ratios.put("alertsSingleToInsert", Load.round(single / insert * 100) / 100);
    ratios.put("incidentToBareEngine", Load.round(incident / engine * 100) / 100);
    report.put("ratios", ratios);
    out.append(String.format("ratios: single alerts / no-op %.2f, single alerts / insert %.2f, incident start /"
        + " bare engine %.2f%n", single / noop, single / insert, incident / engine));

    List<Object[]> targets = List.of(
        target("single-alert intake >= 0.8 x no-op", single / noop >= 0.8, String.format("%.2f", single / noop)),
        target("batches of 100 >= 25,000 alerts/s", batch >= 25_000, String.format("%.0f", batch)),
        target("p99 < 50 ms at half the peak", num(half.get("p99Millis")) < 50, half.get("p99Millis") + " ms"),
        target("zero lost", num(lost.get("lost")) == 0, lost.get("lost")),
        target("incident start >= 0.7 x bare engine", incident / engine >= 0.7, String.format("%.2f",
            incident / engine)),
        target("incident-severity >= 50,000/s", severity >= 50_000, String.format("%.0f", severity)),
        target("start-up < 15 s", num(report.get("startupMillis")) < 15_000, report.get("startupMillis") + " ms"),
        target("RSS < 600 MiB after incidents", num(report.get("rssAfterIncidentsMib")) < 600,
            report.get("rssAfterIncidentsMib") + " MiB"),
        target("task query < 300 ms", num(tasks.get("p50Millis")) < 300, tasks.get("p50Millis") + " ms"),
        target("incident view < 100 ms", num(view.get("p50Millis")) < 100, view.get("p50Millis") + " ms"),
        target("incident view < 100 KB", num(view.get("bytes")) < 100 * 1024, view.get("bytes") + " B"));
    Map<String, Object> met = new LinkedHashMap<>();
    for (Object[] t : targets) {
      out.append(String.format("  [%s] %-40s %s%n", (boolean) t[1] ? "met" : "NOT met", t[0], t[2]));
      met.put((String) t[0], Map.of("met", t[1], "value", String.valueOf(t[2])));
    }
    report.put("targets", met);
    out.append(String.format("total %s s%n", report.get("totalSeconds")));
    return out.toString();
  }

  private static Object[] target(String name, boolean met, Object value) {
    return new Object[] {name, met, value};
  }

  private static double num(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
