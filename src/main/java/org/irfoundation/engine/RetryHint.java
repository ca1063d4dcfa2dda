package org.irfoundation.engine;

import java.time.Instant;

/**
 * What a failure tells the job executor beyond "retry as the cycle says" ({@link RetryAfterJobPlugin}). Exceptions
 * of the capabilities implement it, so the engine adapter needs to know none of them.
 */
public interface RetryHint {

  /** The next attempt not before this time (a {@code 429 Retry-After}); null: as the retry cycle says. */
  default Instant retryNotBefore() {
    return null;
  }

  /** Retrying cannot help (a rejected request): no retries left at once, so the Cockpit incident shows now. */
  default boolean retryIsUseless() {
    return false;
  }
}
