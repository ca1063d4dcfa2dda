package org.irfoundation.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.evidence.EvidenceProperties.Fetch;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * Opens an evidence file at an HTTP(S) URL so that its body can be streamed into the evidence store
 * ({@code irf.evidence.fetch.*}). What it refuses before anything is sent, as a configuration error: another scheme
 * than http/https, credentials in the URL ({@code user:pass@}), a host that {@code irf.evidence.fetch.allowed-hosts}
 * does not list (all of them when the list is empty: fetching is off). Redirects are followed (at most
 * {@value #MAX_REDIRECTS}) only to allowed hosts; the bearer token goes to the URL's own origin only.
 *
 * <p>Failures are classified like the connectors' ({@link HttpConnector}): 5xx, timeouts and refused connections
 * are {@link ConnectorUnavailableException} (the job retries), 429 is {@link ConnectorRateLimitedException} with
 * the time the source asked for, any other 4xx is a {@link ConnectorConfigurationException} that says what to fix.
 * Messages show the URL without its query (it may carry a signed token), never the token.
 *
 * <p>{@link HttpURLConnection} rather than the JDK {@code HttpClient}: its read timeout applies to every read of the
 * body, so a source that stops sending in the middle of a large file fails the job instead of holding it forever,
 * while a long download that keeps moving is never cut off.
 */
@Component
public class EvidenceFetcher {

  static final int MAX_REDIRECTS = 5;
  /** The system named in failures that happen before a host is known. */
  static final String SYSTEM = "Evidence fetch";
  /** The step's input parameter the URL comes from: what to fix when a URL is refused. */
  private static final String URL_INPUT = StoreEvidenceDelegate.EVIDENCE_URL.name();

  private final Fetch settings;

  public EvidenceFetcher(EvidenceProperties properties) {
    this.settings = properties.fetch();
  }

  /** A 2xx answer whose body is still to be read; closing it closes the connection. */
  public static final class Response implements Closeable {
    private final HttpURLConnection connection;
    private final InputStream body;
    private final URI url;

    Response(HttpURLConnection connection, InputStream body, URI url) {
      this.connection = connection;
      this.body = body;
      this.url = url;
    }

    /** The body, streamed from the connection. */
    public InputStream body() {
      return body;
    }

    /** Where the body came from (after redirects). */
    public URI url() {
      return url;
    }

    /** The declared length, -1 when the source did not say. */
    public long contentLength() {
      return connection.getContentLengthLong();
    }

    public String contentType() {
      return connection.getContentType();
    }

    /** The file name the source gave ({@code Content-Disposition}), else the last segment of the URL's path. */
    public String fileName() {
      String disposition = connection.getHeaderField("Content-Disposition");
      if (disposition != null) {
        try {
          String named = ContentDisposition.parse(disposition).getFilename();
          if (EvidenceInput.fileNameProblem(named) == null) {
            return named;
          }
        } catch (IllegalArgumentException unreadable) {
          // fall back to the URL
        }
      }
      String path = url.getPath() == null ? "" : url.getPath();
      String last = path.substring(path.lastIndexOf('/') + 1);
      return EvidenceInput.fileNameProblem(last) == null ? last : "evidence";
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException ignored) {
        // the connection is dropped below
      } finally {
        connection.disconnect();
      }
    }
  }

  /**
   * The URL parsed and checked against the rules above, before anything is sent.
   *
   * @throws ConnectorConfigurationException naming the rule and the setting to change
   */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (URISyntaxException e) {
      // the text may carry a signed token in its query: not repeated here
      throw new ConnectorConfigurationException(SYSTEM, 0, URL_INPUT + " is not a valid URL (" + e.getReason()
          + " at character " + e.getIndex() + "): give an absolute http or https URL");
    }
    return check(uri, null);
  }

  /** Checks the first URL ({@code from} null) or a redirect's target (reached from {@code from}). */
  private URI check(URI uri, URI from) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String what = from == null ? URL_INPUT : "GET " + shown(from) + " redirected to a URL that";
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConnectorConfigurationException(SYSTEM, 0, what + (scheme.isEmpty() ? " has no scheme"
          : " has the scheme '" + scheme + "'") + ": only http and https URLs are fetched");
    }
    if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new ConnectorConfigurationException(SYSTEM, 0, what + " carries credentials (user:password@host): remove"
          + " them from the URL; a token for the source goes into IRF_EVIDENCE_FETCH_BEARERTOKEN");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new ConnectorConfigurationException(SYSTEM, 0, what + " has no host name");
    }
    if (settings.allowedHosts().isEmpty()) {
      throw new ConnectorConfigurationException(SYSTEM, 0, "Fetching evidence from URLs is off: "
          + Fetch.ALLOWED_HOSTS + " (" + Fetch.ALLOWED_HOSTS_ENV + ") lists no hosts. Add " + host
          + " to it to fetch " + shown(uri));
    }
    if (!settings.allows(host)) {
      throw new ConnectorConfigurationException(SYSTEM, 0, (from == null ? "The host " + host + " of " + URL_INPUT
          : "GET " + shown(from) + " redirected to the host " + host + ", which") + " is not in "
          + Fetch.ALLOWED_HOSTS + " (" + Fetch.ALLOWED_HOSTS_ENV + "): add it there to fetch evidence from it");
    }
    return uri;
  }

  /**
   * Sends {@code GET url} (checked with {@link #check(String)}) and follows redirects to allowed hosts; the answer
   * once it is a 2xx. Never reads the body.
   */
  public Response open(URI url) {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      HttpURLConnection connection = connect(current, sameOrigin(current, url));
      int status;
      try {
        status = connection.getResponseCode();
        if (status >= 200 && status < 300) {
          return new Response(connection, connection.getInputStream(), current);
        }
      } catch (IOException e) {
        connection.disconnect();
        // no cause attached: the job's stack trace is stored and shown, and must not carry the URL's query
        throw new ConnectorUnavailableException(current.getHost(), 0, current.getHost() + " did not answer GET "
            + shown(url) + ": " + failureText(e, current), null);
      }
      String location = connection.getHeaderField("Location");
      String retryAfter = connection.getHeaderField("Retry-After");
      String reason = reason(connection);
      dropError(connection);
      if (isRedirect(status) && location != null) {
        if (redirects == MAX_REDIRECTS) {
          throw new ConnectorConfigurationException(current.getHost(), status, "GET " + shown(url)
              + " was redirected more than " + MAX_REDIRECTS + " times: give the URL the export ends at");
        }
        current = check(redirectTarget(current, location, url), url);
        continue;
      }
      throw failure(current.getHost(), status, reason, retryAfter, url);
    }
  }

  /** The URL as messages and the custody log show it: scheme, host, port and path; no query, no fragment. */
  public static String shown(URI url) {
    return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority()
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  private HttpURLConnection connect(URI url, boolean withToken) {
    try {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setInstanceFollowRedirects(false); // each hop is checked against the allowed hosts
      connection.setUseCaches(false);
      connection.setConnectTimeout(millis(settings.connectTimeout()));
      connection.setReadTimeout(millis(settings.readTimeout()));
      connection.setRequestMethod("GET");
      connection.setRequestProperty("Accept", "*/*");
      connection.setRequestProperty("Accept-Encoding", "identity"); // the stored bytes are the file itself
      connection.setRequestProperty("User-Agent", "IR-Foundation evidence fetch");
      if (withToken && settings.bearerToken() != null) {
        connection.setRequestProperty("Authorization", "Bearer " + settings.bearerToken());
      }
      return connection;
    } catch (IOException | IllegalArgumentException e) {
      throw new ConnectorConfigurationException(url.getHost(), 0, "GET " + shown(url) + " cannot be sent: "
          + failureText(e, url));
    }
  }

  private static ConnectorException failure(String host, int status, String reason, String retryAfter, URI url) {
    String what = "GET " + shown(url);
    if (status == 429) {
      return new ConnectorRateLimitedException(host, what, Instant.now().plus(HttpConnector.retryAfter(retryAfter)));
    }
    if (status >= 500) {
      return new ConnectorUnavailableException(host, status, host + " answered HTTP " + status + " to " + what
          + (reason.isEmpty() ? "" : ": " + reason), null);
    }
    return new ConnectorConfigurationException(host, status, host + " rejected " + what + " with HTTP " + status
        + (reason.isEmpty() ? "" : " " + reason) + ": " + advice(status));
  }

  private static String advice(int status) {
    return switch (status) {
      case 401, 403 -> "check that the link is still valid and that the token in IRF_EVIDENCE_FETCH_BEARERTOKEN"
          + " (irf.evidence.fetch.bearer-token) may read it";
      case 404, 410 -> "check " + URL_INPUT + ": the export may have expired or moved; give a fresh link";
      default -> "check " + URL_INPUT + " and what the source system expects";
    };
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI redirectTarget(URI current, String location, URI original) {
    try {
      return current.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ConnectorConfigurationException(current.getHost(), 0, "GET " + shown(original)
          + " redirected to an invalid URL");
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI url) {
    return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static String reason(HttpURLConnection connection) {
    try {
      String message = connection.getResponseMessage();
      return message == null ? "" : message.trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Closes an error answer's body unread (it is never shown: it may echo the URL with its token). */
  private static void dropError(HttpURLConnection connection) {
    try (InputStream error = connection.getErrorStream()) {
      // nothing to read
    } catch (IOException ignored) {
      // the connection is dropped below
    } finally {
      connection.disconnect();
    }
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }

  /**
   * What went wrong, for a message: the innermost cause's class and message, with the URL's query cut out should
   * the exception repeat it (it may carry a signed token).
   */
  static String failureText(Throwable e, URI url) {
    String text = HttpConnector.rootMessage(e);
    for (String query : new String[] {url.getRawQuery(), url.getQuery()}) {
      if (query != null && !query.isEmpty()) {
        text = text.replace(query, "…");
      }
    }
    return text;
  }
}
