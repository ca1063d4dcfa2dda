package org.irfoundation.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Tells whoever caches identity data (security's credential cache) that a user, group or membership was written
 * through the engine's identity service, whichever path wrote it (Admin, the engine REST API, the app). Listeners
 * run at once and again when the engine's transaction commits, so a reader between the two cannot keep the old
 * state. Writes on another node of a cluster are not seen here: the caches' short time to live bounds those.
 */
@Component
public class IdentityChanges {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Called by the identity provider on every write. */
  void written() {
    notifyListeners();
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> notifyListeners());
    }
  }

  private void notifyListeners() {
    listeners.forEach(Runnable::run);
  }
}
