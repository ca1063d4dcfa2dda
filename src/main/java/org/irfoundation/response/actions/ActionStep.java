package org.irfoundation.response.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.irfoundation.response.actions.ResponseActionApi.Inputs;

/** The action request a step of {@code response-action} works on, read from the caller's inputs. */
final class ActionStep {

  private ActionStep() {}

  static ActionRequest request(String incidentId, VariableScope scope) {
    String action = Inputs.ACTION.get(scope);
    ResponseAction named;
    try {
      named = ResponseAction.valueOf(action == null ? "" : action.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("actionName '" + action + "' is no response action; use one of "
          + java.util.Arrays.toString(ResponseAction.values()), e);
    }
    String target = Inputs.TARGET.get(scope);
    return new ActionRequest(incidentId, named, target == null ? "" : target.strip(),
        parameters(Inputs.PARAMETERS.get(scope)));
  }

  /** {@code name=value} a line or separated by ';'; a pair with an empty value is left out. */
  static Map<String, String> parameters(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (text == null) {
      return parameters;
    }
    for (String pair : text.split("[;\\n]")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && !pair.substring(eq + 1).isBlank()) {
        parameters.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return parameters;
  }
}
