package org.irfoundation.rollout;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Weeks 7 and 8 need the exercise capability (scenario files, exercise runs and their reports), which this version
 * does not have: their gates say so and block, rather than pass on a box someone ticks.
 */
final class SimulationGates {

  static final String NOT_AVAILABLE = "the exercise capability (scenarios, exercise runs and their reports) is not"
      + " part of this version yet";

  private SimulationGates() {}

  @Component
  static class Planning implements WeekGate {
    @Override
    public int week() {
      return 7;
    }

    @Override
    public List<GateMetric> measure(Rollout rollout) {
      return List.of(GateMetric.unmet("A scenario per core playbook, with objectives and expected decisions",
          "3 scenarios", "not measurable", NOT_AVAILABLE));
    }
  }

  @Component
  static class Assessment implements WeekGate {
    @Override
    public int week() {
      return 8;
    }

    @Override
    public List<GateMetric> measure(Rollout rollout) {
      return List.of(GateMetric.unmet("Exercise completed, its report stored, every lesson has an owner",
          "completed, reported, owned", "not measurable", NOT_AVAILABLE));
    }
  }
}
