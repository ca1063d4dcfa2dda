package org.irfoundation.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
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
  private final AtomicLong sequence = new AtomicLong();

  public BenchmarkBaselines(JdbcTemplate jdbc, RepositoryService repositoryService, RuntimeService runtimeService,
      DecisionService decisionService, IdentityService identityService) {
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

  @EventListener(ApplicationReadyEvent.class)
  void prepare() {
    // the benchmark's own scratch table: no migration, it never exists outside this profile
    jdbc.execute("CREATE TABLE IF NOT EXISTS irf_bench_row (id VARCHAR(36) PRIMARY KEY,"
        + " created_at TIMESTAMP NOT NULL, body VARCHAR(200) NOT NULL)");
    repositoryService.createDeployment().name("benchmark").enableDuplicateFiltering(true)
        .addString(SHAPE + ".bpmn", BenchmarkModels.SHAPE_XML)
        .addString(FINISHED + ".bpmn", BenchmarkModels.FINISHED_XML)
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
    Map<String, Object> variables = new HashMap<>();
    variables.put("severity", "P3");
    variables.put("acknowledgeSla", "PT4H");
    variables.put("statusUpdateCadence", "PT8H");
    variables.put("title", "Benchmark incident " + key);
    return new Created(runtimeService.startProcessInstanceByKey(SHAPE, key, variables).getId());
  }

  /** {@code count} instances that end at once, one transaction each: history volume for the query workloads. */
  @PostMapping("/finished-instances")
  public Timed finished(@RequestParam int count) {
    int n = Math.min(Math.max(count, 0), MAX_PER_CALL);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      runtimeService.startProcessInstanceByKey(FINISHED, "BENCH-F-" + sequence.incrementAndGet(),
          Map.of("severity", "P4"));
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
    if (caller != null) {
      identityService.setAuthentication(caller);
    }
    try {
      String[] functional = {"NONE", "LOW", "MEDIUM", "HIGH"};
      for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("functionalImpact", functional[(i + offset) % functional.length]);
        inputs.put("informationImpact", (i & 1) == 0 ? "NONE" : "PRIVACY");
        inputs.put("recoverability", "REGULAR");
        inputs.put("actorActive", (i & 2) == 0);
        inputs.put("exfiltration", false);
        inputs.put("privilegedAccount", (i & 4) == 0);
        inputs.put("rootAccount", false);
        inputs.put("productionAffected", (i & 8) == 0);
        inputs.put("encryptionObserved", false);
        inputs.put("personalData", false);
        decisionService.evaluateDecisionTableByKey("incident-severity", inputs);
        done.incrementAndGet();
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The models as text: they are deployed by this profile only, so bpmn/ (and its coverage) never sees them. */
  static final class BenchmarkModels {
    private BenchmarkModels() {}

    static final String SHAPE_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_BenchmarkShape" targetNamespace="https://irfoundation.org/bpmn">
          <bpmn:message id="Message_BenchSeverityChanged" name="BenchmarkSeverityChanged" />
          <bpmn:process id="benchmark-incident-shape" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Started" targetRef="SubProcess_Open" />
            <bpmn:subProcess id="SubProcess_Open">
              <bpmn:startEvent id="Event_OpenStarted" />
              <bpmn:sequenceFlow id="Flow_2" sourceRef="Event_OpenStarted" targetRef="Task_One" />
              <bpmn:serviceTask id="Task_One" camunda:asyncBefore="true" camunda:delegateExpression="${benchmarkNoOp}" />
              <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_One" targetRef="Task_Two" />
              <bpmn:serviceTask id="Task_Two" camunda:asyncBefore="true" camunda:delegateExpression="${benchmarkNoOp}" />
              <bpmn:sequenceFlow id="Flow_4" sourceRef="Task_Two" targetRef="Task_Three" />
              <bpmn:serviceTask id="Task_Three" camunda:asyncBefore="true" camunda:delegateExpression="${benchmarkNoOp}" />
              <bpmn:sequenceFlow id="Flow_5" sourceRef="Task_Three" targetRef="Event_OpenEnded" />
              <bpmn:endEvent id="Event_OpenEnded" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="Flow_6" sourceRef="SubProcess_Open" targetRef="SubProcess_Respond" />
            <bpmn:subProcess id="SubProcess_Respond">
              <bpmn:startEvent id="Event_RespondStarted" />
              <bpmn:sequenceFlow id="Flow_7" sourceRef="Event_RespondStarted" targetRef="Task_Acknowledge" />
              <bpmn:userTask id="Task_Acknowledge" name="Acknowledge (benchmark)" camunda:candidateGroups="ir-lead" />
              <bpmn:boundaryEvent id="Event_AckOverdue" cancelActivity="false" attachedToRef="Task_Acknowledge">
                <bpmn:timerEventDefinition id="Timer_AckOverdue">
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${acknowledgeSla}</bpmn:timeDuration>
                </bpmn:timerEventDefinition>
              </bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="Flow_8" sourceRef="Event_AckOverdue" targetRef="Event_AckOverdueEnded" />
              <bpmn:endEvent id="Event_AckOverdueEnded" />
              <bpmn:sequenceFlow id="Flow_9" sourceRef="Task_Acknowledge" targetRef="Event_RespondEnded" />
              <bpmn:endEvent id="Event_RespondEnded" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="Event_StatusDue" cancelActivity="false" attachedToRef="SubProcess_Respond">
              <bpmn:timerEventDefinition id="Timer_StatusDue">
                <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${'R/'.concat(statusUpdateCadence)}</bpmn:timeCycle>
              </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="Flow_10" sourceRef="Event_StatusDue" targetRef="Event_StatusPosted" />
            <bpmn:endEvent id="Event_StatusPosted" />
            <bpmn:sequenceFlow id="Flow_11" sourceRef="SubProcess_Respond" targetRef="Event_Ended" />
            <bpmn:endEvent id="Event_Ended" />
            <bpmn:subProcess id="SubProcess_SeverityChanged" triggeredByEvent="true">
              <bpmn:startEvent id="Event_SeverityChanged" isInterrupting="false">
                <bpmn:messageEventDefinition id="Def_SeverityChanged" messageRef="Message_BenchSeverityChanged" />
              </bpmn:startEvent>
              <bpmn:sequenceFlow id="Flow_12" sourceRef="Event_SeverityChanged" targetRef="Event_SeverityHandled" />
              <bpmn:endEvent id="Event_SeverityHandled" />
            </bpmn:subProcess>
          </bpmn:process>
        </bpmn:definitions>
        """;

    static final String FINISHED_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_BenchmarkFinished" targetNamespace="https://irfoundation.org/bpmn">
          <bpmn:process id="benchmark-finished" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Started" targetRef="Task_Noop" />
            <bpmn:serviceTask id="Task_Noop" camunda:delegateExpression="${benchmarkNoOp}" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Noop" targetRef="Event_Ended" />
            <bpmn:endEvent id="Event_Ended" />
          </bpmn:process>
        </bpmn:definitions>
        """;
  }
}
