package org.irfoundation.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irfoundation.incident.Obligation.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code obligation} table (db/migration/V9): one row per notification obligation of an incident. */
@Repository
class ObligationStore {

  private final JdbcClient jdbc;

  ObligationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Obligation o) {
    jdbc.sql("""
        insert into obligation (incident_id, code, regulation, recipient, audience, clock_start, determination,
          starts_after, deadline, deadline_kind, deadline_cap, calendar, status, worst_case_due_at, clock_started_at,
          due_at, created_at)
        values (:incident, :code, :regulation, :recipient, :audience, :clockStart, :determination, :startsAfter,
          :deadline, :kind, :cap, :calendar, :status, :worstCase, :clockStarted, :due, :created)""")
        .param("incident", o.incidentId()).param("code", o.code()).param("regulation", o.regulation())
        .param("recipient", o.recipient()).param("audience", o.audience()).param("clockStart", o.clockStart())
        .param("determination", o.determination()).param("startsAfter", o.startsAfter())
        .param("deadline", o.deadline()).param("kind", o.deadlineKind()).param("cap", o.deadlineCap())
        .param("calendar", o.calendar()).param("status", o.status().name())
        .param("worstCase", utc(o.worstCaseDueAt())).param("clockStarted", utc(o.clockStartedAt()))
        .param("due", utc(o.dueAt())).param("created", utc(o.createdAt()))
        .update();
  }

  void processStarted(String incidentId, String code, String processInstanceId) {
    jdbc.sql("update obligation set process_instance_id = ? where incident_id = ? and code = ?")
        .params(processInstanceId, incidentId, code).update();
  }

  List<Obligation> list(String incidentId) {
    return jdbc.sql("select * from obligation where incident_id = ? order by created_at, code").param(incidentId)
        .query(ObligationStore::row).list();
  }

  Optional<Obligation> find(String incidentId, String code) {
    return jdbc.sql("select * from obligation where incident_id = ? and code = ?").params(incidentId, code)
        .query(ObligationStore::row).optional();
  }

  void determined(String incidentId, String code, Status status, Instant at, String by, String reasons) {
    jdbc.sql("""
        update obligation set status = ?, determined_at = ?, determined_by = ?, determination_reasons = ?,
          closed_reason = case when ? = 'NOT_TRIGGERED' then ? else closed_reason end
        where incident_id = ? and code = ?""")
        .params(status.name(), utc(at), by, reasons, status.name(), reasons, incidentId, code).update();
  }

  void clockStarted(String incidentId, String code, Instant startedAt, Instant dueAt) {
    jdbc.sql("""
        update obligation set clock_started_at = ?, due_at = ? where incident_id = ? and code = ?
          and status = 'DUE'""")
        .params(utc(startedAt), utc(dueAt), incidentId, code).update();
  }

  void filed(String incidentId, String code, String reference, Instant at, boolean inTime, String lateReasons) {
    jdbc.sql("""
        update obligation set status = 'FILED', filing_reference = ?, filed_at = ?, filed_in_time = ?,
          late_reasons = ? where incident_id = ? and code = ?""")
        .params(reference, utc(at), inTime, lateReasons, incidentId, code).update();
  }

  void closed(String incidentId, String code, String reason) {
    jdbc.sql("update obligation set status = 'NOT_TRIGGERED', closed_reason = ? where incident_id = ? and code = ?")
        .params(reason, incidentId, code).update();
  }

  private static Obligation row(ResultSet rs, int n) throws SQLException {
    boolean inTime = rs.getBoolean("filed_in_time");
    Boolean filedInTime = rs.wasNull() ? null : inTime;
    return new Obligation(rs.getString("incident_id"), rs.getString("code"), rs.getString("regulation"),
        rs.getString("recipient"), rs.getString("audience"), rs.getString("clock_start"),
        rs.getString("determination"), rs.getString("starts_after"), rs.getString("deadline"),
        rs.getString("deadline_kind"), rs.getString("deadline_cap"), rs.getString("calendar"),
        Status.valueOf(rs.getString("status")), instant(rs, "worst_case_due_at"), instant(rs, "clock_started_at"),
        instant(rs, "due_at"), instant(rs, "determined_at"), rs.getString("determined_by"),
        rs.getString("determination_reasons"), rs.getString("filing_reference"), instant(rs, "filed_at"),
        filedInTime, rs.getString("late_reasons"), rs.getString("closed_reason"),
        rs.getString("process_instance_id"), instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
