package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.irfoundation.IrSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Throttling by source, not lockout by account. The test profile trusts X-Forwarded-For from loopback and allows 20
 * free failures, then holds of 500 ms, and refuses a source for 2 s from 25 failures.
 */
@IrSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SourceThrottleTest {

  static final String ATTACKER = "203.0.113.66";
  static final String OFFICE = "198.51.100.7";
  static final String WRONG = "Guessed-pw-" + "4711";

  @Autowired TestRestTemplate boot;
  @Autowired MeterRegistry meters;
  @Autowired SourceThrottle throttle;
  /** The JDK's HTTP client: Apache HttpClient 5 (TestRestTemplate's) retries a 429 after its Retry-After itself. */
  TestRestTemplate rest;

  @BeforeEach
  void client() {
    rest = new TestRestTemplate(new RestTemplateBuilder().rootUri(boot.getRootUri())
        .requestFactory(JdkClientHttpRequestFactory.class));
  }

  @AfterEach
  void forget() {
    throttle.forgetAll();
  }

  @Test
  void aSourceThatKeepsFailingIsSlowedThenRefusedWhileTheAccountAndTokensWorkElsewhere(CapturedOutput output)
      throws Exception {
    double failuresBefore = failures("basic");
    for (int i = 0; i < 20; i++) {
      assertThat(me(ATTACKER, "admin", WRONG).getStatusCode()).as("free failure %d", i + 1)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // failure 21 makes the source wait: an attempt at once is refused, even with the right password
    assertThat(me(ATTACKER, "admin", WRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> slowed = me(ATTACKER, IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    assertThat(slowed.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(slowed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(slowed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(slowed.getBody()).contains("\"status\":429");

    // waiting out each hold, failures 22..25: from 25 the source is refused for 2 s
    for (int i = 22; i <= 25; i++) {
      Thread.sleep(600);
      assertThat(me(ATTACKER, "admin", WRONG).getStatusCode()).as("failure %d", i).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    Thread.sleep(600);
    ResponseEntity<String> refused = me(ATTACKER, IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Integer.parseInt(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 2);

    // the administrator is not locked out: from another address the right password works
    assertThat(me(OFFICE, IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    // and an API token works, even from the refused address
    String token = token();
    HttpHeaders bearer = forwardedFor(ATTACKER);
    bearer.setBearerAuth(token);
    assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(failures("basic") - failuresBefore).isEqualTo(25.0);
    assertThat(meters.get(SourceThrottle.REFUSED_METRIC).tag("method", "basic").counter().count())
        .isGreaterThanOrEqualTo(2.0);
    assertThat(output.getAll()).contains("Sign-in failed: basic as 'admin' from " + ATTACKER)
        .contains("25 failure(s) from this source").doesNotContain(WRONG).doesNotContain(token);
  }

  @Test
  void badTokensCountAsFailuresOfTheirSourceAndAreNeverLogged(CapturedOutput output) {
    String forged = "irf_" + "Forged0token0".repeat(3) + "abcd";
    double before = failures("bearer");
    HttpHeaders headers = forwardedFor("192.0.2.44");
    headers.setBearerAuth(forged);
    ResponseEntity<String> answer = rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(failures("bearer") - before).isEqualTo(1.0);
    assertThat(output.getAll()).contains("Sign-in failed: bearer as '' from 192.0.2.44 (unknown token)")
        .doesNotContain(forged);
  }

  @Test
  void theWebappLoginIsThrottledBySourceToo() {
    for (int i = 0; i < 21; i++) {
      assertThat(webappLogin("192.0.2.99", WRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> refused = webappLogin("192.0.2.99", IrSpringBootTest.ADMIN_PASSWORD);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(webappLogin("192.0.2.100", IrSpringBootTest.ADMIN_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
    // a client naming a trusted proxy as itself: the right-most untrusted hop is what counts
    for (int i = 0; i < 21; i++) {
      HttpHeaders headers = forwardedFor("192.0.2.1, 203.0.113.9");
      headers.setBasicAuth("admin", WRONG);
      rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
    assertThat(me("192.0.2.1", IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(me("203.0.113.9", IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD).getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private double failures(String method) {
    return meters.get(SourceThrottle.FAILURES_METRIC).tag("method", method).counter().count();
  }

  private String token() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> created = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .postForEntity("/api/tokens", new HttpEntity<>(Map.of("user", IrSpringBootTest.ADMIN, "name", "throttle test",
            "scopes", List.of("incidents:read"), "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()),
            headers), Map.class).getBody();
    return (String) created.get("token");
  }

  private ResponseEntity<String> me(String source, String user, String password) {
    HttpHeaders headers = forwardedFor(source);
    headers.setBasicAuth(user, password);
    return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> webappLogin(String source, String password) {
    // a browser-like session: the session cookie and the CSRF token Camunda hands out with a page
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/admin/default/", String.class);
    HttpHeaders headers = forwardedFor(source);
    headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList()));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", IrSpringBootTest.ADMIN);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit", new HttpEntity<>(form, headers),
        String.class);
  }

  private static HttpHeaders forwardedFor(String source) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(ClientAddress.FORWARDED_FOR, source);
    return headers;
  }
}
