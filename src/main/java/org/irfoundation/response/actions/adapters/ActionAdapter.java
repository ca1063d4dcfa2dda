package org.irfoundation.response.actions.adapters;

import java.util.Set;
import org.irfoundation.response.actions.ActionPort;
import org.irfoundation.response.actions.ResponseAction;

/** What every adapter answers the same way: the product's name on the timeline and the actions it can run. */
abstract class ActionAdapter implements ActionPort {

  private final String system;
  private final Set<ResponseAction> supported;

  ActionAdapter(String system, Set<ResponseAction> supported) {
    this.system = system;
    this.supported = Set.copyOf(supported);
  }

  @Override
  public final String system() {
    return system;
  }

  @Override
  public final boolean supports(ResponseAction action) {
    return supported.contains(action);
  }
}
