package org.irfoundation.response.actions;

import java.util.Map;
import java.util.Objects;

/**
 * One action against one target, as the approval task names it: {@code DEACTIVATE_ACCESS_KEY} on
 * {@code AKIA...} of user {@code j.doe}. {@code parameters} carry what the action needs besides the target
 * (the key's user, the case's title); never credentials.
 */
public record ActionRequest(String incidentId, ResponseAction action, String target, Map<String, String> parameters) {
  public ActionRequest {
    Objects.requireNonNull(incidentId, "the incident id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  public String parameter(String name) {
    return parameters.get(name);
  }
}
