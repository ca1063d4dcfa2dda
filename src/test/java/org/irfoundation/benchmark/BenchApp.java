package org.irfoundation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** The packaged app as a child process on a free port, and the HTTP calls the benchmark makes to it. */
final class BenchApp implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER = "admin";
  static final String PASSWORD = "Bench-pass-1!";

  final Process process;
  final int port;
  final long startupMillis;
  private final HttpClient http;
  private final String authorization;

  private BenchApp(Process process, int port, long startupMillis, HttpClient http) {
    this.process = process;
    this.port = port;
    this.startupMillis = startupMillis;
    this.http = http;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes());
  }

  static BenchApp start(Path jar, Path workDir, Map<String, String> env, List<String> jvmOptions,
      List<String> appArgs, int clients) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(appArgs);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
    builder.environment().putAll(env);
    builder.environment().put("IRF_ADMIN_USER", USER);
    builder.environment().put("IRF_ADMIN_PASSWORD", PASSWORD);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(Math.max(2, clients), runnable -> {
          Thread thread = new Thread(runnable, "bench-http");
          thread.setDaemon(true);
          return thread;
        }))
        .connectTimeout(Duration.ofSeconds(5)).build();
    long started = System.nanoTime();
    Process process = builder.start();
    BenchApp app = new BenchApp(process, port, 0, http);
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the app exited with " + process.exitValue() + ": see " + workDir
            + "/app.log");
      }
      try {
        // readiness: after ApplicationReadyEvent, so the benchmark profile has deployed its models
        if (app.send(app.request("/actuator/health/readiness").GET().build()).statusCode() == 200) {
          return new BenchApp(process, port, (System.nanoTime() - started) / 1_000_000, http);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the app was not ready within 180 s: see " + workDir + "/app.log");
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", authorization);
  }

  HttpRequest postJson(String path, String body) {
    return request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A call that must succeed; its body as JSON (null when empty). */
  JsonNode call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
          + new String(response.body()));
    }
    return response.body().length == 0 ? null : JSON.readTree(response.body());
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return call(request(path).GET().build());
  }

  /** Executable jobs: the async backlog the job executor has yet to work off. */
  long backlog() throws IOException, InterruptedException {
    return get("/engine-rest/job/count?executable=true").path("count").asLong();
  }

  /** VmRSS of the app in MiB, or -1 without /proc. */
  long rssMib() {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(-1024L) / 1024;
    } catch (IOException | RuntimeException notLinux) {
      return -1;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
