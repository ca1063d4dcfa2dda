package org.irfoundation.engine;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A {@link DelegateExecution} over a plain map, for calling delegates without an engine: what the delegate
 * sets is in {@link #variables}. The ids stay the same for every call, as they do when the engine retries a job.
 */
public final class FakeExecution {

  public final Map<String, Object> variables = new HashMap<>();
  public final DelegateExecution execution = mock(DelegateExecution.class);

  public FakeExecution(String businessKey, String activityId, String parentActivityInstanceId) {
    when(execution.getProcessBusinessKey()).thenReturn(businessKey);
    when(execution.getCurrentActivityId()).thenReturn(activityId);
    when(execution.getParentActivityInstanceId()).thenReturn(parentActivityInstanceId);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
  }

  public FakeExecution with(String name, Object value) {
    variables.put(name, value);
    return this;
  }
}
