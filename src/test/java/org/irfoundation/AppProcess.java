package org.irfoundation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The packaged app ({@code irf.jar}) as its own operating-system process, for crash, restart and large-upload
 * tests.
 */
public final class AppProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;
  private final String authorization;

  private AppProcess(Process process, int port, String user, String password) {
    this.process = process;
    this.port = port;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  /** Starts the jar in {@code workDir} (its {@code ./data} lives there) and waits until it is healthy. */
  public static AppProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(workDir, env, List.of("-Xmx512m"), args);
  }

  /** Like {@link #start(Path, Map, String...)}, with the JVM options given (e.g. {@code -Xmx256m}). */
  public static AppProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    String jar = System.getProperty("irf.jar");
    if (jar == null) {
      throw new IllegalStateException("system property irf.jar is not set: run this through 'mvn verify'");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar, "--server.port=" + port));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
    builder.environment().putAll(env);
    AppProcess app = new AppProcess(builder.start(), port, env.get("IRF_ADMIN_USER"), env.get("IRF_ADMIN_PASSWORD"));
    app.awaitHealthy(Duration.ofSeconds(120));
    return app;
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the app exited with " + process.exitValue() + " during start-up");
      }
      try {
        if (get("/actuator/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the app was not healthy within " + timeout);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends any request built from {@link #request(String)}. */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return HTTP.send(request, body);
  }

  /** A request to {@code path} with the administrator's credentials and a 30 s timeout (override as needed). */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
  }

  public long pid() {
    return process.pid();
  }

  /** The app's peak resident set size (VmHWM) in KiB, or -1 where /proc is not available. */
  public long peakRssKib() {
    try {
      return java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(-1L);
    } catch (IOException | RuntimeException notLinux) {
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no clean close of the database. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
