package org.irfoundation.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.evidence.EvidenceProperties.Fetch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of fetching evidence from a URL, against a stub source (WireMock on localhost): what is refused before
 * anything is sent, where the token goes, how redirects and failures are handled, and that no message repeats the
 * URL's query (it may carry a signed token).
 */
class EvidenceFetcherTest {

  @RegisterExtension
  static WireMockExtension source = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN = "bearer-secret-4711";
  static final String SIGNATURE = "X-Amz-Signature=sig-secret-0815";

  static EvidenceFetcher fetcher(List<String> allowedHosts, String token, Duration readTimeout) {
    Fetch fetch = new Fetch(allowedHosts, token, Duration.ofSeconds(2), readTimeout);
    return new EvidenceFetcher(new EvidenceProperties(null, null, null, null, null, null, fetch));
  }

  static EvidenceFetcher localhostOnly() {
    return fetcher(List.of("localhost"), TOKEN, Duration.ofSeconds(2));
  }

  static String url(String path) {
    return "http://localhost:" + source.getPort() + path;
  }

  static <T extends ConnectorException> T failure(Class<T> type, EvidenceFetcher fetcher, String url) {
    T failure = catchThrowableOfType(type, () -> fetcher.open(fetcher.check(url)).close());
    assertThat(failure).as("fetching %s", url).isNotNull();
    assertThat(failure.getMessage()).doesNotContain("sig-secret", TOKEN);
    return failure;
  }

  @Test
  void fetchingIsOffUntilHostsAreAllowed() {
    ConnectorConfigurationException off = failure(ConnectorConfigurationException.class,
        fetcher(List.of(), TOKEN, Duration.ofSeconds(2)), url("/export.zip"));

    assertThat(off.getMessage()).startsWith("Fetching evidence from URLs is off")
        .contains("irf.evidence.fetch.allowed-hosts", "IRF_EVIDENCE_FETCH_ALLOWEDHOSTS", "localhost");
    assertThat(source.getAllServeEvents()).isEmpty();
  }

  @Test
  void aHostThatIsNotListedIsRefusedBeforeAnythingIsSent() {
    ConnectorConfigurationException refused = failure(ConnectorConfigurationException.class,
        fetcher(List.of("edr.acme.example"), TOKEN, Duration.ofSeconds(2)), url("/export.zip?" + SIGNATURE));

    assertThat(refused.getMessage()).isEqualTo("The host localhost of evidenceUrl is not in"
        + " irf.evidence.fetch.allowed-hosts (IRF_EVIDENCE_FETCH_ALLOWEDHOSTS): add it there to fetch evidence from it");
    assertThat(refused.httpStatus()).isZero();
    assertThat(source.getAllServeEvents()).isEmpty();
  }

