package org.irfoundation.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Which rollout a step works for: the business key every rollout process carries. */
final class RolloutOfStep {

  static String of(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    return key != null ? key : RolloutApi.Inputs.ROLLOUT_ID.get(execution);
  }

  private RolloutOfStep() {}
}
