package org.irfoundation.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.irfoundation.engine.IdentityChanges;
import org.springframework.stereotype.Component;

/**
 * What HTTP Basic and API tokens verified a moment ago, so a busy integration costs no database round trip per
 * request. Keys are HMACs under a key that lives only in this JVM (never a password, and no plain hash a memory dump
 * could be searched with). Any identity write through the engine, or a token revoked, starts a new generation: an
 * entry of an older one is never used, even one a request was still computing while the write happened.
 */
@Component
public class CredentialCache {

  private record Entry(Object value, long generation) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicLong generation = new AtomicLong();
  private final Cache<String, Entry> entries;
  private final boolean enabled;
  private final SecretKeySpec key;

  public CredentialCache(AuthCacheProperties properties, IdentityChanges changes) {
    this.enabled = !properties.ttl().isZero() && !properties.ttl().isNegative();
    this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? properties.ttl() : java.time.Duration.ofNanos(1))
        .maximumSize(properties.maxEntries()).build();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    changes.addListener(this::invalidateAll);
  }

  /**
   * The cached value for {@code kind} and {@code parts} (e.g. a user and a password), else what {@code load} gives;
   * {@code null} (not verified) is never cached, so every wrong password is checked again.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String kind, Supplier<T> load, String... parts) {
    if (!enabled) {
      return load.get();
    }
    String cacheKey = key(kind, parts);
    long current = generation.get();
    Entry entry = entries.getIfPresent(cacheKey);
    if (entry != null && entry.generation() == current) {
      return (T) entry.value();
    }
    T value = load.get();
    if (value != null) {
      entries.put(cacheKey, new Entry(value, current));
    }
    return value;
  }

  /** Forgets everything: a user, group, membership or token changed. */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.invalidateAll();
  }

  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private String key(String kind, String... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(kind.getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        mac.update((byte) 0);
        mac.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
