package org.irfoundation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The footprint and the query workloads: seed open incidents (their tasks), finished instances and one incident's big
 * alert volume, each within a time budget (the volume reached is reported), then time Tasklist's task query and the
 * incident view. And the final count: every accepted alert is in the database.
 */
final class Volumes {

  private final BenchApp app;
  private final Workloads work;
  private final Map<String, Object> report;

  Volumes(BenchApp app, Workloads work, Map<String, Object> report) {
    this.app = app;
    this.work = work;
    this.report = report;
  }

  void seedAndMeasure(int incidents, int finished, int bigAlerts, double seedSeconds, int clients) throws Exception {
    Map<String, Object> volumes = new LinkedHashMap<>();
    // open incidents (each waits in its first user task) up to the target, then the footprint
    long open = openIncidents();
    long seedStart = System.nanoTime();
    while (open < incidents && (System.nanoTime() - seedStart) / 1e9 < seedSeconds * 2) {
      Load.run(app, "seed-incidents", clients, 5, 0, i -> work.incidentStart());
      open = openIncidents();
    }
    drainQuietly();
    volumes.put("openIncidents", open);
    volumes.put("openTasks", app.get("/engine-rest/task/count").path("count").asLong());
    report.put("rssAfterIncidentsMib", app.rssMib());

    long done = app.get("/engine-rest/history/process-instance/count?finished=true").path("count").asLong();
    seedStart = System.nanoTime();
    while (done < finished && (System.nanoTime() - seedStart) / 1e9 < seedSeconds) {
      int chunk = (int) Math.min(2_000, finished - done);
      app.call(app.request("/api/benchmark/finished-instances?count=" + chunk)
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      done += chunk;
    }
    volumes.put("finishedInstances",
        app.get("/engine-rest/history/process-instance/count?finished=true").path("count").asLong());

    String big = work.repeatFingerprints.get(0);
    int batch = 1000;
    Load.Call probe = work.batch(batch, big);
    int probed = app.send(probe.request()).statusCode();
    if (probed == 400) {
      batch = 100;
    } else if (probed < 300) {
      probe.onAccepted().run(); // it was accepted: the lost check counts it
    }
    LongAdder bigAccepted = work.acceptedRepeats.get(big);
    int size = batch;
    seedStart = System.nanoTime();
    long before = bigAccepted.sum();
    while (bigAccepted.sum() < bigAlerts && (System.nanoTime() - seedStart) / 1e9 < seedSeconds * 2) {
      Load.run(app, "seed-big-incident", Math.min(4, clients), 5, 0, i -> work.batch(size, big));
    }
    double bigSeconds = (System.nanoTime() - seedStart) / 1e9;
    drainQuietly();
    volumes.put("bigIncidentAlertsAccepted", bigAccepted.sum());
    volumes.put("bigIncidentSeedAlertsPerSecond", Load.round((bigAccepted.sum() - before) / Math.max(1, bigSeconds)));
    report.put("volumes", volumes);
    report.put("rssAfterVolumesMib", app.rssMib());

    Map<String, Object> queries = new LinkedHashMap<>();
    // what Tasklist sends for its first page (sorted by creation, with the count beside it)
    String tasklistBody = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    queries.put("tasklistTaskPage", time(10, () -> app.postJson("/engine-rest/task?firstResult=0&maxResults=15",
        tasklistBody)));
    queries.put("tasklistTaskCount", time(10, () -> app.postJson("/engine-rest/task/count", tasklistBody)));
    JsonNode filters = app.get("/engine-rest/filter?resourceType=Task");
    if (filters.isArray() && !filters.isEmpty()) {
      String filter = filters.get(0).path("id").asText();
      queries.put("tasklistFilterList", time(10, () -> app.postJson("/engine-rest/filter/" + filter
          + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")));
    }
    String incident = work.bigIncident();
    queries.put("incidentView", time(10, () -> app.request("/api/incidents/" + incident).GET().build()));
    queries.put("incidentAlertsPage", time(10, () -> app.request("/api/incidents/" + incident + "/alerts?size=50")
        .GET().build()));
    report.put("queries", queries);
  }

  interface RequestMaker {
    HttpRequest make() throws Exception;
  }

  private Map<String, Object> time(int times, RequestMaker maker) throws Exception {
    long[] nanos = new long[times];
    long bytes = 0;
    int status = 0;
    for (int i = 0; i < times; i++) {
      long[] took = new long[1];
      HttpResponse<byte[]> response = Benchmark.timed(app, maker.make(), took);
      nanos[i] = took[0];
      bytes = response.body().length;
      status = response.statusCode();
    }
    Arrays.sort(nanos);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", status);
    result.put("p50Millis", Load.round(Load.percentile(nanos, 0.5)));
    result.put("maxMillis", Load.round(nanos[times - 1] / 1e6));
    result.put("bytes", bytes);
    return result;
  }

  /** Accepted alerts against what the API counts: each repeat incident's alert total, one incident per new one. */
  Map<String, Object> lostCheck() throws Exception {
    long counted = 0;
    for (String fingerprint : work.repeatFingerprints) {
      JsonNode page = app.get("/api/incidents/" + work.incidentOfFingerprint.get(fingerprint) + "/alerts?size=1");
      // "received" counts every alert folded in; "total" only those whose body is kept (the raw sample)
      counted += page.has("received") ? page.get("received").asLong() : total(page);
    }
    long repeatsAccepted = work.repeatFingerprints.stream().mapToLong(f -> work.acceptedRepeats.get(f).sum()).sum();
    long open = openIncidents();
    long expectedIncidents = work.repeatFingerprints.size() + work.acceptedNew.sum() + work.incidentsReported.sum();
    Map<String, Object> lost = new LinkedHashMap<>();
    lost.put("alertsAccepted", work.acceptedAlerts());
    lost.put("repeatAlertsAccepted", repeatsAccepted);
    lost.put("repeatAlertsCounted", counted);
    lost.put("newFingerprintsAccepted", work.acceptedNew.sum());
    lost.put("incidentsReported", work.incidentsReported.sum());
    lost.put("openIncidentsExpected", expectedIncidents);
    lost.put("openIncidentsCounted", open);
    lost.put("lost", (repeatsAccepted - counted) + (expectedIncidents - open));
    return lost;
  }

  private long openIncidents() throws Exception {
    return total(app.get("/api/incidents?status=OPEN&size=1"));
  }

  /** A page's total, whatever the field is called (the paged views may change shape). */
  static long total(JsonNode page) {
    for (String field : List.of("total", "totalElements", "totalItems", "count")) {
      if (page.has(field)) {
        return page.get(field).asLong();
      }
    }
    throw new IllegalStateException("no total in " + page.toString().substring(0, Math.min(300,
        page.toString().length())));
  }

  private void drainQuietly() throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (app.backlog() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
  }
}
