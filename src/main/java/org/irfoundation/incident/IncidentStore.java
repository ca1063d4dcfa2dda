package org.irfoundation.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident tables (db/migration/V1): incidents, their timeline, open fingerprints and alerts. Written by the
 * intake (which creates incidents) and by the lifecycle; every other capability reads through {@link Incidents}.
 */
@Repository
public class IncidentStore implements IncidentLifecycle {

  private final JdbcClient jdbc;

  public IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One alert as received: {@code indicators} and {@code details} as JSON text. */
  public record AlertRow(String fingerprint, String source, String category, String title, Instant observedAt,
      Instant receivedAt, String indicators, String details) {}

  /** Next {@code INC-yyyy-nnnn}; the counter row stays locked until the caller's transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String nextId(int year) {
    int updated = jdbc.sql("update incident_counter set last_number = last_number + 1 where counter_year = ?")
        .param(year).update();
    if (updated == 0) {
      jdbc.sql("insert into incident_counter (counter_year, last_number) values (?, 1)").param(year).update();
    }
    int number = jdbc.sql("select last_number from incident_counter where counter_year = ?").param(year)
        .query(Integer.class).single();
    return String.format("INC-%d-%04d", year, number);
  }

  public void insert(Incident row) {
    jdbc.sql("""
        insert into incident (id, title, description, category, domain, detected_at, aware_at, reported_at,
          reporter, source, external_ref, status, report)
        values (:id, :title, :description, :category, :domain, :detectedAt, :awareAt, :reportedAt,
          :reporter, :source, :externalRef, :status, :report)""")
        .param("id", row.id()).param("title", row.title()).param("description", row.description())
        .param("category", row.category())
        .param("domain", row.domain()).param("detectedAt", utc(row.detectedAt()))
        .param("awareAt", utc(row.awareAt())).param("reportedAt", utc(row.reportedAt()))
        .param("reporter", row.reporter()).param("source", row.source()).param("externalRef", row.externalRef())
        .param("status", row.status()).param("report", row.report())
        .update();
  }

  public void classified(String id, String severity, String responseSla, String playbook, String processInstanceId) {
    jdbc.sql("""
        update incident set severity = ?, response_sla = ?, playbook = ?, process_instance_id = ? where id = ?""")
        .params(severity, responseSla, playbook, processInstanceId, id).update();
  }

  public void severityChanged(String id, String severity, String responseSla, String report) {
    jdbc.sql("update incident set severity = ?, response_sla = ?, report = ? where id = ?")
        .params(severity, responseSla, report, id).update();
  }

  public void playbookChosen(String id, String playbook) {
    jdbc.sql("update incident set playbook = ? where id = ?").params(playbook, id).update();
  }

  public Optional<Incident> find(String id) {
    return jdbc.sql("select * from incident where id = ?").param(id).query(IncidentStore::row).optional();
  }

  public Optional<Incident> findByExternalRef(String externalRef) {
    return jdbc.sql("select * from incident where external_ref = ?").param(externalRef)
        .query(IncidentStore::row).optional();
  }

  public List<Incident> list(String status, int offset, int limit) {
    return jdbc.sql("""
        select * from incident where (:status is null or status = :status)
        order by reported_at desc, id desc offset :offset rows fetch next :limit rows only""")
        .param("status", status).param("offset", offset).param("limit", limit)
        .query(IncidentStore::row).list();
  }

  public long count(String status) {
    return jdbc.sql("select count(*) from incident where (:status is null or status = :status)")
        .param("status", status).query(Long.class).single();
  }

  public List<TimelineEntry> timeline(String id) {
    return jdbc.sql("select occurred_at, type, actor, detail from incident_event where incident_id = ? order by id")
        .param(id)
        .query((rs, n) -> new TimelineEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            TimelineEvent.valueOf(rs.getString("type")), rs.getString("actor"), rs.getString("detail")))
        .list();
  }

  /** Whether the user completed one of the incident's tasks (the timeline says who did). */
  public boolean completedATask(String incidentId, String userId) {
    return jdbc.sql("select count(*) from incident_event where incident_id = ? and type = ? and actor = ?")
        .params(incidentId, TimelineEvent.TASK_COMPLETED.name(), userId).query(Long.class).single() > 0;
  }

  /** The incident an open fingerprint belongs to. */
  public Optional<String> openIncidentOf(String fingerprint) {
    return jdbc.sql("select incident_id from open_fingerprint where fingerprint = ?").param(fingerprint)
        .query(String.class).optional();
  }

  /** Claims a fingerprint for an incident; a concurrent claim of the same one fails with a duplicate key. */
  public void claimFingerprint(String fingerprint, String incidentId) {
    jdbc.sql("insert into open_fingerprint (fingerprint, incident_id) values (?, ?)")
        .params(fingerprint, incidentId).update();
  }

  public void insertAlert(String incidentId, AlertRow alert) {
    jdbc.sql("""
        insert into alert (incident_id, fingerprint, source, category, title, observed_at, received_at,
          indicators, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(incidentId, alert.fingerprint(), alert.source(), alert.category(), alert.title(),
            utc(alert.observedAt()), utc(alert.receivedAt()), alert.indicators(), alert.details())
        .update();
  }

  public long alertCount(String incidentId) {
    return jdbc.sql("select count(*) from alert where incident_id = ?").param(incidentId).query(Long.class)
        .single();
  }

  @Override
  public void recordEvent(String incidentId, TimelineEvent type, String actor, String detail) {
    // insert-select: a task of a process that is no incident's (e.g. the rollout) records nothing
    jdbc.sql("""
        insert into incident_event (incident_id, occurred_at, type, actor, detail)
        select id, :at, :type, :actor, :detail from incident where id = :id""")
        .param("id", incidentId).param("at", utc(Instant.now())).param("type", type.name()).param("actor", actor)
        .param("detail", truncate(detail, 2000))
        .update();
  }

  @Override
  public void close(String incidentId) {
    int closed = jdbc.sql("update incident set status = ?, closed_at = ? where id = ? and status <> ?")
        .params(Incident.CLOSED, utc(Instant.now()), incidentId, Incident.CLOSED).update();
    jdbc.sql("delete from open_fingerprint where incident_id = ?").param(incidentId).update();
    if (closed > 0) {
      recordEvent(incidentId, TimelineEvent.CLOSED, null, "Incident closed");
    }
  }

  private static Incident row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Incident(rs.getString("id"), rs.getString("title"), rs.getString("description"),
        rs.getString("category"),
        rs.getString("domain"), instant(rs, "detected_at"), instant(rs, "aware_at"), instant(rs, "reported_at"),
        rs.getString("reporter"), rs.getString("source"), rs.getString("external_ref"), rs.getString("severity"),
        rs.getString("response_sla"), rs.getString("playbook"), rs.getString("status"), instant(rs, "closed_at"),
        rs.getString("process_instance_id"), rs.getString("report"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
