package org.irfoundation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a delegate ({@link ProcessTestEngine#record}): records the variables each call saw (input
 * parameters included), with the business key and the activity under {@link #BUSINESS_KEY} and {@link #ACTIVITY},
 * and may set variables as the real delegate would.
 */
public final class Recorder implements JavaDelegate {

  /** Keys of a call that are no process variables. */
  public static final String BUSINESS_KEY = "_businessKey";
  public static final String ACTIVITY = "_activity";

  private final List<Map<String, Object>> calls = new ArrayList<>();
  private final Consumer<DelegateExecution> effect;

  Recorder(Consumer<DelegateExecution> effect) {
    this.effect = effect;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> seen = new HashMap<>(execution.getVariables());
    seen.put(BUSINESS_KEY, execution.getProcessBusinessKey());
    seen.put(ACTIVITY, execution.getCurrentActivityId());
    calls.add(seen);
    effect.accept(execution);
  }

  /** Every call, in order. */
  public List<Map<String, Object>> calls() {
    return Collections.unmodifiableList(calls);
  }

  /** The one call; fails when there were none or more. */
  public Map<String, Object> single() {
    assertThat(calls).hasSize(1);
    return calls.get(0);
  }

  /** The last call from the activity. */
  public Map<String, Object> of(String activityId) {
    return calls.stream().filter(c -> activityId.equals(c.get(ACTIVITY))).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no call from " + activityId + " in " + calls));
  }

  /** The variable's value in each call, in order. */
  public List<Object> values(String name) {
    return calls.stream().map(c -> c.get(name)).toList();
  }
}
