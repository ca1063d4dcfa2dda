package org.irfoundation.evidence;

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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.irfoundation.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB file through the packaged app with its heap capped at 256 MiB: the upload is streamed (never held
 * in memory), stored with the SHA-256 the client computed, verifies, and streams back out unchanged. The bytes
 * are generated on the fly on both sides; there is no fixture file.
 */
class EvidenceUploadIT {

  static final long SIZE = 1L << 30;
  static final Map<String, String> ENV = Map.of("IRF_ADMIN_USER", "admin", "IRF_ADMIN_PASSWORD", "Upload-test-pw-1");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  @Test
  void aOneGibibyteFileStreamsThroughA256MibHeapAndKeepsItsHash() throws Exception {
    try (AppProcess app = AppProcess.start(workDir, ENV, List.of("-Xmx256m"))) {
      String incident = incident(app);
      Generated file = new Generated(SIZE, 20261128L);
      String boundary = "irf-" + UUID.randomUUID();
      byte[] head = ("--" + boundary + "\r\n"
          + part("description", "Full disk image of host-17 (generated)", boundary)
          + part("collectedAt", "2026-11-28T09:12:00+01:00[Europe/Berlin]", boundary)
          + part("collectionMethod", "dd", boundary)
          + "Content-Disposition: form-data; name=\"file\"; filename=\"host-17.img\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

      Instant started = Instant.now();
      HttpResponse<String> uploaded = app.send(app.request("/api/incidents/" + incident + "/evidence")
          .timeout(Duration.ofMinutes(10))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
              () -> new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), file),
                  new ByteArrayInputStream(tail))), head.length + SIZE + tail.length))
          .build(), HttpResponse.BodyHandlers.ofString());
      Duration upload = Duration.between(started, Instant.now());

      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
      JsonNode item = JSON.readTree(uploaded.body());
      String expected = file.sha256();
      assertThat(item.get("size").asLong()).isEqualTo(SIZE);
      assertThat(item.get("sha256").asText()).isEqualTo(expected);
      String id = item.get("id").asText();
      Path stored = workDir.resolve("data/evidence").resolve(id.substring(0, 2)).resolve(id);
      assertThat(Files.size(stored)).isEqualTo(SIZE);

      started = Instant.now();
      HttpResponse<String> verified = app.send(app.request("/api/incidents/" + incident + "/evidence/" + id
          + "/verify").timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      Duration verify = Duration.between(started, Instant.now());
      assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as(verified.body()).isTrue();
      assertThat(JSON.readTree(verified.body()).get("actualSha256").asText()).isEqualTo(expected);

      started = Instant.now();
      HttpResponse<InputStream> download = app.send(app.request("/api/incidents/" + incident + "/evidence/" + id
          + "/content").timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      String downloaded;
      try (InputStream in = download.body()) {
        downloaded = HexFormat.of().formatHex(digest(in));
      }
      Duration read = Duration.between(started, Instant.now());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(downloaded).isEqualTo(expected);

      long peakRssKib = app.peakRssKib();
      System.out.printf("1 GiB evidence, heap capped at 256 MiB: upload %.1f s, verify %.1f s, download %.1f s,"
          + " peak RSS %d MiB%n", upload.toMillis() / 1000.0, verify.toMillis() / 1000.0, read.toMillis() / 1000.0,
          peakRssKib / 1024);
      // the whole file could not fit: the heap is 256 MiB, direct memory is bounded by it too
      if (peakRssKib > 0) {
        assertThat(peakRssKib * 1024).isLessThan(SIZE);
      }
      try (Stream<Path> spool = Files.list(workDir.resolve("data/evidence-spool"))) {
        assertThat(spool).as("spooled upload parts are removed").isEmpty();
      }
    }
  }

  /** An incident to attach the evidence to (with a stand-in incident-response process where none is deployed). */
  private static String incident(AppProcess app) throws IOException, InterruptedException {
    if (app.get("/engine-rest/process-definition/key/incident-response").statusCode() == 404) {
      deployStandIn(app);
    }
    HttpResponse<String> reported = app.postJson("/api/incidents", """
        {"title": "Ransomware on host-17", "category": "RANSOMWARE", "detectedAt": "%s", "source": "it"}"""
        .formatted(Instant.now().minusSeconds(3600)));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    return JSON.readTree(reported.body()).get("id").asText();
  }

  private static void deployStandIn(AppProcess app) throws IOException, InterruptedException {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_StandIn" targetNamespace="http://irf">
          <bpmn:process id="incident-response" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Reported" />
            <bpmn:userTask id="Task_Respond" />
            <bpmn:sequenceFlow id="Flow_ToRespond" sourceRef="Event_Reported" targetRef="Task_Respond" />
          </bpmn:process>
        </bpmn:definitions>""";
    String boundary = "irf-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n" + part("deployment-name", "stand-in", boundary)
        + "Content-Disposition: form-data; name=\"data\"; filename=\"incident-response.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> deployed = app.send(app.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  private static String part(String name, String value, String boundary) {
    return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n--" + boundary + "\r\n";
  }

  private static byte[] digest(InputStream in) throws IOException {
    MessageDigest sha256 = HashingCopy.sha256();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      sha256.update(buffer, 0, n);
    }
    return sha256.digest();
  }

  /** {@code size} pseudo-random bytes made while read, hashed on the way (for the expected SHA-256). */
  static final class Generated extends InputStream {
    private final byte[] block = new byte[1 << 16];
    private final SplittableRandom random;
    private final MessageDigest sha256 = HashingCopy.sha256();
    private long remaining;
    private int position = block.length;

    Generated(long size, long seed) {
      this.remaining = size;
      this.random = new SplittableRandom(seed);
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
      if (position == block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            block[i + b] = (byte) (value >>> (8 * b));
          }
        }
        position = 0;
      }
      int n = (int) Math.min(Math.min(length, block.length - position), remaining);
      System.arraycopy(block, position, target, offset, n);
      sha256.update(block, position, n);
      position += n;
      remaining -= n;
      return n;
    }

    /** The hash of everything read; call after the last byte. */
    String sha256() {
      if (remaining != 0) {
        throw new IllegalStateException(remaining + " bytes not read yet");
      }
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}
