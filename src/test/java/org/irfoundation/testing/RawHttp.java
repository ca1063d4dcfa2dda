package org.irfoundation.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP to the app under test with the bytes as given: bodies that no JSON library would write (invalid UTF-8, JSON
 * escapes of lone surrogates), bodies without a declared length (chunked), and raw requests over a socket for header
 * values an HTTP client refuses to send (CR, LF, NUL).
 */
public final class RawHttp {

  public record Answer(int status, String contentType, String body) {

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json")
          && body.contains("\"status\":" + status);
    }
  }

  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();

  public RawHttp(int port) {
    this.port = port;
  }

  /** A request as {@code user} (null: anonymous), the body sent as is; {@code chunked}: no Content-Length. */
  public Answer send(String user, String password, String method, String path, String contentType, byte[] body,
      boolean chunked) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, publisher);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return send(request);
  }

  /** A request with {@code Authorization: Bearer token}. */
  public Answer bearer(String token, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Authorization", "Bearer " + token);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Answer json(String user, String password, String method, String path, String json) {
    return send(user, password, method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), false);
  }

  /** A request written byte for byte: {@code headers} lines as they are (they may hold CR, LF or NUL). */
  public Answer raw(String user, String password, String method, String path, List<String> headers) {
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\nAuthorization: " + basic(user, password) + "\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      String contentType = null;
      for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
        if (line.toLowerCase().startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
      }
      return new Answer(status, contentType, text.substring(text.indexOf("\r\n\r\n") + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multipart/form-data body: text fields, then files (name -> [file name, content]), headers as given. */
  public static Multipart multipart(Map<String, String> fields, Map<String, String[]> files) {
    String boundary = "irf-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
        .append("\r\n"));
    files.forEach((name, file) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(file[0])
        .append("\"\r\nContent-Type: text/plain\r\n\r\n").append(file[1]).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return new Multipart("multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  public record Multipart(String contentType, byte[] body) {}

  public static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
