package org.irfoundation.connector;

import java.time.Instant;

/**
 * The system answered 429 with a {@code Retry-After} too long to wait inside the call. The job fails and
 * {@code RetryAfterJobPlugin} moves its next attempt to {@link #retryAt()} (not earlier than the retry cycle says).
 */
public class ConnectorRateLimitedException extends ConnectorUnavailableException {

  private final Instant retryAt;

  public ConnectorRateLimitedException(String system, String what, Instant retryAt) {
    super(system, 429, system + " answered HTTP 429 Too Many Requests to " + what + ": retry after " + retryAt,
        null);
    this.retryAt = retryAt;
  }

  public Instant retryAt() {
    return retryAt;
  }

  @Override
  public Instant retryNotBefore() {
    return retryAt;
  }
}
