package org.irfoundation.engine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.irfoundation.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A fresh, migrated (Flyway, {@code db/migration}) database for adapter tests, without the Spring Boot app:
 * H2 in memory, or a new database on an embedded PostgreSQL server shared by the JVM.
 */
public final class TestDatabase implements AutoCloseable {

  public enum Kind { H2, POSTGRES }

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String TEMPLATE = "irf_test_template";
  private static EmbeddedPostgres postgres;

  public final Kind kind;
  public final DataSource dataSource;
  public final JdbcClient jdbc;
  private final Runnable close;

  private TestDatabase(Kind kind, DataSource dataSource, Runnable close) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.close = close;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /**
   * A new database of that kind; in the suites on PostgreSQL ({@link TestPostgres#enabled()}) H2 becomes
   * PostgreSQL too, so the adapter and process tests that just need a database run on it as well.
   */
  public static TestDatabase create(Kind kind) {
    if (kind == Kind.H2 && !TestPostgres.enabled()) {
      EmbeddedDatabase h2 = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
          .generateUniqueName(true).build();
      return new TestDatabase(kind, h2, h2::shutdown);
    }
    EmbeddedPostgres server = postgresServer();
    String name = "irf_test_" + NEXT.incrementAndGet();
    // a copy of a database migrated once: Flyway on PostgreSQL takes about a second, a copy a fraction
    JdbcClient.create(server.getPostgresDatabase()).sql("create database " + name + " template " + TEMPLATE).update();
    // dropped on close: a test class may make one per test, and each takes megabytes on disk
    return new TestDatabase(Kind.POSTGRES, server.getDatabase("postgres", name), () ->
        JdbcClient.create(server.getPostgresDatabase()).sql("drop database if exists " + name + " with (force)")
            .update());
  }

  private static synchronized EmbeddedPostgres postgresServer() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.start(); // stops with the JVM
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
      JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + TEMPLATE).update();
      Flyway.configure().dataSource(postgres.getDatabase("postgres", TEMPLATE)).locations("classpath:db/migration")
          .load().migrate();
    }
    return postgres;
  }

  /** An incident row as the intake writes it (the connector tables reference it). */
  public void insertIncident(String id) {
    OffsetDateTime now = OffsetDateTime.parse("2026-03-02T09:00:00Z");
    jdbc.sql("""
        insert into incident (id, title, category, detected_at, aware_at, reported_at, status, report)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, "Root key used from TOR", "COMPROMISED_ACCOUNT", now, now, now, "OPEN", "{}")
        .update();
  }

  public long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Override
  public void close() {
    close.run();
  }
}
