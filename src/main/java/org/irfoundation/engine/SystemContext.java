package org.irfoundation.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on behalf of the application rather than the API caller: reporting an incident starts
 * a process the reporter has no Camunda rights on. The caller's authentication is restored afterwards.
 */
@Component
public class SystemContext {

  private final IdentityService identityService;

  public SystemContext(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user the engine acts for now (the API caller, or who completes a task); null for the engine itself. */
  public String currentUserId() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
