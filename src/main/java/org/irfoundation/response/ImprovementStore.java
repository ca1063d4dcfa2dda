package org.irfoundation.response;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code improvement_action} table (db/migration/V13): one row per lesson of a post-incident review. */
@Repository
class ImprovementStore {

  /** A row with what the {@link Improvement} record leaves out. */
  record Row(Improvement improvement, String createdBy, String doneBy, String processInstanceId) {}

  private static final String ORDER = " order by due_date, id";

  private final JdbcClient jdbc;

  ImprovementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Improvement i, String createdBy) {
    jdbc.sql("""
        insert into improvement_action (id, incident_id, lesson, changes_kind, changes_ref, owner, due_date, status,
          created_at, created_by)
        values (:id, :incident, :lesson, :kind, :ref, :owner, :due, :status, :created, :createdBy)""")
        .param("id", i.id()).param("incident", i.incidentId()).param("lesson", i.lesson())
        .param("kind", i.changesKind()).param("ref", i.changesRef()).param("owner", i.owner())
        .param("due", Date.valueOf(i.due())).param("status", i.status()).param("created", utc(i.createdAt()))
        .param("createdBy", createdBy)
        .update();
  }

  int countOf(String incidentId) {
    return jdbc.sql("select count(*) from improvement_action where incident_id = ?").param(incidentId)
        .query(Integer.class).single();
  }

  void processStarted(String id, String processInstanceId) {
    jdbc.sql("update improvement_action set process_instance_id = ? where id = ?").params(processInstanceId, id)
        .update();
  }

  /** Marks it DONE; false when it was no longer open (done before). */
  boolean done(String id, Instant at, String by, String outcome) {
    return jdbc.sql("""
        update improvement_action set status = 'DONE', done_at = ?, done_by = ?, outcome = ?
        where id = ? and status = 'OPEN'""")
        .params(utc(at), by, outcome, id).update() == 1;
  }

  Optional<Row> find(String id) {
    return jdbc.sql("select * from improvement_action where id = ?").param(id).query(ImprovementStore::row)
        .optional();
  }

  List<Row> ofIncident(String incidentId) {
    return jdbc.sql("select * from improvement_action where incident_id = ?" + ORDER).param(incidentId)
        .query(ImprovementStore::row).list();
  }

  /** Every action with the status and what it changes (either null: any), soonest due first. */
  List<Row> list(String status, String changesKind, String changesRef) {
    return jdbc.sql("""
        select * from improvement_action
        where (cast(:status as varchar(8)) is null or status = :status)
          and (cast(:kind as varchar(16)) is null or changes_kind = :kind)
          and (cast(:ref as varchar(200)) is null or changes_ref = :ref)""" + ORDER)
        .param("status", status).param("kind", changesKind).param("ref", changesRef)
        .query(ImprovementStore::row).list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Improvement improvement = new Improvement(rs.getString("id"), rs.getString("incident_id"),
        rs.getString("lesson"), rs.getString("changes_kind"), rs.getString("changes_ref"), rs.getString("owner"),
        rs.getDate("due_date").toLocalDate(), rs.getString("status"), instant(rs, "created_at"),
        instant(rs, "done_at"), rs.getString("outcome"));
    return new Row(improvement, rs.getString("created_by"), rs.getString("done_by"),
        rs.getString("process_instance_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
