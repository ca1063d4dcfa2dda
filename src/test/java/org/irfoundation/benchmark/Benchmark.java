package org.irfoundation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The benchmark of docs/benchmarks.md: the packaged app against its own baselines in the same JVM, database and run.
 * {@code mvn -o -B -Pbenchmark verify -DskipTests} (add {@code -Dbench.quick=true}, {@code -Dbench.db=postgres}).
 * Arguments: the jar, the target folder (benchmark.json, the app's work folder).
 */
public final class Benchmark {

  static final boolean QUICK = Boolean.getBoolean("bench.quick");
  static final String DB = System.getProperty("bench.db", "h2");
  static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", QUICK ? "12" : "90"));
  static final double WINDOW = Double.parseDouble(System.getProperty("bench.window", QUICK ? "4" : "6"));
  static final int INCIDENTS = Integer.getInteger("bench.incidents", QUICK ? 300 : 10_000);
  static final int FINISHED = Integer.getInteger("bench.finished", QUICK ? 2_000 : 100_000);
  static final int BIG_ALERTS = Integer.getInteger("bench.bigAlerts", QUICK ? 20_000 : 1_000_000);
  static final double SEED_SECONDS = Double.parseDouble(System.getProperty("bench.seedSeconds", QUICK ? "15" : "40"));
  static final double DRAIN_SECONDS = 120;

  private final BenchApp app;
  private final Workloads work;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final Map<String, List<Load.Result>> results = new LinkedHashMap<>();
  private final Map<String, List<Double>> sustained = new LinkedHashMap<>();
  private final List<Map<String, Object>> backlogs = new ArrayList<>();

  private Benchmark(BenchApp app) {
    this.app = app;
    this.work = new Workloads(app);
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Path workDir = target.resolve("benchmark-work-" + System.currentTimeMillis());
    Map<String, String> env = new LinkedHashMap<>();
    List<String> appArgs = new ArrayList<>(List.of("--spring.profiles.active=" + ("postgres".equals(DB)
        ? "postgres,benchmark" : "benchmark")));
    appArgs.addAll(split(System.getProperty("bench.appArgs", "")));
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    jvm.addAll(split(System.getProperty("bench.jvmArgs", "")));
    EmbeddedPostgres postgres = null;
    if ("postgres".equals(DB)) {
      postgres = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("pg")).setCleanDataDirectory(true)
          .start();
      env.put("IRF_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
      env.put("IRF_DB_USER", "postgres");
      env.put("IRF_DB_PASSWORD", "postgres");
    }
    try (BenchApp app = BenchApp.start(jar, workDir, env, jvm, appArgs, CLIENTS)) {
      Benchmark benchmark = new Benchmark(app);
      benchmark.report.put("mode", QUICK ? "quick" : "full");
      benchmark.report.put("db", DB);
      benchmark.report.put("label", System.getProperty("bench.label", ""));
      benchmark.report.put("clients", CLIENTS);
      benchmark.report.put("jvm", jvm);
      benchmark.report.put("appArgs", appArgs);
      benchmark.report.put("cores", Runtime.getRuntime().availableProcessors());
      benchmark.report.put("startupMillis", app.startupMillis);
      benchmark.report.put("rssAfterStartMib", app.rssMib());
      try {
        benchmark.run();
      } catch (Exception | Error e) {
        // exec:java would only say "exception": the cause goes to the console
        e.printStackTrace();
        throw e;
      }
      // the database's size on disk: H2's file store grows with every commit of a storm
      benchmark.report.put("databaseMib", diskMib(workDir));
      System.out.println(Table.of(benchmark.report));
      System.out.printf("database on disk at the end: %d MiB%n", benchmark.report.get("databaseMib"));
      Path json = target.resolve("benchmark.json");
      Files.writeString(json, BenchApp.JSON.enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(benchmark.report));
      System.out.println("written: " + json + (Boolean.getBoolean("bench.keep") ? " (app log: "
          + workDir.resolve("app.log") + ")" : " (the work folder is removed; -Dbench.keep=true keeps it)"));
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      // tens of GiB after a full run on H2: kept only when asked for
      if (!Boolean.getBoolean("bench.keep")) {
        try (Stream<Path> files = Files.walk(workDir)) {
          files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  static long diskMib(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("app.log"))
          .mapToLong(f -> f.toFile().length()).sum() >> 20;
    }
  }

  private void run() throws Exception {
    long began = System.nanoTime();
    work.openRepeatFingerprints(20);
    drain("setup");
    Map<String, IntFunction<Load.Call>> phases = phases();
    log("warm-up " + WARMUP + " s");
    for (Map.Entry<String, IntFunction<Load.Call>> phase : phases.entrySet()) {
      Load.run(app, phase.getKey(), CLIENTS, WARMUP / phases.size(), 0, phase.getValue());
      drain(null);
    }
    List<Double> severity = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      for (Map.Entry<String, IntFunction<Load.Call>> phase : phases.entrySet()) {
        Load.Result result = Load.run(app, phase.getKey(), CLIENTS, WINDOW, 0, phase.getValue());
        log("round " + round + " " + result);
        results.computeIfAbsent(phase.getKey(), k -> new ArrayList<>()).add(result);
        double drained = drain(phase.getKey() + "#" + round);
        sustained.computeIfAbsent(phase.getKey(), k -> new ArrayList<>())
            .add(drained < 0 ? 0 : result.items() / (result.seconds() + drained));
      }
      JsonNode evaluations = app.call(app.request("/api/benchmark/severity-evaluations?count="
          + (QUICK ? 20_000 : 100_000) + "&threads=2&maxMillis=" + (long) (WINDOW * 1000)).POST(HttpRequest.BodyPublishers.noBody()).build());
      severity.add(evaluations.path("perSecond").asDouble());
      log("round " + round + " severity " + evaluations);
    }
    report.put("phases", summary());
    report.put("severityEvaluationsPerSecond", Map.of("runs", severity, "median", median(severity)));
    report.put("backlog", backlogs);

    double peak = median(results.get("alerts-single").stream().map(Load.Result::perSecond).toList());
    Load.Result half = Load.run(app, "alerts-single-half-load", CLIENTS, WINDOW * 2, peak / 2, i -> work.singleAlert());
    drain("alerts-half");
    report.put("alertsAtHalfLoad", half.json());

    new Volumes(app, work, report).seedAndMeasure(INCIDENTS, FINISHED, BIG_ALERTS, SEED_SECONDS, CLIENTS);
    report.put("lost", new Volumes(app, work, report).lostCheck());
    report.put("totalSeconds", Load.round((System.nanoTime() - began) / 1e9));
  }

  private Map<String, IntFunction<Load.Call>> phases() {
    Map<String, IntFunction<Load.Call>> phases = new LinkedHashMap<>();
    phases.put("noop", i -> work.noop());
    phases.put("insert", i -> work.insert());
    phases.put("alerts-single", i -> work.singleAlert());
    phases.put("alerts-batch100", i -> work.batch(100, null));
    phases.put("engine-start", i -> work.engineStart());
    phases.put("incident-start", i -> work.incidentStart());
    return phases;
  }

  private Map<String, Object> summary() {
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Map.Entry<String, List<Load.Result>> entry : results.entrySet()) {
      List<Load.Result> runs = entry.getValue();
      Map<String, Object> phase = new LinkedHashMap<>();
      phase.put("perSecond", Load.round(median(runs.stream().map(Load.Result::perSecond).toList())));
      phase.put("itemsPerSecond", Load.round(median(runs.stream().map(Load.Result::itemsPerSecond).toList())));
      phase.put("sustainedItemsPerSecond", Load.round(median(sustained.get(entry.getKey()))));
      phase.put("p50Millis", Load.round(median(runs.stream().map(Load.Result::p50Millis).toList())));
      phase.put("p99Millis", Load.round(median(runs.stream().map(Load.Result::p99Millis).toList())));
      phase.put("errors", runs.stream().mapToLong(Load.Result::errors).sum());
      phase.put("runs", runs.stream().map(Load.Result::json).toList());
      phases.put(entry.getKey(), phase);
    }
    return phases;
  }

  /** Waits for the job executor to work off the backlog; seconds it took, -1 if it did not within the limit. */
  double drain(String label) throws Exception {
    long start = System.nanoTime();
    List<List<Number>> samples = new ArrayList<>();
    long max = 0;
    while (true) {
      double at = (System.nanoTime() - start) / 1e9;
      long backlog = app.backlog();
      samples.add(List.of(Load.round(at), backlog));
      max = Math.max(max, backlog);
      if (backlog == 0 || at > DRAIN_SECONDS) {
        if (label != null && max > 0) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("after", label);
          entry.put("maxBacklog", max);
          entry.put("drainSeconds", Load.round(at));
          entry.put("drained", backlog == 0);
          entry.put("samples", samples.size() > 40 ? samples.subList(0, 40) : samples);
          backlogs.add(entry);
        }
        return backlog == 0 ? at : -1;
      }
      Thread.sleep(250);
    }
  }

  static double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  static List<String> split(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  static void log(String line) {
    System.out.println("[bench] " + line);
  }

  static HttpResponse<byte[]> timed(BenchApp app, HttpRequest request, long[] nanos) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = app.send(request);
    nanos[0] = System.nanoTime() - start;
    return response;
  }
}
