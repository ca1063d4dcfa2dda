package org.irfoundation.incident;

import static org.irfoundation.incident.IncidentStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irfoundation.engine.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The alerts of incidents (db/migration/V15): per incident and fingerprint one aggregate (count, first and last
 * seen, the newest alert) and one timeline entry, and a bounded sample of whole alerts in table {@code alert}. A
 * batch is written with JDBC batching, one statement per fingerprint, not per alert.
 */
@Repository
public class AlertStore {

  /** Rows per {@code in (...)} list: well within what H2 and PostgreSQL take. */
  static final int IN_LIST = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public AlertStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** One alert as received: {@code indicators} and {@code details} as JSON text. */
  public record AlertRow(String fingerprint, String source, String category, String title, Instant observedAt,
      Instant receivedAt, String indicators, String details) {}

  /** A whole alert kept: its place among its fingerprint's alerts on the incident (1 = the first; null before V15). */
  public record KeptAlert(String incidentId, Long sequence, AlertRow alert) {}

  /** The alerts of one fingerprint in one batch: how many, when they were observed, the newest of them. */
  public record Fold(String fingerprint, long count, Instant firstSeen, Instant lastSeen, AlertRow newest) {}

  /**
   * The incident an open fingerprint belongs to and its aggregate there; {@code count} null when the fingerprint was
   * claimed without an alert yet (an exercise's), {@code eventId} null for an aggregate of alerts before V15.
   */
  public record Open(String fingerprint, String incidentId, Long count, String indicators, Long eventId) {}

  /** One fingerprint's aggregate on an incident, for the API. */
  public record Aggregate(String fingerprint, long count, Instant firstSeen, Instant lastSeen,
      Instant firstReceivedAt, Instant lastReceivedAt, AlertRow newest) {}

  /**
   * Adds each fold to the aggregate of its fingerprint's open incident; per fold, whether there was one. A closed
   * incident's fingerprint is no longer open, so nothing folds into it any more. Folds in fingerprint order, so two
   * batches lock the same aggregates in the same order.
   */
  public boolean[] fold(List<Fold> folds) {
    List<Object[]> rows = folds.stream().map(f -> new Object[] {f.count(), utc(f.firstSeen()), utc(f.lastSeen()),
        utc(f.newest().receivedAt()), f.newest().source(), f.newest().category(), f.newest().title(),
        utc(f.newest().observedAt()), f.newest().indicators(), f.newest().details(), f.fingerprint(),
        f.fingerprint()}).toList();
    int[] updated = batch.batchUpdate("""
        update alert_aggregate set alert_count = alert_count + ?, first_seen = least(first_seen, ?),
          last_seen = greatest(last_seen, ?), last_received_at = ?, last_source = ?, last_category = ?,
          last_title = ?, last_observed_at = ?, last_indicators = ?, last_details = ?
        where fingerprint = ? and incident_id = (select f.incident_id from open_fingerprint f where f.fingerprint = ?)""",
        rows);
    boolean[] folded = new boolean[updated.length];
    for (int i = 0; i < updated.length; i++) {
      // H2 and PostgreSQL report each statement's count; "no info" would mean a driver that batches updates blind
      folded[i] = updated[i] > 0 || updated[i] == Statement.SUCCESS_NO_INFO;
    }
    return folded;
  }

