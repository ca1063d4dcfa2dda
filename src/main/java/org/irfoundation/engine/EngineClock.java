package org.irfoundation.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: what timers and due dates count from. Code that computes a due date or stamps an incident
 * reads it here, so process tests that move the engine's clock move these too.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
