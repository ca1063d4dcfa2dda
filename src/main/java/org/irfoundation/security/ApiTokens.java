package org.irfoundation.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.irfoundation.api.ApiProblems.BadInput;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * API tokens of service users: created by an administrator with a name, scopes and an expiry, the secret shown once
 * ({@code irf_} and 43 random URL-safe characters, 256 bits, so secret scanners recognise it) and stored as its
 * SHA-256 only; revocable; last use recorded (at most once a minute per node, not a write per request).
 */
@Service
public class ApiTokens {

  public static final String PREFIX = "irf_";
  static final String TOKEN_KIND = "token";
  static final int MAX_NAME = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  public record CreateRequest(String user, String name, List<String> scopes, Instant expiresAt) {}

  /** The answer to a creation: the only time {@code token} is shown. */
  public record Created(String id, String token, String user, String name, List<String> scopes, Instant createdAt,
      Instant expiresAt) {}

  /** A token as listed: no secret. */
  public record Listed(@JsonUnwrapped ApiToken token, ApiToken.Status status) {}

  /** A presented token found in the store, with its user's groups (null when the user no longer exists). */
  record Lookup(ApiToken token, List<String> groups) {}

  private final ApiTokenStore store;
  private final CredentialCache cache;
  private final IdentityService identityService;
  private final SystemContext system;
  private final CamundaIdentityAuthenticationProvider users;
  private final TokenProperties properties;
  private final Cache<String, Instant> lastUseWritten;

  public ApiTokens(ApiTokenStore store, CredentialCache cache, IdentityService identityService, SystemContext system,
      CamundaIdentityAuthenticationProvider users, TokenProperties properties) {
    this.store = store;
    this.cache = cache;
    this.identityService = identityService;
    this.system = system;
    this.users = users;
    this.properties = properties;
    this.lastUseWritten = Caffeine.newBuilder().expireAfterWrite(properties.lastUseResolution())
        .maximumSize(100_000).build();
  }

  public Created create(CreateRequest request, String createdBy) {
    Instant now = EngineClock.now().truncatedTo(ChronoUnit.MILLIS);
    List<String> scopes = validate(request, now);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), request.user(), request.name().strip(), scopes, now,
        createdBy, request.expiresAt().truncatedTo(ChronoUnit.MILLIS), null, null, null);
    store.insert(token, sha256(secret));
    return new Created(token.id(), secret, token.user(), token.name(), scopes, now, token.expiresAt());
  }

  public List<Listed> list() {
    Instant now = EngineClock.now();
    return store.all().stream().map(t -> new Listed(t, t.status(now))).toList();
  }

  /** Revokes the token (again: no change); unknown ids answer 404. */
  public void revoke(String id, String revokedBy) {
    if (store.find(id).isEmpty()) {
      throw new ErrorResponseException(HttpStatus.NOT_FOUND,
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API token " + id), null);
    }
    store.revoke(id, revokedBy, EngineClock.now());
    cache.invalidateAll();
  }

  /** The stored token a presented secret belongs to, or null: not one of ours. */
  Lookup lookup(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return null;
    }
    String hash = sha256(presented);
    return cache.get(TOKEN_KIND, () -> store.bySecretHash(hash)
        .map(t -> new Lookup(t, userExists(t.user()) ? users.groups(t.user()) : null)).orElse(null), hash);
  }

  /** Records that the token was used now, unless that was recorded less than a minute ago. */
  void used(ApiToken token) {
    Instant now = EngineClock.now();
    if (lastUseWritten.asMap().putIfAbsent(token.id(), now) == null) {
      store.used(token.id(), now);
    }
  }

  private List<String> validate(CreateRequest request, Instant now) {
    List<FieldProblem> errors = new ArrayList<>();
    if (request.user() == null || request.user().isBlank()) {
      errors.add(new FieldProblem("user", "is required"));
    } else if (request.user().length() > 64 || !userExists(request.user())) {
      errors.add(new FieldProblem("user", "is not a user of this instance"));
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()) {
      errors.add(new FieldProblem("name", "is required"));
    } else if (name.length() > MAX_NAME || name.codePoints().anyMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.FORMAT)) {
      errors.add(new FieldProblem("name", "must be at most " + MAX_NAME + " printable characters"));
    }
    List<String> scopes = request.scopes() == null ? List.of() : request.scopes().stream().distinct().toList();
    if (scopes.isEmpty()) {
      errors.add(new FieldProblem("scopes", "at least one of " + TokenScope.ids()));
    }
    for (int i = 0; i < scopes.size(); i++) {
      if (scopes.get(i) == null || TokenScope.of(scopes.get(i)).isEmpty()) {
        errors.add(new FieldProblem("scopes[" + i + "]", "is not one of " + TokenScope.ids()));
      }
    }
    if (request.expiresAt() == null) {
      errors.add(new FieldProblem("expiresAt", "is required (ISO-8601 instant, e.g. 2027-01-31T00:00:00Z)"));
    } else if (!request.expiresAt().isAfter(now)) {
      errors.add(new FieldProblem("expiresAt", "must be in the future"));
    } else if (request.expiresAt().isAfter(now.plus(properties.maxLifetime()))) {
      errors.add(new FieldProblem("expiresAt", "must be at most " + properties.maxLifetime().toDays()
          + " days ahead (irf.security.tokens.max-lifetime): rotate tokens instead"));
    }
    if (!errors.isEmpty()) {
      throw new BadInput(errors);
    }
    return scopes;
  }

  private boolean userExists(String userId) {
    return system.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
