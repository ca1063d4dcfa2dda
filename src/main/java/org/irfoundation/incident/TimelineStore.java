package org.irfoundation.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads an incident's timeline: whole (reports) or a page, newest first (the API). A fingerprint's alerts are one
 * entry, shown with their aggregate's count and span as it stands ({@link AlertStore}), so a storm of a million
 * alerts is one line and each repeat writes no timeline row.
 */
@Repository
public class TimelineStore {

  private static final String SELECT = """
      select e.occurred_at, e.type, e.actor, e.detail, a.fingerprint, a.alert_count, a.first_seen, a.last_seen,
        a.last_title, a.last_source
      from incident_event e left join alert_aggregate a on a.event_id = e.id and a.incident_id = e.incident_id
      where e.incident_id = ?""";

  private final JdbcClient jdbc;

  public TimelineStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The whole timeline, oldest first. */
  public List<TimelineEntry> all(String incidentId) {
    return all(jdbc, incidentId);
  }

  static List<TimelineEntry> all(JdbcClient jdbc, String incidentId) {
    return jdbc.sql(SELECT + " order by e.id").param(incidentId).query(TimelineStore::entry).list();
  }

  /** A page of the timeline, newest first. */
  public List<TimelineEntry> newest(String incidentId, long offset, int limit) {
    return jdbc.sql(SELECT + " order by e.id desc offset ? rows fetch next ? rows only")
        .params(incidentId, offset, limit).query(TimelineStore::entry).list();
  }

  public long count(String incidentId) {
    return jdbc.sql("select count(*) from incident_event where incident_id = ?").param(incidentId)
        .query(Long.class).single();
  }

  private static TimelineEntry entry(ResultSet rs, int n) throws SQLException {
    String detail = rs.getString("detail");
    long alerts = rs.getLong("alert_count");
    if (!rs.wasNull() && alerts > 1) {
      detail = burst(alerts, rs.getString("fingerprint"), AlertStore.instant(rs, "first_seen"),
          AlertStore.instant(rs, "last_seen"), rs.getString("last_title"), rs.getString("last_source"));
    }
    return new TimelineEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        TimelineEvent.valueOf(rs.getString("type")), rs.getString("actor"), detail);
  }

  /** "1,000,000 alerts from fingerprint X (first …, last …), the latest: title from source". */
  static String burst(long alerts, String fingerprint, Instant first, Instant last, String latest, String source) {
    return IncidentStore.truncate(String.format(Locale.ROOT, "%,d alerts from fingerprint %s (first %s, last %s),"
        + " the latest: %s%s", alerts, fingerprint, first, last, latest, source == null ? "" : " from " + source),
        2000);
  }
}
