package org.irfoundation.rollout;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.springframework.stereotype.Component;

/**
 * Weeks 7 and 8, measured from the exercises ({@link SimulationProgress}): a scenario for every core playbook and a
 * simulation started for the rollout; then the simulation completed, its report stored and every lesson owned.
 */
final class SimulationGates {

  /** The three playbooks the roadmap asks for. */
  static final Set<String> CORE_PLAYBOOKS = Set.of(CompromisedAccountPlaybookApi.PROCESS_KEY,
      MalwareRansomwarePlaybookApi.PROCESS_KEY, IncidentResponseApi.DATA_BREACH_PLAYBOOK);

  private SimulationGates() {}

  @Component
  static class Planning implements WeekGate {
    private final SimulationProgress simulations;

    Planning(SimulationProgress simulations) {
      this.simulations = simulations;
    }

    @Override
    public int week() {
      return 7;
    }

    @Override
    public List<GateMetric> measure(Rollout rollout) {
      Set<String> covered = new TreeSet<>(simulations.playbooksWithScenarios());
      covered.retainAll(CORE_PLAYBOOKS);
      Set<String> missing = new TreeSet<>(CORE_PLAYBOOKS);
      missing.removeAll(covered);
      GateMetric scenarios = missing.isEmpty()
          ? GateMetric.met("A scenario per core playbook, with objectives and expected decisions", "3 playbooks",
              covered.size() + " playbooks")
          : GateMetric.unmet("A scenario per core playbook, with objectives and expected decisions", "3 playbooks",
              covered.size() + " playbooks", "no scenario for " + missing + ": add one under scenarios/ or the"
                  + " folder irf.exercise.scenarios-folder");
      int started = simulations.runsOf(rollout.id()).size();
      GateMetric planned = started > 0
          ? GateMetric.met("The simulation is scheduled (an exercise started for this rollout)", "1 exercise",
              started + " started")
          : GateMetric.unmet("The simulation is scheduled (an exercise started for this rollout)", "1 exercise",
              "none", "start one: POST /api/exercises with rolloutId " + rollout.id());
      return List.of(scenarios, planned);
    }
  }

  @Component
  static class Assessment implements WeekGate {
    private final SimulationProgress simulations;

    Assessment(SimulationProgress simulations) {
      this.simulations = simulations;
    }

    @Override
    public int week() {
      return 8;
    }

    @Override
    public List<GateMetric> measure(Rollout rollout) {
      List<SimulationProgress.Run> ended = simulations.runsOf(rollout.id()).stream()
          .filter(SimulationProgress.Run::ended).toList();
      if (ended.isEmpty()) {
        return List.of(GateMetric.unmet("Simulation completed and scored", "1 exercise", "none completed",
            "end the rollout's exercise and hold its debrief"));
      }
      SimulationProgress.Run last = ended.get(ended.size() - 1);
      GateMetric completed = GateMetric.met("Simulation completed and scored", "1 exercise",
          last.exerciseId() + ": " + last.score());
      GateMetric report = last.reportSha256() != null
          ? GateMetric.met("Simulation report stored", "stored with its hash", "SHA-256 " + last.reportSha256())
          : GateMetric.unmet("Simulation report stored", "stored with its hash", "not stored",
              "the exercise's score step stores it; retry the failed job in Cockpit");
      GateMetric lessons = last.lessons() > 0 && last.lessonsWithoutOwner() == 0
          ? GateMetric.met("Every lesson has an owner and a due date", "all lessons", last.lessons() + " owned")
          : GateMetric.unmet("Every lesson has an owner and a due date", "all lessons", last.lessons()
              + " lessons, " + last.lessonsWithoutOwner() + " without an owner",
              last.lessons() == 0 ? "the review recorded no lesson: a simulation always teaches one"
                  : "give each lesson an owner and a due date");
      return List.of(completed, report, lessons);
    }
  }
}
