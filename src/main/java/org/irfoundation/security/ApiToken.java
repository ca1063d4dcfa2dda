package org.irfoundation.security;

import java.time.Instant;
import java.util.List;

/**
 * An API token as stored (table {@code api_token}, V16) and listed: everything but its secret, of which only a hash
 * is kept. {@code status} is ACTIVE, EXPIRED or REVOKED.
 */
public record ApiToken(String id, String user, String name, List<String> scopes, Instant createdAt, String createdBy,
    Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

  public enum Status { ACTIVE, EXPIRED, REVOKED }

  public Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
  }

  List<TokenScope> grantedScopes() {
    return scopes.stream().map(TokenScope::of).flatMap(java.util.Optional::stream).toList();
  }
}
