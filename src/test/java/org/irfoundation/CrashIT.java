package org.irfoundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL in the middle of a burst of alerts and of a large streamed evidence upload, on H2 (the default file
 * database) and on PostgreSQL. After a restart: every alert answered 202 and the evidence answered 201 are there,
 * the cut-off upload left nothing behind (its spooled part is removed on start by the stale-upload sweep; no catalog
 * row, no blob, no custody entry), and the incident's chain of custody verifies.
 */
class CrashIT {

  static final Map<String, String> ADMIN = Map.of("IRF_ADMIN_USER", "admin", "IRF_ADMIN_PASSWORD", "Crash-pw-1");
  static final int CLIENTS = 4;
  static final int ALERTS_PER_REQUEST = 5;
  /** Kill once this many alerts are acknowledged and this much of the upload is spooled. */
  static final int ALERTS_BEFORE_KILL = 300;
  static final long SPOOLED_BEFORE_KILL = 16L << 20;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgres"})
  void acknowledgedWorkSurvivesAKillAndACutOffUploadLeavesNothing(String database) throws Exception {
    ClusterDatabase postgres = database.equals("postgres") ? new ClusterDatabase() : null;
    try (AutoCloseable stopPostgres = postgres == null ? () -> { } : postgres) {
      Map<String, String> env = new HashMap<>(ADMIN);
      // every alert kept whole (the raw sample's maximum), so each acknowledged alert is found by its own number
      env.put("IRF_INTAKE_ALERTS_RAWSAMPLE", "100000");
      List<String> args = new ArrayList<>(List.of("--irf.evidence.stale-part-age=PT2S"));
      if (postgres != null) {
        env.putAll(postgres.env());
        args.add("--spring.profiles.active=postgres");
      }
      Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
      String incident;
      String kept;
      Path spool = workDir.resolve("data/evidence-spool");
      try (AppProcess app = AppProcess.start(workDir, env, args.toArray(String[]::new))) {
        incident = incident(app);
        kept = JSON.readTree(upload(app, incident, 4096).body()).get("id").asText();

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          clients.submit(() -> burst(app, client, running, acknowledged));
        }
        clients.submit(() -> upload(app, incident, 1L << 30)); // cut off by the kill
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while ((acknowledged.size() < ALERTS_BEFORE_KILL || spooled(spool) < SPOOLED_BEFORE_KILL)
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        assertThat(spooled(spool)).as("upload under way").isGreaterThanOrEqualTo(SPOOLED_BEFORE_KILL);
        app.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      }
      int leftBySpool = files(spool).size();

      try (AppProcess restarted = AppProcess.start(workDir, env, args.toArray(String[]::new))) {
        // alerts: every acknowledged one is there, once
        Map<Integer, Integer> stored = new HashMap<>();
        for (String id : incidentsOfAlerts(restarted)) {
          JsonNode alerts = JSON.readTree(restarted.get("/api/incidents/" + id + "/alerts?size=500").body());
          assertThat(alerts.get("total").asLong()).isLessThanOrEqualTo(500);
          alerts.get("items").forEach(a -> stored.merge(a.get("details").get("alert").asInt(), 1, Integer::sum));
        }
        assertThat(stored.keySet()).containsAll(acknowledged);
        assertThat(stored.values()).allMatch(n -> n == 1);

        // evidence: the finished item only; nothing of the cut-off one in the catalog, the store or the spool
        JsonNode items = JSON.readTree(restarted.get("/api/incidents/" + incident + "/evidence").body());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isEqualTo(kept);
        Path store = workDir.resolve("data/evidence");
        assertThat(blobs(store)).containsExactly(kept);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!files(spool).isEmpty() && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
        }
        assertThat(files(spool)).as("spooled parts of the cut-off upload").isEmpty();
        assertThat(files(store.resolve(".tmp"))).as("half-copied parts").isEmpty();

        JsonNode custody = JSON.readTree(restarted.get("/api/incidents/" + incident + "/custody/verify").body());
        assertThat(custody.get("intact").asBoolean()).as(custody.toString()).isTrue();
        System.out.printf("crash on %s: %d alerts acknowledged before the kill, all %d found after the restart"
            + " (%d stored in all, none twice); cut-off upload left %d spooled file(s), removed on start; custody"
            + " intact (%d entries)%n", database, acknowledged.size(), acknowledged.size(), stored.size(),
            leftBySpool, custody.get("entries").asLong());
      }
    }
  }

  static List<String> fingerprints() {
    return List.of("crash-fp-0", "crash-fp-1", "crash-fp-2", "crash-fp-3");
  }

  private static void burst(AppProcess app, int client, AtomicBoolean running, Set<Integer> acknowledged) {
    for (int request = 0; running.get(); request++) {
      int first = (client * 1_000_000) + request * ALERTS_PER_REQUEST;
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < ALERTS_PER_REQUEST; i++) {
        body.append(i == 0 ? "" : ",").append("""
            {"fingerprint": "%s", "title": "Burst", "observedAt": "%s", "details": {"alert": %d}}"""
            .formatted(fingerprints().get(client), Instant.now().minusSeconds(5), first + i));
      }
      try {
        if (app.postJson("/api/alerts", body.append("]").toString()).statusCode() == 202) {
          for (int i = 0; i < ALERTS_PER_REQUEST; i++) {
            acknowledged.add(first + i);
          }
        }
      } catch (IOException | InterruptedException killed) {
        return;
      }
    }
  }

  /** The incidents the burst's fingerprints opened (one each), from the incident list. */
  private static Set<String> incidentsOfAlerts(AppProcess app) throws IOException, InterruptedException {
    Set<String> ids = new HashSet<>();
    JsonNode page = JSON.readTree(app.get("/api/incidents?size=100").body());
    for (JsonNode item : page.get("items")) {
      if (item.get("title").asText().equals("Burst")) {
        ids.add(item.get("id").asText());
      }
    }
    return ids;
  }

  private static String incident(AppProcess app) throws IOException, InterruptedException {
    HttpResponse<String> reported = app.postJson("/api/incidents", """
        {"title": "Ransomware on host-9", "category": "RANSOMWARE", "detectedAt": "%s", "source": "crash-it"}"""
        .formatted(Instant.now().minusSeconds(600)));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    return JSON.readTree(reported.body()).get("id").asText();
  }

  /** A streamed upload of {@code size} generated bytes. */
  private static HttpResponse<String> upload(AppProcess app, String incident, long size) throws Exception {
    String boundary = "irf-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nDisk image\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"collectedAt\"\r\n\r\n2026-11-28T09:12:00+01:00[Europe/Berlin]\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"host-9.img\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    InputStream file = new Generated(size);
    HttpResponse<String> answer = app.send(app.request("/api/incidents/" + incident + "/evidence")
        .timeout(Duration.ofMinutes(10)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
            () -> new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), file),
                new ByteArrayInputStream(tail))), head.length + size + tail.length))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer;
  }

  /** {@code size} bytes made while read (no fixture file): a repeated pseudo-random block. */
  static final class Generated extends InputStream {
    private final byte[] block = new byte[1 << 16];
    private long remaining;

    Generated(long size) {
      this.remaining = size;
      new java.util.Random(17).nextBytes(block);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(length, block.length), remaining);
      System.arraycopy(block, (int) (remaining % 4096), target, offset, Math.min(n, block.length - 4096));
      remaining -= Math.min(n, block.length - 4096);
      return Math.min(n, block.length - 4096);
    }
  }

  private static long spooled(Path spool) throws IOException {
    long bytes = 0;
    for (Path file : files(spool)) {
      bytes += Files.size(file);
    }
    return bytes;
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isRegularFile).toList();
    }
  }

  /** The evidence ids whose files are in the store under their final names. */
  private static List<String> blobs(Path store) throws IOException {
    try (Stream<Path> all = Files.walk(store)) {
      return all.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals(".tmp"))
          .map(p -> p.getFileName().toString()).toList();
    }
  }
}
