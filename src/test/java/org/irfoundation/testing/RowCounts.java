package org.irfoundation.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number of rows of every table of the app's database (the app's own and the engine's ACT_RU_/ACT_HI_ tables),
 * in one query, to show a refused request changed nothing (H2's schema is PUBLIC, PostgreSQL's public). Metric tables are left out: the engine writes them on
 * its own schedule.
 */
public final class RowCounts {

  private final JdbcTemplate jdbc;
  private final String query;

  public RowCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
        + " where upper(table_schema) = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name", String.class).stream()
        .filter(t -> !t.toUpperCase().contains("METER_LOG")).toList();
    this.query = tables.stream().map(t -> "select '" + t + "' as t, count(*) as n from \"" + t + "\"")
        .collect(Collectors.joining(" union all "));
  }

  public Map<String, Long> now() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query(query, rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }

  /** The tables whose count differs: table -> "before -> after". */
  public static Map<String, String> changed(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> changed = new LinkedHashMap<>();
    after.forEach((table, n) -> {
      if (!Objects.equals(before.get(table), n)) {
        changed.put(table, before.get(table) + " -> " + n);
      }
    });
    return changed;
  }
}
