package org.irfoundation.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.irfoundation.engine.EngineClock;
import org.springframework.stereotype.Service;

/**
 * The gates of the rollout's weeks: every {@link WeekGate} of a week measured, the measurement recorded (each
 * attempt, so the program shows when a gate failed and why), passed only when every metric is met.
 */
@Service
public class Gates {

  private final List<WeekGate> gates;
  private final RolloutStore store;
  private final ObjectMapper json;

  public Gates(List<WeekGate> gates, RolloutStore store, ObjectMapper json) {
    this.gates = gates;
    this.store = store;
    this.json = json;
  }

  public record Result(boolean passed, List<GateMetric> metrics) {

    /** The unmet metrics, one line each: what a person has to fix. */
    public String failures() {
      return metrics.stream().filter(m -> !m.met())
          .map(m -> m.name() + ": " + m.measured() + " (target " + m.target() + ")"
              + (m.reason() == null ? "" : " - " + m.reason()))
          .collect(Collectors.joining("\n"));
    }
  }

  /** Measures the week's metrics without recording them (what the program view shows for the current week). */
  public Result measure(Rollout rollout, int week) {
    List<GateMetric> metrics = new ArrayList<>();
    for (WeekGate gate : gates) {
      if (gate.week() == week) {
        metrics.addAll(gate.measure(rollout));
      }
    }
    if (metrics.isEmpty()) {
      metrics.add(GateMetric.unmet("Gate of week " + week, "its metrics", "none", "no gate measures this week"));
    }
    return new Result(metrics.stream().allMatch(GateMetric::met), List.copyOf(metrics));
  }

  /** Measures and records one attempt of the week's gate. */
  public Result check(Rollout rollout, int week) {
    Result result = measure(rollout, week);
    store.gate(rollout.id(), week, EngineClock.now(), result.passed(), toJson(result.metrics()));
    return result;
  }

  /** The recorded metrics of an attempt. */
  public List<GateMetric> metrics(RolloutStore.GateRecord record) {
    try {
      return List.of(json.readValue(record.metricsJson(), GateMetric[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("gate record of week " + record.week() + " is not readable", e);
    }
  }

  private String toJson(List<GateMetric> metrics) {
    try {
      return json.writeValueAsString(metrics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the gate's metrics", e);
    }
  }
}
