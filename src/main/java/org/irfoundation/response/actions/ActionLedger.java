package org.irfoundation.response.actions;

import java.util.Optional;

/**
 * What was sent, by the key of the step that sent it (incident, activity, job: the same for every retry of the job),
 * so that a retry after a crash or a failure later in the step does not send it twice. Between sending and recording
 * there is a gap (a crash right after the API answered): the retry then sends again, which every adapter makes
 * harmless (ActionPort#execute is idempotent: {@code changed = false}).
 */
public interface ActionLedger {

  Optional<ActionOutcome> sent(String actionKey);

  /** Records it in a transaction of its own: it stays recorded when the step's job fails after it. */
  void record(String actionKey, ActionRequest request, ActionOutcome outcome);
}
