package org.irfoundation.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The incident tables (db/migration/V1): incidents, their timeline, open fingerprints and alerts. */
@Repository
public class IncidentStore implements IncidentLifecycle {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  private final JdbcClient jdbc;

  public IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record IncidentRow(String id, String title, String description, String category, String domain, Instant detectedAt,
      Instant awareAt, Instant reportedAt, String reporter, String source, String externalRef, String severity,
      String responseSla, String playbook, String status, Instant closedAt, String processInstanceId,
      String report) {}

  public record EventRow(Instant at, String type, String actor, String detail) {}

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

  public void insert(IncidentRow row) {
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

  public Optional<IncidentRow> find(String id) {
    return jdbc.sql("select * from incident where id = ?").param(id).query(IncidentStore::row).optional();
  }

  public Optional<IncidentRow> findByExternalRef(String externalRef) {
    return jdbc.sql("select * from incident where external_ref = ?").param(externalRef)
        .query(IncidentStore::row).optional();
  }

  public List<IncidentRow> list(String status, int offset, int limit) {
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

  public List<EventRow> timeline(String id) {
    return jdbc.sql("select occurred_at, type, actor, detail from incident_event where incident_id = ? order by id")
        .param(id)
        .query((rs, n) -> new EventRow(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("type"), rs.getString("actor"), rs.getString("detail")))
        .list();
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

  public void insertAlert(String incidentId, AlertReport alert, Instant receivedAt, String indicators,
      String details) {
    jdbc.sql("""
        insert into alert (incident_id, fingerprint, source, category, title, observed_at, received_at,
          indicators, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(incidentId, alert.fingerprint(), alert.source(), alert.category().name(), alert.title(),
            utc(alert.observedAt()), utc(receivedAt), indicators, details)
        .update();
  }

  public long alertCount(String incidentId) {
    return jdbc.sql("select count(*) from alert where incident_id = ?").param(incidentId).query(Long.class)
        .single();
  }

  @Override
  public void recordEvent(String incidentId, String type, String actor, String detail) {
    // insert-select: a task of a process that is no incident's (e.g. the rollout) records nothing
    jdbc.sql("""
        insert into incident_event (incident_id, occurred_at, type, actor, detail)
        select id, :at, :type, :actor, :detail from incident where id = :id""")
        .param("id", incidentId).param("at", utc(Instant.now())).param("type", type).param("actor", actor)
        .param("detail", truncate(detail, 2000))
        .update();
  }

  @Override
  public void close(String incidentId) {
    int closed = jdbc.sql("update incident set status = ?, closed_at = ? where id = ? and status <> ?")
        .params(CLOSED, utc(Instant.now()), incidentId, CLOSED).update();
    jdbc.sql("delete from open_fingerprint where incident_id = ?").param(incidentId).update();
    if (closed > 0) {
      recordEvent(incidentId, "CLOSED", null, "Incident closed");
    }
  }

  private static IncidentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new IncidentRow(rs.getString("id"), rs.getString("title"), rs.getString("description"),
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
