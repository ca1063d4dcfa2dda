package org.irfoundation.evidence;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlaceLegalHold} ({@code ${placeLegalHold}}): puts the incident's evidence under legal hold, the
 * custodians being the collectors, legal and the addresses in {@code legalHoldCustodians}; a new hold starts its
 * {@code legal-hold} process (notice, review after closure). A hold in place already stays as it is.
 */
@Component("placeLegalHold")
public class PlaceLegalHoldDelegate implements JavaDelegate {

  /** Besides these it reads {@code evidenceCollectors}, which the plan wrote with its default. */
  public static final List<Variable<?>> INPUTS = List.of(Inputs.LEGAL_HOLD_REASON, Inputs.LEGAL_HOLD_CUSTODIANS);
  public static final List<Variable<?>> OUTPUTS = List.of();
  /** Who placed it, as the custody log names a process. */
  static final String PLACED_BY = "process:" + EvidenceCollectionApi.PROCESS_KEY;

  private final LegalHolds holds;
  private final LegalHoldProcess process;

  public PlaceLegalHoldDelegate(LegalHolds holds, LegalHoldProcess process) {
    this.holds = holds;
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    String reason = Inputs.LEGAL_HOLD_REASON.get(execution);
    if (reason == null || reason.isBlank()) {
      reason = "Evidence of incident " + incidentId + " may be needed in legal proceedings";
    }
    List<String> custodians = LegalHolds.custodians(
        Inputs.EVIDENCE_COLLECTORS.getOrDefault(execution, Inputs.DEFAULT_COLLECTORS),
        Inputs.LEGAL_HOLD_CUSTODIANS.get(execution));
    if (holds.place(incidentId, reason.trim(), custodians, PLACED_BY)) {
      process.start(holds.find(incidentId).orElseThrow());
    }
  }
}
