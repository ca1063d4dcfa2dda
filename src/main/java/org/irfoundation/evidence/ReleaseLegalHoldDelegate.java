package org.irfoundation.evidence;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.LegalHoldApi.Variables;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordHoldRelease} ({@code ${releaseLegalHold}}): releases the incident's legal hold with the
 * reviewer's reasons. Not asynchronous in the model: it runs in the transaction of the person who completed the
 * review, so the release records who it was.
 */
@Component("releaseLegalHold")
public class ReleaseLegalHoldDelegate implements JavaDelegate {

  /** None from a model: it reads the review's {@code holdReviewReasons}. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final LegalHolds holds;
  private final SystemContext system;

  public ReleaseLegalHoldDelegate(LegalHolds holds, SystemContext system) {
    this.holds = holds;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    holds.release(IncidentOfStep.of(execution), Variables.REVIEW_REASONS.required(execution, "Record the release"),
        system.currentUserId());
  }
}