  /** The open fingerprints among these, with their incident and aggregate (this transaction's folds included). */
  public Map<String, Open> open(Collection<String> fingerprints) {
    Map<String, Open> open = new HashMap<>();
    List<String> all = List.copyOf(fingerprints);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      jdbc.sql("""
          select f.fingerprint, f.incident_id, a.alert_count, a.indicators, a.event_id from open_fingerprint f
          left join alert_aggregate a on a.incident_id = f.incident_id and a.fingerprint = f.fingerprint
          where f.fingerprint in (:fingerprints)""")
          .param("fingerprints", all.subList(from, Math.min(all.size(), from + IN_LIST)))
          .query((rs, n) -> new Open(rs.getString("fingerprint"), rs.getString("incident_id"),
              rs.getObject("alert_count", Long.class), rs.getString("indicators"),
              rs.getObject("event_id", Long.class)))
          .list().forEach(row -> open.put(row.fingerprint(), row));
    }
    return open;
  }

  /** The first fold of a fingerprint on an incident: a concurrent first one fails with a duplicate key. */
  public void create(String incidentId, Fold fold, String indicators, long eventId) {
    AlertRow newest = fold.newest();
    jdbc.sql("""
        insert into alert_aggregate (incident_id, fingerprint, alert_count, first_seen, last_seen, first_received_at,
          last_received_at, indicators, last_source, last_category, last_title, last_observed_at, last_indicators,
          last_details, event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(incidentId, fold.fingerprint(), fold.count(), utc(fold.firstSeen()), utc(fold.lastSeen()),
            utc(newest.receivedAt()), utc(newest.receivedAt()), indicators, newest.source(), newest.category(),
            newest.title(), utc(newest.observedAt()), newest.indicators(), newest.details(), eventId)
        .update();
  }

  /** The fingerprint's entry on the timeline: written once, shown with the aggregate's count ({@link TimelineStore}). */
  public long burstEvent(String incidentId, String actor, String detail) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into incident_event (incident_id, occurred_at, type, actor, detail) values (?, ?, ?, ?, ?)""")
        .params(incidentId, utc(EngineClock.now()), TimelineEvent.ALERT.name(), actor,
            IncidentStore.truncate(detail, 2000))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** Links an aggregate of alerts from before V15 to its new timeline entry. */
  public void linkEvent(String incidentId, String fingerprint, long eventId) {
    jdbc.sql("update alert_aggregate set event_id = ? where incident_id = ? and fingerprint = ?")
        .params(eventId, incidentId, fingerprint).update();
  }

  /** What the fingerprint's alerts added to the incident's indicators, as JSON. */
  public void indicators(String incidentId, String fingerprint, String indicators) {
    jdbc.sql("update alert_aggregate set indicators = ? where incident_id = ? and fingerprint = ?")
        .params(indicators, incidentId, fingerprint).update();
  }

  /** Keeps these alerts whole, in one batch. */
  public void keep(List<KeptAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    batch.batchUpdate("""
        insert into alert (incident_id, fingerprint, source, category, title, observed_at, received_at, indicators,
          details, sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        alerts.stream().map(k -> new Object[] {k.incidentId(), k.alert().fingerprint(), k.alert().source(),
            k.alert().category(), k.alert().title(), utc(k.alert().observedAt()), utc(k.alert().receivedAt()),
            k.alert().indicators(), k.alert().details(), k.sequence()}).toList());
  }

  /** A page of the incident's kept alerts, newest first. */
  public List<KeptAlert> kept(String incidentId, long offset, int limit) {
    return jdbc.sql("""
        select incident_id, sequence, fingerprint, source, category, title, observed_at, received_at, indicators,
          details from alert where incident_id = ? order by received_at desc, id desc offset ? rows fetch next ? rows only""")
        .params(incidentId, offset, limit)
        .query((rs, n) -> new KeptAlert(rs.getString("incident_id"), rs.getObject("sequence", Long.class),
            new AlertRow(rs.getString("fingerprint"), rs.getString("source"), rs.getString("category"),
                rs.getString("title"), instant(rs, "observed_at"), instant(rs, "received_at"),
                rs.getString("indicators"), rs.getString("details"))))
        .list();
  }

  public long keptCount(String incidentId) {
    return jdbc.sql("select count(*) from alert where incident_id = ?").param(incidentId).query(Long.class).single();
  }

  /** Every alert the incident received, kept whole or only counted. */
  public long received(String incidentId) {
    return jdbc.sql("select coalesce(sum(alert_count), 0) from alert_aggregate where incident_id = ?")
        .param(incidentId).query(Long.class).single();
  }

  /** The incident's aggregates, the most recently active first, at most {@code limit}. */
  public List<Aggregate> aggregates(String incidentId, int limit) {
    return jdbc.sql("""
        select * from alert_aggregate where incident_id = ? order by last_received_at desc, fingerprint
        fetch first ? rows only""")
        .params(incidentId, limit)
        .query((rs, n) -> new Aggregate(rs.getString("fingerprint"), rs.getLong("alert_count"),
            instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "first_received_at"),
            instant(rs, "last_received_at"), new AlertRow(rs.getString("fingerprint"), rs.getString("last_source"),
                rs.getString("last_category"), rs.getString("last_title"), instant(rs, "last_observed_at"),
                instant(rs, "last_received_at"), rs.getString("last_indicators"), rs.getString("last_details"))))
        .list();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
