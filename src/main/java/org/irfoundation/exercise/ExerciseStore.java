package org.irfoundation.exercise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irfoundation.exercise.Scenario.Mode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exercises (tables of V12__exercise.sql). */
@Repository
public class ExerciseStore {

  private final JdbcClient jdbc;

  public ExerciseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String nextId(int year) {
    int updated = jdbc.sql("update exercise_counter set last_number = last_number + 1 where counter_year = ?")
        .param(year).update();
    if (updated == 0) {
      jdbc.sql("insert into exercise_counter (counter_year, last_number) values (?, 1)").param(year).update();
    }
    int number = jdbc.sql("select last_number from exercise_counter where counter_year = ?").param(year)
        .query(Integer.class).single();
    return String.format("EX-%d-%04d", year, number);
  }

  public void insert(Exercise exercise) {
    jdbc.sql("""
        insert into exercise (id, scenario, mode, time_compression, rollout_id, started_at, started_by)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(exercise.id(), exercise.scenario(), exercise.mode().name(), exercise.timeCompression(),
            exercise.rolloutId(), utc(exercise.startedAt()), exercise.startedBy()).update();
    for (String user : exercise.participants()) {
      jdbc.sql("insert into exercise_participant (exercise_id, user_id) values (?, ?)").params(exercise.id(), user)
          .update();
    }
  }

  public void processStarted(String id, String processInstanceId) {
    jdbc.sql("update exercise set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public void incidentReported(String id, String incidentId) {
    jdbc.sql("update exercise set incident_id = ? where id = ?").params(incidentId, id).update();
  }

  public void ended(String id, Instant at) {
    jdbc.sql("update exercise set ended_at = ? where id = ? and ended_at is null").params(utc(at), id).update();
  }

  public Optional<Exercise> find(String id) {
    return jdbc.sql("select * from exercise where id = ?").param(id).query(this::row).optional();
  }

  public Optional<Exercise> findByIncident(String incidentId) {
    return jdbc.sql("select * from exercise where incident_id = ?").param(incidentId).query(this::row).optional();
  }

  /**
   * The time compression of the exercise that reported this incident; empty for any other. By the incident's
   * external reference (the exercise id), which it has from its first row on: its first timers are created before
   * the exercise learns the incident's id.
   */
  public Optional<Integer> compressionOf(String incidentId) {
    return jdbc.sql("select e.time_compression from exercise e join incident i on i.external_ref = e.id"
        + " where i.id = ? and i.exercise = true").param(incidentId).query(Integer.class).optional();
  }

  public List<Exercise> list() {
    return jdbc.sql("select * from exercise order by started_at desc, id desc").query(this::row).list();
  }

  public List<Exercise> ofRollout(String rolloutId) {
    return jdbc.sql("select * from exercise where rollout_id = ? order by started_at").param(rolloutId)
        .query(this::row).list();
  }

  private Exercise row(ResultSet rs, int n) throws SQLException {
    String id = rs.getString("id");
    List<String> participants = jdbc.sql("select user_id from exercise_participant where exercise_id = ?"
        + " order by user_id").param(id).query(String.class).list();
    return new Exercise(id, rs.getString("scenario"), Mode.valueOf(rs.getString("mode")),
        rs.getInt("time_compression"), rs.getString("incident_id"), rs.getString("rollout_id"),
        rs.getString("process_instance_id"), instant(rs, "started_at"), rs.getString("started_by"),
        instant(rs, "ended_at"), participants);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

}
