package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.irfoundation.rollout.SimulationProgress.Run;
import org.junit.jupiter.api.Test;

/** Weeks 7 and 8 pass on what the exercises show, and say what is missing when they do not. */
class SimulationGatesTest {

  static final Rollout ROLLOUT = new Rollout("RO-2026-0009", "Acme", "sponsor", "owner", LocalDate.of(2026, 3, 2),
      null, Instant.parse("2026-03-02T09:00:00Z"), "admin");

  Set<String> playbooks = Set.of("playbook-compromised-account", "playbook-malware-ransomware");
  List<Run> runs = new ArrayList<>();
  final SimulationProgress progress = new SimulationProgress() {
    @Override
    public Set<String> playbooksWithScenarios() {
      return playbooks;
    }

    @Override
    public List<Run> runsOf(String rolloutId) {
      return rolloutId.equals(ROLLOUT.id()) ? runs : List.of();
    }
  };

  @Test
  void planningNeedsAScenarioPerCorePlaybookAndAnExerciseStartedForTheRollout() {
    List<GateMetric> metrics = new SimulationGates.Planning(progress).measure(ROLLOUT);
    assertThat(metrics).extracting(GateMetric::met).containsExactly(false, false);
    assertThat(metrics.get(0).reason()).contains("playbook-data-breach");
    assertThat(metrics.get(1).reason()).contains("rolloutId RO-2026-0009");

    playbooks = Set.of("playbook-compromised-account", "playbook-malware-ransomware", "playbook-data-breach");
    runs.add(new Run("EX-2026-0001", "ransomware-to-data-breach", false, null, null, 0, 0));
    assertThat(new SimulationGates.Planning(progress).measure(ROLLOUT)).allMatch(GateMetric::met);
  }

  @Test
  void assessmentNeedsTheSimulationCompletedItsReportStoredAndEveryLessonOwned() {
    SimulationGates.Assessment gate = new SimulationGates.Assessment(progress);
    assertThat(gate.measure(ROLLOUT)).singleElement().extracting(GateMetric::met).isEqualTo(false);

    runs.add(new Run("EX-2026-0001", "ransomware-to-data-breach", true, "50/100 points (50 %)", null, 2, 1));
    List<GateMetric> metrics = gate.measure(ROLLOUT);
    assertThat(metrics).extracting(GateMetric::met).containsExactly(true, false, false);
    assertThat(metrics.get(0).measured()).contains("EX-2026-0001").contains("50 %");
    assertThat(metrics.get(2).measured()).isEqualTo("2 lessons, 1 without an owner");

    runs.set(0, new Run("EX-2026-0001", "ransomware-to-data-breach", true, "50/100 points (50 %)", "ab12", 2, 0));
    assertThat(gate.measure(ROLLOUT)).allMatch(GateMetric::met);
  }
}
