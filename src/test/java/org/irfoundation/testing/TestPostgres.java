package org.irfoundation.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suites on PostgreSQL ({@code mvn test -Ppostgres-tests}, README "Tests"): with the system property
 * {@code irf.test.database=postgres} one embedded PostgreSQL server per test JVM, and a fresh database on it for
 * each Spring context ({@link PostgresContextCustomizerFactory}) and each process test engine
 * ({@link ProcessTestEngine}) that would otherwise get an in-memory H2.
 */
public final class TestPostgres {

  public static final String PROPERTY = "irf.test.database";
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";
  public static final String DRIVER = "org.postgresql.Driver";

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  /** True when the suites run on PostgreSQL instead of in-memory H2. */
  public static boolean enabled() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
  }

  /** The JDBC URL of a new, empty database named after {@code hint} (unique in the JVM). */
  public static String newDatabase(String hint) {
    EmbeddedPostgres postgres = server();
    String name = ("irf_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + NEXT.incrementAndGet())
        .toLowerCase(Locale.ROOT);
    JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
    return postgres.getJdbcUrl(USER, name);
  }

  /** A Spring context on one of the databases: closed before the server stops. */
  static void closeBeforeTheServer(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // enough connections for the cached Spring contexts' pools and the process engines of one JVM
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
            .setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "irf-test-postgres-stop"));
    }
    return server;
  }

  /**
   * At JVM exit: the cached Spring contexts first (their engines write to the database on close; Spring's own
   * shutdown hook runs at the same time and would wait for a server that is gone), then the server.
   */
  private static void stop() {
    CONTEXTS.forEach(ConfigurableApplicationContext::close);
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL did not stop: " + e);
    }
  }
}
