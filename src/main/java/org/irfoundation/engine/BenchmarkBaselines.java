package org.irfoundation.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baselines (docs/benchmarks.md), in the app's own JVM and database: a plain durable insert, the bare
 * engine starting a process of incident-response's opening shape, finished instances to fill the history, and
 * incident-severity evaluations. Only under the Spring profile {@code benchmark}; authenticated like all of /api.
 */
@RestController
@Profile("benchmark")
@RequestMapping("/api/benchmark")
public class BenchmarkBaselines {

  static final String SHAPE = "benchmark-incident-shape";
  static final String FINISHED = "benchmark-finished";
  static final int MAX_PER_CALL = 100_000;

  private final JdbcTemplate jdbc;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final ObjectMapper json;
  private final AtomicLong sequence = new AtomicLong();

  public BenchmarkBaselines(JdbcTemplate jdbc, RepositoryService repositoryService, RuntimeService runtimeService,
      DecisionService decisionService, IdentityService identityService, ObjectMapper json) {
    this.json = json;
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /** incident-response's service tasks without their work: what the bare engine costs per async step. */
  @Bean
  static JavaDelegate benchmarkNoOp() {
    return execution -> { };
  }

  /** Inputs from a resource: the variable names are the models' (and their constants'), not spelled out here. */
  private List<Map<String, Object>> severityInputs() {
    try (InputStream in = new ClassPathResource("benchmark/severity-inputs.json").getInputStream()) {
      return json.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void prepare() {
    // the benchmark's own scratch table: no migration, it never exists outside this profile
    jdbc.execute("CREATE TABLE IF NOT EXISTS irf_bench_row (id VARCHAR(36) PRIMARY KEY,"
        + " created_at TIMESTAMP NOT NULL, body VARCHAR(200) NOT NULL)");
    repositoryService.createDeployment().name("benchmark").enableDuplicateFiltering(true)
        .addClasspathResource("benchmark/" + SHAPE + ".bpmn")
        .addClasspathResource("benchmark/" + FINISHED + ".bpmn")
        .deploy();
  }

  public record Created(String id) {}

  public record Timed(long count, int threads, long millis, double perSecond) {
    static Timed of(long count, int threads, long startNanos) {
      long nanos = Math.max(1, System.nanoTime() - startNanos);
      return new Timed(count, threads, nanos / 1_000_000, count * 1e9 / nanos);
    }
  }

  /** One row, one commit (auto-commit): the database's durable write rate as the app sees it. */
  @PostMapping("/rows")
  @ResponseStatus(HttpStatus.CREATED)
  public Created insert() {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO irf_bench_row (id, created_at, body) VALUES (?, ?, ?)", id,
        Timestamp.from(Instant.now()), "benchmark row " + sequence.incrementAndGet());
    return new Created(id);
  }

  /** The bare engine: an instance of incident-response's opening shape, through the Java API. */
  @PostMapping("/engine-starts")
  @ResponseStatus(HttpStatus.CREATED)
  public Created startShape() {
    String key = "BENCH-" + sequence.incrementAndGet();
    return new Created(runtimeService.startProcessInstanceByKey(SHAPE, key).getId());
  }

  /** {@code count} instances that end at once, one transaction each: history volume for the query workloads. */
  @PostMapping("/finished-instances")
  public Timed finished(@RequestParam int count) {
    int n = Math.min(Math.max(count, 0), MAX_PER_CALL);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      runtimeService.startProcessInstanceByKey(FINISHED, "BENCH-F-" + sequence.incrementAndGet());
    }
    return Timed.of(n, 1, start);
  }

  /**
   * Up to {@code count} evaluations of incident-severity through the DecisionService on {@code threads} threads,
   * stopping after {@code maxMillis}: the count reached is in the answer.
   */
  @PostMapping("/severity-evaluations")
  public Timed severity(@RequestParam int count, @RequestParam(defaultValue = "1") int threads,
      @RequestParam(defaultValue = "20000") long maxMillis) throws Exception {
    int n = Math.min(Math.max(count, 0), MAX_PER_CALL);
    int t = Math.min(Math.max(threads, 1), 16);
    long deadline = System.nanoTime() + Math.min(Math.max(maxMillis, 1), 60_000) * 1_000_000;
    AtomicLong done = new AtomicLong();
    Authentication caller = identityService.getCurrentAuthentication();
    ExecutorService pool = Executors.newFixedThreadPool(t);
    try {
      long start = System.nanoTime();
      Future<?>[] parts = new Future<?>[t];
      for (int p = 0; p < t; p++) {
        int share = n / t + (p < n % t ? 1 : 0);
        int offset = p;
        parts[p] = pool.submit(() -> evaluate(share, offset, caller, deadline, done));
      }
      for (Future<?> part : parts) {
        part.get();
      }
      return Timed.of(done.get(), t, start);
    } finally {
      pool.shutdownNow();
    }
  }

  private void evaluate(int count, int offset, Authentication caller, long deadline, AtomicLong done) {
    List<Map<String, Object>> inputs = severityInputs();
    if (caller != null) {
      identityService.setAuthentication(caller);
    }
    try {
      for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
        decisionService.evaluateDecisionTableByKey("incident-severity", inputs.get((i + offset) % inputs.size()));
        done.incrementAndGet();
      }
    } finally {
      identityService.clearAuthentication();
    }
  }
}
