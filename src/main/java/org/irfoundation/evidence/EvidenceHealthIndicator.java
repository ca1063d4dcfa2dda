package org.irfoundation.evidence;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/evidence}: whether the evidence store takes files (the store's own check). */
@Component
public class EvidenceHealthIndicator implements HealthIndicator {

  /** The contributor's name (from the bean name {@code evidenceHealthIndicator}). */
  public static final String NAME = "evidence";

  private final EvidenceStore store;

  public EvidenceHealthIndicator(EvidenceStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    return store.health();
  }
}
