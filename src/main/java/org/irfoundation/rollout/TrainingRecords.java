package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutStore.instant;
import static org.irfoundation.rollout.RolloutStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The training attempts of a rollout (table {@code rollout_training}, V11): one row per member and attempt. */
@Repository
public class TrainingRecords {

  /** One attempt: its score, whether it passed, and the certificate (a deliverable id) once issued. */
  public record Attempt(String rolloutId, String userId, String role, int attempt, int scorePercent, boolean passed,
      Instant takenAt, String certificateId) {}

  private final JdbcClient jdbc;

  public TrainingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the member's next attempt; returns its number (1, 2, ...). */
  public int record(String rolloutId, String userId, String role, int scorePercent, boolean passed, Instant at) {
    int attempt = jdbc.sql("""
        select coalesce(max(attempt), 0) + 1 from rollout_training where rollout_id = ? and user_id = ?""")
        .params(rolloutId, userId).query(Integer.class).single();
    jdbc.sql("""
        insert into rollout_training (rollout_id, user_id, role, attempt, score_percent, passed, taken_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(rolloutId, userId, role, attempt, scorePercent, passed, utc(at)).update();
    return attempt;
  }

  /** The member's last passed attempt, if any. */
  public Optional<Attempt> lastPassed(String rolloutId, String userId) {
    return jdbc.sql("""
        select * from rollout_training where rollout_id = ? and user_id = ? and passed
        order by attempt desc fetch first 1 rows only""")
        .params(rolloutId, userId).query(TrainingRecords::attempt).optional();
  }

  /** Every attempt of the rollout, by member and attempt. */
  public List<Attempt> of(String rolloutId) {
    return jdbc.sql("select * from rollout_training where rollout_id = ? order by user_id, attempt")
        .param(rolloutId).query(TrainingRecords::attempt).list();
  }

  /** Names the attempt's certificate; false when it has one already. */
  public boolean certificate(String rolloutId, String userId, int attempt, String certificateId) {
    return jdbc.sql("""
        update rollout_training set certificate_id = ?
        where rollout_id = ? and user_id = ? and attempt = ? and certificate_id is null""")
        .params(certificateId, rolloutId, userId, attempt).update() == 1;
  }

  private static Attempt attempt(ResultSet rs, int n) throws SQLException {
    return new Attempt(rs.getString("rollout_id"), rs.getString("user_id"), rs.getString("role"),
        rs.getInt("attempt"), rs.getInt("score_percent"), rs.getBoolean("passed"), instant(rs, "taken_at"),
        rs.getString("certificate_id"));
  }
}
