package org.irfoundation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The RACI table ({@code dmn/raci.dmn}): activity -> responsible, accountable, consulted, informed groups.
 * User tasks take their candidate groups from it ({@link RaciPlugin}); escalations go to the accountable
 * groups ({@code ${raci.accountable('account-contain')}} in a model). Editing the table re-routes work
 * without touching a diagram.
 */
public class Raci {

  public static final String DECISION_KEY = "raci";
  public static final String INPUT_ACTIVITY = "activity";

  public record Assignment(List<String> responsible, List<String> accountable, List<String> consulted,
      List<String> informed) {}

  private final DecisionService decisions;

  public Raci(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Assignment lookup(String activity) {
    DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(DECISION_KEY)
        .variables(Map.of(INPUT_ACTIVITY, activity)).evaluate().getSingleResult();
    if (row == null) {
      throw new ProcessEngineException("No RACI row for activity '" + activity + "': add it to dmn/raci.dmn");
    }
    return new Assignment(groups(row.getEntry("responsible")), groups(row.getEntry("accountable")),
        groups(row.getEntry("consulted")), groups(row.getEntry("informed")));
  }

  /** Comma-separated accountable groups, for notices in models and input mappings. */
  public String accountable(String activity) {
    return String.join(",", lookup(activity).accountable());
  }

  /** Comma-separated responsible groups. */
  public String responsible(String activity) {
    return String.join(",", lookup(activity).responsible());
  }

  private static List<String> groups(Object value) {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
