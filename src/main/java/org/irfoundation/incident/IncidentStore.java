package org.irfoundation.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irfoundation.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident tables (db/migration/V1): incidents, their timeline, open fingerprints; alerts in {@link AlertStore}.
 * Written by the intake (which creates incidents) and by the lifecycle; every other capability reads through
 * {@link Incidents}.
 */
@Repository
public class IncidentStore implements IncidentLifecycle {

  private final JdbcClient jdbc;

  public IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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
          reporter, source, external_ref, status, report, reported_by, restricted)
        values (:id, :title, :description, :category, :domain, :detectedAt, :awareAt, :reportedAt,
          :reporter, :source, :externalRef, :status, :report, :reportedBy, :restricted)""")
        .param("id", row.id()).param("title", row.title()).param("description", row.description())
        .param("category", row.category())
        .param("domain", row.domain()).param("detectedAt", utc(row.detectedAt()))
        .param("awareAt", utc(row.awareAt())).param("reportedAt", utc(row.reportedAt()))
        .param("reporter", row.reporter()).param("source", row.source()).param("externalRef", row.externalRef())
        .param("status", row.status()).param("report", row.report())
        .param("reportedBy", row.reportedBy()).param("restricted", row.restricted())
        .update();
  }

  public void classified(String id, String severity, String responseSla, String playbook, String processInstanceId) {
    jdbc.sql("""
        update incident set severity = ?, response_sla = ?, playbook = ?, process_instance_id = ? where id = ?""")
        .params(severity, responseSla, playbook, processInstanceId, id).update();
  }

  /** The report as it stands now (an alert added indicators). */
  public void reportUpdated(String id, String report) {
    jdbc.sql("update incident set report = ? where id = ?").params(report, id).update();
  }

  public void severityChanged(String id, String severity, String responseSla) {
    jdbc.sql("update incident set severity = ?, response_sla = ? where id = ?").params(severity, responseSla, id).update();
  }

  public void dataScope(String id, String scopeJson) {
    jdbc.sql("update incident set data_scope = ? where id = ?").params(scopeJson, id).update();
  }

  public Optional<String> dataScope(String id) {
    return jdbc.sql("select data_scope from incident where id = ?").param(id)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(scope -> scope);
  }

  /** Records when personal data was first known to be involved; false when that was recorded before. */
  public boolean breachAware(String id, Instant at) {
    return jdbc.sql("update incident set breach_aware_at = ? where id = ? and breach_aware_at is null")
        .params(utc(at), id).update() > 0;
  }

  public Optional<Instant> breachAwareAt(String id) {
    return jdbc.sql("select breach_aware_at from incident where id = ?").param(id)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "breach_aware_at"))).optional().flatMap(o -> o);
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

  /** One row of a list: the incident, and whether the viewer sees all of it or only what its reporter sees. */
  public record Listed(Incident incident, boolean full) {}

  /** A page of the real incidents the viewer may see ({@link IncidentAccess}), newest first. */
  public List<Listed> list(IncidentAccess.Viewer viewer, String status, int offset, int limit) {
    return list(viewer, status, false, offset, limit);
  }

  /** A page of the incidents the viewer may see, newest first: the real ones, or the exercises' ones. */
  public List<Listed> list(IncidentAccess.Viewer viewer, String status, boolean exercises, int offset, int limit) {
    return visible(viewer, "select i.*, case when " + TEAM_OR_READER + " then 1 else 0 end as full_view"
        + " from incident i where " + STATUS + " and i.exercise = :exercise and (" + TEAM_OR_READER
        + " or i.reported_by = :user)"
        + " order by i.reported_at desc, i.id desc offset :offset rows fetch next :limit rows only")
        .param("status", status).param("exercise", exercises).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new Listed(row(rs, n), rs.getInt("full_view") == 1)).list();
  }

  public long count(IncidentAccess.Viewer viewer, String status) {
    return count(viewer, status, false);
  }

  public long count(IncidentAccess.Viewer viewer, String status, boolean exercises) {
    return visible(viewer, "select count(*) from incident i where " + STATUS + " and i.exercise = :exercise and ("
        + TEAM_OR_READER + " or i.reported_by = :user)")
        .param("status", status).param("exercise", exercises).query(Long.class).single();
  }

  /** Any status, or the one asked for; typed, so PostgreSQL knows the type of a null parameter. */
  private static final String STATUS = "(cast(:status as varchar(16)) is null or i.status = :status)";

  /**
   * The rule of {@link IncidentAccess#of} as SQL: everyone for the IR lead and administrators; else a named member;
   * or, unless restricted, a user who worked it, an engaged group, or the program owner.
   */
  private static final String TEAM_OR_READER = """
      (:all = 1
       or exists (select 1 from incident_team t where t.incident_id = i.id and t.principal_type = 'USER'
         and t.principal_id = :user and (t.reason = 'NAMED' or i.restricted = false))
       or (i.restricted = false and (:owner = 1 or exists (select 1 from incident_team t where t.incident_id = i.id
         and t.principal_type = 'GROUP' and t.reason = 'ENGAGED' and t.principal_id in (:groups)))))""";

  private JdbcClient.StatementSpec visible(IncidentAccess.Viewer viewer, String sql) {
    List<String> groups = viewer.groups().isEmpty() ? List.of("") : List.copyOf(viewer.groups());
    return jdbc.sql(sql).param("all", viewer.seesAll() ? 1 : 0).param("owner", viewer.readsUnrestricted() ? 1 : 0)
        .param("user", viewer.userId()).param("groups", groups);
  }

  /** Marks the incident as an exercise's (before anything about it leaves the app). */
  public void markExercise(String id) {
    jdbc.sql("update incident set exercise = true where id = ?").param(id).update();
  }

  public boolean isExercise(String id) {
    return jdbc.sql("select exercise from incident where id = ?").param(id).query(Boolean.class).optional()
        .orElse(false);
  }

  /** Marks the incident restricted or not; false when it already was. */
  public boolean restrict(String id, boolean restricted) {
    return jdbc.sql("update incident set restricted = ? where id = ? and restricted <> ?")
        .params(restricted, id, restricted).update() > 0;
  }

  /** Adds a group or user to the incident's team for a reason; false when it was there already for it. */
  public boolean addToTeam(String incidentId, IncidentTeam.Principal type, String principal, IncidentTeam.Reason reason,
      String addedBy) {
    try {
      return jdbc.sql("""
          insert into incident_team (incident_id, principal_type, principal_id, reason, added_by, added_at)
          select i.id, :type, :principal, :reason, :by, :at from incident i where i.id = :incident
            and not exists (select 1 from incident_team t where t.incident_id = i.id and t.principal_type = :type
              and t.principal_id = :principal and t.reason = :reason)""")
          .param("incident", incidentId).param("type", type.name()).param("principal", principal)
          .param("reason", reason.name()).param("by", addedBy).param("at", utc(EngineClock.now()))
          .update() > 0;
    } catch (DuplicateKeyException concurrentAdd) {
      return false;
    }
  }

  public boolean removeFromTeam(String incidentId, IncidentTeam.Principal type, String principal,
      IncidentTeam.Reason reason) {
    return jdbc.sql("""
        delete from incident_team where incident_id = ? and principal_type = ? and principal_id = ? and reason = ?""")
        .params(incidentId, type.name(), principal, reason.name()).update() > 0;
  }

  public List<IncidentTeam.Row> team(String incidentId) {
    return jdbc.sql("""
        select principal_type, principal_id, reason, added_by, added_at from incident_team where incident_id = ?
        order by added_at, principal_type, principal_id""")
        .param(incidentId)
        .query((rs, n) -> new IncidentTeam.Row(IncidentTeam.Principal.valueOf(rs.getString("principal_type")),
            rs.getString("principal_id"), IncidentTeam.Reason.valueOf(rs.getString("reason")),
            rs.getString("added_by"), instant(rs, "added_at")))
        .list();
  }

  /** The timeline, oldest first: a fingerprint's alerts are one entry ({@link TimelineStore}). */
  public List<TimelineEntry> timeline(String id) {
    return TimelineStore.all(jdbc, id);
  }

  /** Claims a fingerprint for an incident; a concurrent claim of the same one fails with a duplicate key. */
  public void claimFingerprint(String fingerprint, String incidentId) {
    jdbc.sql("insert into open_fingerprint (fingerprint, incident_id) values (?, ?)")
        .params(fingerprint, incidentId).update();
  }

  @Override
  public void recordEvent(String incidentId, TimelineEvent type, String actor, String detail) {
    // insert-select: a task of a process that is no incident's (e.g. the rollout) records nothing
    jdbc.sql("""
        insert into incident_event (incident_id, occurred_at, type, actor, detail)
        select id, :at, :type, :actor, :detail from incident where id = :id""")
        .param("id", incidentId).param("at", utc(EngineClock.now())).param("type", type.name()).param("actor", actor)
        .param("detail", truncate(detail, 2000))
        .update();
  }

  @Override
  public void close(String incidentId) {
    int closed = jdbc.sql("update incident set status = ?, closed_at = ? where id = ? and status <> ?")
        .params(Incident.CLOSED, utc(EngineClock.now()), incidentId, Incident.CLOSED).update();
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
        rs.getString("process_instance_id"), rs.getString("report"), rs.getString("reported_by"),
        rs.getBoolean("restricted"));
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
