package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The throttle's policy with the production defaults, and which address it counts. */
class ThrottlePolicyTest {

  static final ThrottleProperties DEFAULTS = new ThrottleProperties(null, null, null, null, null, null, null);
  final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void fiveFreeFailuresThenWaitsDoublingFromOneSecondToThirtyThenFifteenMinutesFromTheTwentieth() {
    SourceThrottle throttle = new SourceThrottle(DEFAULTS, new ClientAddress(DEFAULTS), new SimpleMeterRegistry(),
        Clock.fixed(t0, ZoneOffset.UTC));
    SourceThrottle.State state = null;
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      state = throttle.next(state, t0);
      waits.add(Duration.between(t0, state.notBefore()).toSeconds());
    }
    assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L, 30L, 30L, 30L, 30L,
        30L, 900L);
  }

  @Test
  void aSourceIsForgottenFifteenMinutesAfterItsLastFailure() {
    SourceThrottle throttle = new SourceThrottle(DEFAULTS, new ClientAddress(DEFAULTS), new SimpleMeterRegistry(),
        Clock.fixed(t0, ZoneOffset.UTC));
    SourceThrottle.State state = new SourceThrottle.State(12, t0, t0.plusSeconds(30));
    assertThat(throttle.next(state, t0.plus(Duration.ofMinutes(16))).failures()).isEqualTo(1);
    assertThat(throttle.next(state, t0.plus(Duration.ofMinutes(14))).failures()).isEqualTo(13);
  }

  @Test
  void forwardedForCountsOnlyBehindATrustedProxy() {
    ClientAddress direct = new ClientAddress(DEFAULTS);
    assertThat(direct.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");

    ClientAddress behindProxy = new ClientAddress(new ThrottleProperties(null, null, null, null, null, null,
        List.of("10.0.0.0/8")));
    assertThat(behindProxy.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
    // the client wrote its own header: the proxy appended the real address, which is what counts
    assertThat(behindProxy.of(request("10.1.2.3", "192.0.2.9, 198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(behindProxy.of(request("10.1.2.3", "198.51.100.1, 10.4.4.4"))).isEqualTo("198.51.100.1");
    assertThat(behindProxy.of(request("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
    assertThat(behindProxy.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    // one IPv6 host, one /64
    assertThat(direct.of(request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
  }

  @Test
  void userNamesAreLoggedWithoutControlCharacters() {
    assertThat(SourceThrottle.clean("admin\r\nINFO forged line")).isEqualTo("adminINFO forged line");
    assertThat(SourceThrottle.clean("x".repeat(100))).hasSize(67);
    assertThat(SourceThrottleFilter.basicUser("Basic " + java.util.Base64.getEncoder()
        .encodeToString("admin:Secret-pw".getBytes()))).isEqualTo("admin");
    assertThat(SourceThrottleFilter.basicUser("Basic !!!")).isEqualTo("(malformed)");
  }

  private static HttpServletRequest request(String remote, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(remote);
    if (forwardedFor != null) {
      request.addHeader(ClientAddress.FORWARDED_FOR, forwardedFor);
    }
    return request;
  }
}
