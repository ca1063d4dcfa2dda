package org.irfoundation.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The rollout tables (V11): programs, their members, deliverables, gate measurements and approvals. */
@Repository
public class RolloutStore {

  private final JdbcClient jdbc;

  public RolloutStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Next {@code RO-yyyy-nnnn}; the counter row stays locked until the caller's transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String nextId(int year) {
    int updated = jdbc.sql("update rollout_counter set last_number = last_number + 1 where counter_year = ?")
        .param(year).update();
    if (updated == 0) {
      jdbc.sql("insert into rollout_counter (counter_year, last_number) values (?, 1)").param(year).update();
    }
    int number = jdbc.sql("select last_number from rollout_counter where counter_year = ?").param(year)
        .query(Integer.class).single();
    return String.format("RO-%d-%04d", year, number);
  }

  public void insert(Rollout rollout) {
    jdbc.sql("""
        insert into rollout (id, organisation, sponsor, program_owner, start_date, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(rollout.id(), rollout.organisation(), rollout.sponsor(), rollout.programOwner(),
            rollout.startDate(), utc(rollout.createdAt()), rollout.createdBy()).update();
  }

  public void processStarted(String id, String processInstanceId) {
    jdbc.sql("update rollout set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public Optional<Rollout> find(String id) {
    return jdbc.sql("select * from rollout where id = ?").param(id).query((rs, n) -> new Rollout(
        rs.getString("id"), rs.getString("organisation"), rs.getString("sponsor"), rs.getString("program_owner"),
        rs.getDate("start_date").toLocalDate(), rs.getString("process_instance_id"), instant(rs, "created_at"),
        rs.getString("created_by"))).optional();
  }

  public List<String> ids() {
    return jdbc.sql("select id from rollout order by created_at desc, id desc").query(String.class).list();
  }

  // ---------------------------------------------------------------- members

  public record Member(String userId, String groupId, Instant namedAt, Instant acknowledgedAt) {}

  public void member(String rolloutId, String userId, String groupId, Instant at) {
    if (jdbc.sql("select count(*) from rollout_member where rollout_id = ? and user_id = ? and group_id = ?")
        .params(rolloutId, userId, groupId).query(Long.class).single() == 0) {
      jdbc.sql("insert into rollout_member (rollout_id, user_id, group_id, named_at) values (?, ?, ?, ?)")
          .params(rolloutId, userId, groupId, utc(at)).update();
    }
  }

  public void acknowledged(String rolloutId, String userId, Instant at) {
    jdbc.sql("update rollout_member set acknowledged_at = ? where rollout_id = ? and user_id = ?"
        + " and acknowledged_at is null").params(utc(at), rolloutId, userId).update();
  }

  public List<Member> members(String rolloutId) {
    return jdbc.sql("select * from rollout_member where rollout_id = ? order by group_id, user_id").param(rolloutId)
        .query((rs, n) -> new Member(rs.getString("user_id"), rs.getString("group_id"), instant(rs, "named_at"),
            instant(rs, "acknowledged_at"))).list();
  }

  // ---------------------------------------------------------------- deliverables

  public void deliverable(Deliverable d) {
    jdbc.sql("""
        insert into rollout_deliverable (id, rollout_id, week, name, file_name, content_type, location, size_bytes,
          sha256, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.rolloutId(), d.week(), d.name(), d.fileName(), d.contentType(), d.location(), d.size(),
            d.sha256(), utc(d.createdAt()), d.createdBy()).update();
  }

  public List<Deliverable> deliverables(String rolloutId) {
    return jdbc.sql("select * from rollout_deliverable where rollout_id = ? order by week, created_at, id")
        .param(rolloutId).query(RolloutStore::deliverable).list();
  }

  public Optional<Deliverable> deliverable(String rolloutId, String id) {
    return jdbc.sql("select * from rollout_deliverable where rollout_id = ? and id = ?").params(rolloutId, id)
        .query(RolloutStore::deliverable).optional();
  }

  private static Deliverable deliverable(ResultSet rs, int n) throws SQLException {
    return new Deliverable(rs.getString("id"), rs.getString("rollout_id"), rs.getInt("week"), rs.getString("name"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getString("location"), rs.getLong("size_bytes"),
        rs.getString("sha256"), instant(rs, "created_at"), rs.getString("created_by"));
  }

  // ---------------------------------------------------------------- gates

  public record GateRecord(int week, int attempt, Instant measuredAt, boolean passed, String metricsJson) {}

  /** Records one measurement of a week's gate; returns its attempt number (1, 2, ...). */
  public int gate(String rolloutId, int week, Instant at, boolean passed, String metricsJson) {
    int attempt = jdbc.sql("select coalesce(max(attempt), 0) + 1 from rollout_gate where rollout_id = ? and week = ?")
        .params(rolloutId, week).query(Integer.class).single();
    jdbc.sql("insert into rollout_gate (rollout_id, week, attempt, measured_at, passed, metrics) values (?, ?, ?, ?, ?, ?)")
        .params(rolloutId, week, attempt, utc(at), passed, metricsJson).update();
    return attempt;
  }

  public List<GateRecord> gates(String rolloutId) {
    return jdbc.sql("select * from rollout_gate where rollout_id = ? order by week, attempt").param(rolloutId)
        .query((rs, n) -> new GateRecord(rs.getInt("week"), rs.getInt("attempt"), instant(rs, "measured_at"),
            rs.getBoolean("passed"), rs.getString("metrics"))).list();
  }

  // ---------------------------------------------------------------- approvals

  public record Approval(String subject, String definitionKey, String definitionId, int version, String approvedBy,
      Instant approvedAt, String comment) {}

  /** Records (or replaces, on a later approval of the same subject) what was approved as deployed then. */
  public void approval(String rolloutId, Approval a) {
    jdbc.sql("delete from rollout_approval where rollout_id = ? and subject = ?").params(rolloutId, a.subject())
        .update();
    jdbc.sql("""
        insert into rollout_approval (rollout_id, subject, definition_key, definition_id, version, approved_by,
          approved_at, comment) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rolloutId, a.subject(), a.definitionKey(), a.definitionId(), a.version(), a.approvedBy(),
            utc(a.approvedAt()), a.comment()).update();
  }

  public List<Approval> approvals(String rolloutId) {
    return jdbc.sql("select * from rollout_approval where rollout_id = ? order by subject").param(rolloutId)
        .query((rs, n) -> new Approval(rs.getString("subject"), rs.getString("definition_key"),
            rs.getString("definition_id"), rs.getInt("version"), rs.getString("approved_by"),
            instant(rs, "approved_at"), rs.getString("comment"))).list();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
