package org.irfoundation.exercise;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.irfoundation.engine.TimerCompression;
import org.springframework.stereotype.Component;

/**
 * The time compression of an exercise's incident, for {@link TimerCompression}: its playbooks' timers run as much
 * faster as its scenario's injects. Real incidents and everything else: 1. An exercise's compression never changes,
 * so a known one is kept.
 */
@Component
public class ExerciseTimeCompression implements TimerCompression.Factor {

  private final ExerciseStore store;
  private final Map<String, Integer> known = new ConcurrentHashMap<>();

  public ExerciseTimeCompression(ExerciseStore store) {
    this.store = store;
  }

  @Override
  public int of(String businessKey) {
    Integer factor = known.get(businessKey);
    if (factor != null) {
      return factor;
    }
    // only incidents: the exercise's own timers are due at their compressed times already
    return store.compressionOf(businessKey).map(f -> {
      if (known.size() < 10_000) {
        known.put(businessKey, f);
      }
      return f;
    }).orElse(1);
  }
}
