package org.irfoundation.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard reads the metrics the app exports, under their Prometheus names, and every query leaves the
 * exercises out unless the dashboard's variable lets them in.
 */
class GrafanaDashboardTest {

  static final Path DASHBOARD = Path.of("docs/grafana/ir-foundation.json");
  static final Pattern METRIC = Pattern.compile("\\b(irf_[a-z_]+)\\{");

  @Test
  void everyQueryReadsAnExportedMetricAndFiltersExercises() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> exprs = new ArrayList<>();
    dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
    assertThat(exprs).hasSizeGreaterThan(8);
    Set<String> exported = Set.of(prometheus(IncidentMeters.ACKNOWLEDGE, "_seconds_sum"),
        prometheus(IncidentMeters.ACKNOWLEDGE, "_seconds_count"), prometheus(IncidentMeters.ACKNOWLEDGE, "_seconds_bucket"),
        prometheus(IncidentMeters.CONTAIN, "_seconds_sum"), prometheus(IncidentMeters.CONTAIN, "_seconds_count"),
        prometheus(IncidentMeters.CONTAIN, "_seconds_bucket"), prometheus(IncidentMeters.RESOLVE, "_seconds_sum"),
        prometheus(IncidentMeters.RESOLVE, "_seconds_count"), prometheus(IncidentMeters.RESOLVE, "_seconds_bucket"),
        prometheus(IncidentMeters.DEADLINE, "_total"), prometheus(ImprovementGauge.OPEN, ""));
    Set<String> read = new TreeSet<>();
    for (String expr : exprs) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        read.add(m.group(1));
      }
      assertThat(expr).as(expr).contains("exercise=~\"$exercise\"");
    }
    assertThat(exported).containsAll(read);
    assertThat(read).contains(prometheus(IncidentMeters.ACKNOWLEDGE, "_seconds_sum"),
        prometheus(IncidentMeters.CONTAIN, "_seconds_sum"), prometheus(IncidentMeters.RESOLVE, "_seconds_sum"),
        prometheus(IncidentMeters.DEADLINE, "_total"), prometheus(ImprovementGauge.OPEN, ""));
    assertThat(dashboard.get("templating").get("list").findValuesAsText("name")).contains("exercise", "datasource");
  }

  static String prometheus(String meter, String suffix) {
    return meter.replace('.', '_') + suffix;
  }
}