  @Test
  void allowedHostsAreExactNamesOrEveryHostBelowADomain() {
    Fetch fetch = new Fetch(List.of(" EDR.acme.example ", "*.blob.core.windows.net", "", "::1"), null, null, null);

    assertThat(fetch.allows("edr.acme.example")).isTrue();
    assertThat(fetch.allows("EDR.ACME.EXAMPLE")).isTrue();
    assertThat(fetch.allows("acmeexports.blob.core.windows.net")).isTrue();
    assertThat(fetch.allows("[::1]")).isTrue();
    assertThat(fetch.allows("blob.core.windows.net")).isFalse();
    assertThat(fetch.allows("evil-blob.core.windows.net.attacker.example")).isFalse();
    assertThat(fetch.allows("edr.acme.example.attacker.example")).isFalse();
    assertThat(fetch.allows("acme.example")).isFalse();
    assertThat(fetch.allowedHosts()).containsExactly("edr.acme.example", "*.blob.core.windows.net", "::1");
    assertThat(fetch.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(fetch.readTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      user and password     | http://analyst:pass-secret@localhost/x.zip | carries credentials
      user only             | https://analyst@localhost/x.zip            | carries credentials
      ftp                   | ftp://localhost/x.zip                      | only http and https
      file                  | file:///etc/passwd                         | only http and https
      relative              | /exports/x.zip                             | has no scheme
      no host               | http:///x.zip                              | has no host name
      not a URL             | http://local host/x.zip                    | is not a valid URL
      """)
  void urlsThatBreakTheRulesAreRefusedBeforeAnythingIsSent(String name, String url, String problem) {
    ConnectorConfigurationException refused = catchThrowableOfType(ConnectorConfigurationException.class,
        () -> localhostOnly().check(url));

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).startsWith("evidenceUrl").contains(problem).doesNotContain("pass-secret");
    assertThat(source.getAllServeEvents()).isEmpty();
  }

  @Test
  void theTokenGoesToTheUrlsOwnHostAndARedirectIsFollowedOnlyToAnAllowedHost() throws IOException {
    String blob = "http://127.0.0.1:" + source.getPort() + "/blob/host-17.raw?" + SIGNATURE;
    source.stubFor(get(urlPathEqualTo("/api/export/4711")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", blob)));
    source.stubFor(get(urlPathEqualTo("/blob/host-17.raw")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/octet-stream").withBody("memory image")));

    EvidenceFetcher both = fetcher(List.of("localhost", "127.0.0.1"), TOKEN, Duration.ofSeconds(2));
    try (EvidenceFetcher.Response response = both.open(both.check(url("/api/export/4711")))) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("memory image");
      assertThat(response.fileName()).isEqualTo("host-17.raw");
      assertThat(response.contentType()).isEqualTo("application/octet-stream");
      assertThat(response.url().getHost()).isEqualTo("127.0.0.1");
    }
    source.verify(getRequestedFor(urlPathEqualTo("/api/export/4711"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    source.verify(getRequestedFor(urlPathEqualTo("/blob/host-17.raw")).withHeader("Authorization", absent()));

    ConnectorConfigurationException elsewhere = failure(ConnectorConfigurationException.class, localhostOnly(),
        url("/api/export/4711?" + SIGNATURE));
    assertThat(elsewhere.getMessage()).isEqualTo("GET " + url("/api/export/4711") + " redirected to the host"
        + " 127.0.0.1, which is not in irf.evidence.fetch.allowed-hosts (IRF_EVIDENCE_FETCH_ALLOWEDHOSTS): add it"
        + " there to fetch evidence from it");
    source.verify(1, getRequestedFor(urlPathEqualTo("/blob/host-17.raw")));
  }

  @Test
  void endlessRedirectsAreAConfigurationError() {
    source.stubFor(get(urlPathEqualTo("/loop")).willReturn(aResponse().withStatus(307).withHeader("Location", "/loop")));

    assertThat(failure(ConnectorConfigurationException.class, localhostOnly(), url("/loop")).getMessage())
        .contains("redirected more than " + EvidenceFetcher.MAX_REDIRECTS + " times");
    source.verify(EvidenceFetcher.MAX_REDIRECTS + 1, getRequestedFor(urlPathEqualTo("/loop")));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"500", "502", "503"})
  void serverErrorsAreUnavailableSoTheJobRetries(int status) {
    source.stubFor(get(urlPathEqualTo("/export.zip")).willReturn(aResponse().withStatus(status)
        .withBody("error for /export.zip?" + SIGNATURE)));

    ConnectorUnavailableException unavailable = failure(ConnectorUnavailableException.class, localhostOnly(),
        url("/export.zip?" + SIGNATURE));

    assertThat(unavailable).isNotInstanceOf(ConnectorRateLimitedException.class);
    assertThat(unavailable.httpStatus()).isEqualTo(status);
    assertThat(unavailable.getMessage()).startsWith("localhost answered HTTP " + status + " to GET "
        + url("/export.zip"));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource(delimiter = '|', textBlock = """
      400 | check evidenceUrl and what the source system expects
      401 | IRF_EVIDENCE_FETCH_BEARERTOKEN
      403 | IRF_EVIDENCE_FETCH_BEARERTOKEN
      404 | check evidenceUrl: the export may have expired or moved
      410 | check evidenceUrl: the export may have expired or moved
      """)
  void aRejectedRequestIsAConfigurationErrorThatSaysWhatToFix(int status, String advice) {
    source.stubFor(get(urlPathEqualTo("/export.zip")).willReturn(aResponse().withStatus(status)));

    ConnectorConfigurationException rejected = failure(ConnectorConfigurationException.class, localhostOnly(),
        url("/export.zip?" + SIGNATURE));

    assertThat(rejected.httpStatus()).isEqualTo(status);
    assertThat(rejected.getMessage()).startsWith("localhost rejected GET " + url("/export.zip") + " with HTTP "
        + status).contains(advice);
  }

  @Test
  void tooManyRequestsIsRetriedAtTheTimeTheSourceAskedFor() {
    source.stubFor(get(urlPathEqualTo("/export.zip")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "120")));

    ConnectorRateLimitedException limited = failure(ConnectorRateLimitedException.class, localhostOnly(),
        url("/export.zip"));

    assertThat(limited.retryAt()).isBetween(Instant.now().plusSeconds(110), Instant.now().plusSeconds(130));
    assertThat(limited.getMessage()).startsWith("localhost answered HTTP 429 Too Many Requests to GET "
        + url("/export.zip"));
  }

  @Test
  void aRefusedConnectionAndATimeoutAreUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectorUnavailableException refused = failure(ConnectorUnavailableException.class, localhostOnly(),
        "http://localhost:" + closedPort + "/export.zip?" + SIGNATURE);
    assertThat(refused.httpStatus()).isZero();
    assertThat(refused.getMessage()).startsWith("localhost did not answer GET http://localhost:" + closedPort
        + "/export.zip: ConnectException");

    source.stubFor(get(urlPathEqualTo("/slow.zip")).willReturn(aResponse().withStatus(200).withBody("late")
        .withFixedDelay(1500)));
    ConnectorUnavailableException slow = failure(ConnectorUnavailableException.class,
        fetcher(List.of("localhost"), null, Duration.ofMillis(300)), url("/slow.zip"));
    assertThat(slow.getMessage()).contains("SocketTimeoutException");
  }

  @Test
  void theFileNameIsTheSourcesOrTheLastSegmentOfThePathAndNeverAPath() throws IOException {
    source.stubFor(get(urlPathEqualTo("/a/named")).willReturn(aResponse().withStatus(200).withBody("x")
        .withHeader("Content-Disposition", "attachment; filename=\"falcon-export-4711.zip\"")));
    source.stubFor(get(urlPathEqualTo("/a/traversal.bin")).willReturn(aResponse().withStatus(200).withBody("x")
        .withHeader("Content-Disposition", "attachment; filename=\"../../etc/passwd\"")));
    source.stubFor(get(urlPathEqualTo("/a/")).willReturn(aResponse().withStatus(200).withBody("x")));

    assertThat(fileName("/a/named?" + SIGNATURE)).isEqualTo("falcon-export-4711.zip");
    assertThat(fileName("/a/traversal.bin")).isEqualTo("traversal.bin");
    assertThat(fileName("/a/")).isEqualTo("evidence");
  }

  @Test
  void theTokenIsNeverShown() {
    Fetch fetch = new Fetch(List.of("localhost"), TOKEN, null, null);
    assertThat(fetch.toString()).doesNotContain(TOKEN).contains("bearerToken=******");
    assertThat(new EvidenceProperties(null, null, null, null, null, null, fetch).toString()).doesNotContain(TOKEN);
    assertThat(EvidenceFetcher.shown(URI.create("https://edr.acme.example:8443/api/x%20y?token=abc#frag")))
        .isEqualTo("https://edr.acme.example:8443/api/x%20y");
  }

  static String fileName(String path) throws IOException {
    EvidenceFetcher fetcher = localhostOnly();
    try (EvidenceFetcher.Response response = fetcher.open(fetcher.check(url(path)))) {
      return response.fileName();
    }
  }
}
