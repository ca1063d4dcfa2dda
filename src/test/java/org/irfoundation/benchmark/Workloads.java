package org.irfoundation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests of each workload, and what was accepted (to check at the end that nothing was lost): repeats of open
 * fingerprints are counted per fingerprint, every new fingerprint should have opened one incident.
 */
final class Workloads {

  static final double NEW_SHARE = 0.10;

  final BenchApp app;
  final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  final List<String> repeatFingerprints = new ArrayList<>();
  final Map<String, String> incidentOfFingerprint = new ConcurrentHashMap<>();
  final Map<String, LongAdder> acceptedRepeats = new ConcurrentHashMap<>();
  final LongAdder acceptedNew = new LongAdder();
  final LongAdder incidentsReported = new LongAdder();
  private final AtomicLong sequence = new AtomicLong();

  Workloads(BenchApp app) {
    this.app = app;
  }

  /** Opens the incidents whose fingerprints the repeats use; the first one later gets the big alert volume. */
  void openRepeatFingerprints(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String fingerprint = "bench-" + run + "-repeat-" + i;
      JsonNode outcome = app.call(app.postJson("/api/alerts", alert(fingerprint)));
      JsonNode first = outcome.isArray() ? outcome.get(0) : outcome;
      String incident = first.path("incidentId").asText(null);
      if (incident == null) {
        throw new IllegalStateException("no incidentId in the alert's answer: " + outcome);
      }
      repeatFingerprints.add(fingerprint);
      incidentOfFingerprint.put(fingerprint, incident);
      acceptedRepeats.computeIfAbsent(fingerprint, f -> new LongAdder()).increment();
    }
  }

  String bigIncident() {
    return incidentOfFingerprint.get(repeatFingerprints.get(0));
  }

  Load.Call noop() {
    return new Load.Call(app.request("/api/me").GET().build(), 1, null);
  }

  Load.Call insert() {
    return new Load.Call(app.request("/api/benchmark/rows").POST(HttpRequest.BodyPublishers.noBody()).build(), 1,
        null);
  }

  Load.Call engineStart() {
    return new Load.Call(app.request("/api/benchmark/engine-starts").POST(HttpRequest.BodyPublishers.noBody())
        .build(), 1, null);
  }

  Load.Call incidentStart() {
    long n = sequence.incrementAndGet();
    String body = "{\"title\":\"Benchmark incident " + run + "-" + n + "\",\"category\":\"MALWARE\","
        + "\"detectedAt\":\"" + Instant.now().minusSeconds(5) + "\",\"source\":\"benchmark\","
        + "\"impact\":{\"functional\":\"LOW\"}}";
    return new Load.Call(app.postJson("/api/incidents", body), 1, incidentsReported::increment);
  }

  /** One alert: 90 % a repeat of an open fingerprint, 10 % a new one. */
  Load.Call singleAlert() {
    List<String> fingerprints = new ArrayList<>(1);
    String body = alert(nextFingerprint(fingerprints));
    return new Load.Call(app.postJson("/api/alerts", body), 1, () -> accepted(fingerprints));
  }

  /** {@code size} alerts in one request, with the same mix; {@code onlyFingerprint} for the big incident's seed. */
  Load.Call batch(int size, String onlyFingerprint) {
    List<String> fingerprints = new ArrayList<>(size);
    StringBuilder body = new StringBuilder(size * 160).append('[');
    for (int i = 0; i < size; i++) {
      String fingerprint;
      if (onlyFingerprint == null) {
        fingerprint = nextFingerprint(fingerprints);
      } else {
        fingerprint = onlyFingerprint;
        fingerprints.add(fingerprint);
      }
      body.append(i == 0 ? "" : ",").append(alert(fingerprint));
    }
    body.append(']');
    return new Load.Call(app.postJson("/api/alerts", body.toString()), size, () -> accepted(fingerprints));
  }

  private String nextFingerprint(List<String> sent) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String fingerprint = random.nextDouble() < NEW_SHARE
        ? "bench-" + run + "-new-" + sequence.incrementAndGet()
        : repeatFingerprints.get(random.nextInt(repeatFingerprints.size()));
    sent.add(fingerprint);
    return fingerprint;
  }

  private void accepted(List<String> fingerprints) {
    for (String fingerprint : fingerprints) {
      LongAdder repeats = acceptedRepeats.get(fingerprint);
      if (repeats != null) {
        repeats.increment();
      } else {
        acceptedNew.increment();
      }
    }
  }

  long acceptedAlerts() {
    return acceptedNew.sum() + acceptedRepeats.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private static String alert(String fingerprint) {
    return "{\"fingerprint\":\"" + fingerprint + "\",\"source\":\"benchmark\",\"category\":\"MALWARE\","
        + "\"title\":\"Benchmark alert " + fingerprint + "\",\"observedAt\":\"" + Instant.now().minusSeconds(1)
        + "\",\"indicators\":{\"productionAffected\":false}}";
  }
}
