package org.irfoundation.reporting;

import org.irfoundation.incident.Incidents;
import org.irfoundation.response.ImprovementActions;
import org.springframework.stereotype.Component;

/** The gauge's count: the post-incident reviews' open improvement actions, of exercises or of real incidents. */
@Component
public class OpenImprovementCount implements OpenImprovementActions {

  private final ImprovementActions improvements;
  private final Incidents incidents;

  public OpenImprovementCount(ImprovementActions improvements, Incidents incidents) {
    this.improvements = improvements;
    this.incidents = incidents;
  }

  @Override
  public long count(boolean exercise) {
    return improvements.open().stream().filter(i -> incidents.isExercise(i.incidentId()) == exercise).count();
  }
}
