package org.irfoundation.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per source address, not per account (Camunda's per-account lockout let anyone lock the
 * administrator out; it is off). A source that keeps failing is slowed (it must wait before its next attempt), then
 * refused for a while; the same account keeps working from everywhere else. Every failure is counted in the metric
 * {@code irf.security.auth.failures} and logged with the user name and the source, never the secret.
 */
@Component
public class SourceThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(SourceThrottle.class);
  static final String FAILURES_METRIC = "irf.security.auth.failures";
  static final String REFUSED_METRIC = "irf.security.auth.refused";

  /** How the caller tried to sign in. */
  public enum Method { BASIC, BEARER, WEBAPP }

  /** A source's failures: how many, the last, and until when it must wait. */
  record State(int failures, Instant last, Instant notBefore) {}

  private final ThrottleProperties properties;
  private final ClientAddress addresses;
  private final Clock clock;
  private final Cache<String, State> sources;
  private final Map<Method, Counter> failures = new EnumMap<>(Method.class);
  private final Map<Method, Counter> refused = new EnumMap<>(Method.class);

  @Autowired
  public SourceThrottle(ThrottleProperties properties, MeterRegistry meters) {
    this(properties, new ClientAddress(properties), meters, Clock.systemUTC());
  }

  SourceThrottle(ThrottleProperties properties, ClientAddress addresses, MeterRegistry meters, Clock clock) {
    this.properties = properties;
    this.addresses = addresses;
    this.clock = clock;
    this.sources = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, State>() {
      @Override
      public long expireAfterCreate(String key, State state, long now) {
        return keep(state);
      }

      @Override
      public long expireAfterUpdate(String key, State state, long now, long remaining) {
        return keep(state);
      }

      @Override
      public long expireAfterRead(String key, State state, long now, long remaining) {
        return remaining;
      }
    }).build();
    for (Method method : Method.values()) {
      String tag = method.name().toLowerCase();
      failures.put(method, Counter.builder(FAILURES_METRIC).tag("method", tag)
          .description("Failed sign-ins (wrong password, unknown user, bad token)").register(meters));
      refused.put(method, Counter.builder(REFUSED_METRIC).tag("method", tag)
          .description("Sign-in attempts refused with 429: their source failed too often").register(meters));
    }
  }

  /** The source address of the request as counted here. */
  String source(HttpServletRequest request) {
    return addresses.of(request);
  }

  /** How long the request's source must still wait before it may try again; zero: it may try now. */
  public Duration waitFor(HttpServletRequest request) {
    State state = sources.getIfPresent(source(request));
    return state == null ? Duration.ZERO : remaining(state, clock.instant());
  }

  /** Counts a refused attempt (answered 429 without checking its credentials). */
  void refused(Method method) {
    refused.get(method).increment();
  }

  /**
   * Records a failed sign-in and logs it ({@code user} as the caller gave it, cleaned; never the secret). Returns how
   * long the source must now wait; zero while it is within its free failures.
   */
  public Duration failed(HttpServletRequest request, Method method, String user, String why) {
    String source = source(request);
    Instant now = clock.instant();
    State state = sources.asMap().compute(source, (key, old) -> next(old, now));
    failures.get(method).increment();
    Duration wait = remaining(state, now);
    LOG.warn("Sign-in failed: {} as '{}' from {} ({}); {} failure(s) from this source{}", method.name().toLowerCase(),
        clean(user), source, why, state.failures(),
        wait.isZero() ? "" : ", its next attempt not before " + wait.toMillis() + " ms");
    return wait;
  }

  /** Forgets every source's failures (tests; an operator would restart instead). */
  public void forgetAll() {
    sources.invalidateAll();
  }

  State next(State old, Instant now) {
    int count = old == null || old.last().plus(properties.forgetAfter()).isBefore(now) ? 1 : old.failures() + 1;
    Instant notBefore = now;
    if (count >= properties.blockAfter()) {
      notBefore = now.plus(properties.blockFor());
    } else if (count > properties.freeFailures()) {
      int doublings = Math.min(count - properties.freeFailures() - 1, 20);
      Duration delay = properties.delay().multipliedBy(1L << doublings);
      notBefore = now.plus(delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay);
    }
    if (old != null && old.notBefore().isAfter(notBefore)) {
      notBefore = old.notBefore(); // a failure never shortens a hold already in force
    }
    return new State(count, now, notBefore);
  }

  private static Duration remaining(State state, Instant now) {
    Duration left = Duration.between(now, state.notBefore());
    return left.isNegative() ? Duration.ZERO : left;
  }

  private long keep(State state) {
    Instant until = state.last().plus(properties.forgetAfter());
    if (state.notBefore().isAfter(until)) {
      until = state.notBefore();
    }
    return Math.max(1, Duration.between(clock.instant(), until).toNanos());
  }

  /** The user name as given, safe for a log line: no control characters (no forged lines), at most 64 characters. */
  static String clean(String user) {
    if (user == null) {
      return "";
    }
    String printable = user.codePoints().filter(c -> !Character.isISOControl(c)
            && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
  }
}
