package org.irfoundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code postgres} profile on a real PostgreSQL server, configured the way operators do: by environment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@DirtiesContext // close the app while PostgreSQL still runs; the server stops with the JVM
class PostgresProfileTest {

  static final EmbeddedPostgres POSTGRES = start();

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("IRF_DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("IRF_DB_USER", () -> "postgres");
    registry.add("IRF_DB_PASSWORD", () -> "postgres");
  }

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;

  @Test
  void theEngineRunsOnPostgresAndKeepsWhatTheApiCommits() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");

    ResponseEntity<String> created = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .postForEntity("/engine-rest/group/create", Map.of("id", "pg-check", "name", "PG", "type", "WORKFLOW"),
            String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JdbcTemplate postgres = new JdbcTemplate(POSTGRES.getPostgresDatabase());
    assertThat(postgres.queryForObject("select count(*) from act_id_group where id_ = 'pg-check'", Long.class))
        .isOne();
    assertThat(postgres.queryForObject("select count(*) from act_id_membership where group_id_ = 'camunda-admin'",
        Long.class)).isOne();
  }
}
