package org.irfoundation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one PostgreSQL the nodes share, started in the test JVM, and what the reliability tests read from it
 * directly: incidents, alerts, tasks, job locks and the job log (whose {@code HOSTNAME_} names the node that ran a
 * job: each node is started with its own {@code camunda.bpm.generic-properties.properties.hostname}).
 */
final class ClusterDatabase implements AutoCloseable {

  static final int JOB_SUCCESSFUL = 2; // ACT_HI_JOB_LOG.JOB_STATE_

  private final EmbeddedPostgres postgres;
  final JdbcTemplate jdbc;

  ClusterDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
  }

  /** The environment a node needs for the {@code postgres} profile on this server. */
  Map<String, String> env() {
    return Map.of("IRF_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "IRF_DB_USER", "postgres",
        "IRF_DB_PASSWORD", "postgres");
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  /** A job that holds a lock now: its id, lock owner and lock expiry. */
  record Lock(String jobId, String owner, Instant expires) {}

  List<Lock> locks() {
    return jdbc.query("select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null",
        (rs, i) -> new Lock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
  }

  /** A successful run of a job: when and on which node. */
  record Run(String jobId, String node, Instant at) {}

  List<Run> successfulRuns() {
    return jdbc.query("select job_id_, hostname_, timestamp_ from act_hi_job_log where job_state_ = ?",
        (rs, i) -> new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), JOB_SUCCESSFUL);
  }

  /** Successful job runs per node. */
  Map<String, Long> runsPerNode() {
    Map<String, Long> perNode = new HashMap<>();
    jdbc.query("select hostname_, count(*) from act_hi_job_log where job_state_ = ? group by hostname_",
        rs -> { perNode.put(rs.getString(1), rs.getLong(2)); }, JOB_SUCCESSFUL);
    return perNode;
  }

  /** How many of the incidents' processes wait in the task {@code taskKey}. */
  long waitingIn(Set<String> incidentIds, String taskKey) {
    return jdbc.queryForList("""
        select i.id from incident i join act_ru_task t on t.proc_inst_id_ = i.process_instance_id
        where t.task_def_key_ = ?""", String.class, taskKey).stream().filter(incidentIds::contains).distinct().count();
  }

  /** Jobs that failed at least once and still wait for a retry or hold an incident: their messages. */
  List<String> failedJobs() {
    return jdbc.queryForList("select exception_msg_ from act_ru_job where exception_msg_ is not null", String.class);
  }

  static Timestamp at(Instant instant) {
    return Timestamp.from(instant);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
