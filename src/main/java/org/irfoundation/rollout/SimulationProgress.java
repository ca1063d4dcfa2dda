package org.irfoundation.rollout;

import java.util.List;
import java.util.Set;

/**
 * What weeks 7 and 8 measure (port; the exercise capability answers it): the scenarios there are for the core
 * playbooks, and the exercises run as this rollout's simulation with their reports and lessons.
 */
public interface SimulationProgress {

  /** The playbooks with at least one installed scenario that has objectives and scored expectations. */
  Set<String> playbooksWithScenarios();

  /** The exercises started for the rollout ({@code rolloutId} of POST /api/exercises), oldest first. */
  List<Run> runsOf(String rolloutId);

  /**
   * @param score its score ("60/80 points (75 %), ..."), null while it runs
   * @param reportSha256 the stored simulation report's hash, null until stored
   * @param lessons lessons its review recorded; {@code lessonsWithoutOwner} of them have no owner or due date
   */
  record Run(String exerciseId, String scenario, boolean ended, String score, String reportSha256, int lessons,
      int lessonsWithoutOwner) {}
}
