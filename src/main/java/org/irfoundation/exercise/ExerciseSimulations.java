package org.irfoundation.exercise;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.irfoundation.rollout.SimulationProgress;
import org.springframework.stereotype.Component;

/** The rollout's weeks 7 and 8 read the scenarios and the rollout's exercises from here. */
@Component
public class ExerciseSimulations implements SimulationProgress {

  private final Scenarios scenarios;
  private final Exercises exercises;
  private final ExerciseResults results;

  public ExerciseSimulations(Scenarios scenarios, Exercises exercises, ExerciseResults results) {
    this.scenarios = scenarios;
    this.exercises = exercises;
    this.results = results;
  }

  @Override
  public Set<String> playbooksWithScenarios() {
    return scenarios.all().stream()
        .filter(s -> s.playbook() != null && !s.objectives().isEmpty() && s.maxScore(Scenario.Mode.TABLETOP) > 0)
        .map(Scenario::playbook).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public List<Run> runsOf(String rolloutId) {
    return exercises.ofRollout(rolloutId).stream().map(e -> new Run(e.id(), e.scenario(), e.ended(),
        e.ended() ? results.current(e).summary() : null, results.reportSha256(e), results.lessons(e),
        results.lessonsWithoutOwner(e))).toList();
  }
}
