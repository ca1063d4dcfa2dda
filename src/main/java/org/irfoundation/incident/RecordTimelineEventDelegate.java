package org.irfoundation.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Adds an entry to the incident's timeline ({@code ${recordTimelineEvent}}) from the input parameters
 * {@code eventType} (required: a {@link TimelineEvent}) and {@code eventDetail}.
 */
@Component("recordTimelineEvent")
public class RecordTimelineEventDelegate implements JavaDelegate {

  public static final Variable<String> EVENT_TYPE = Variable.of("eventType", String.class);
  public static final Variable<String> EVENT_DETAIL = Variable.of("eventDetail", String.class);
  public static final List<Variable<?>> INPUTS = List.of(EVENT_TYPE, EVENT_DETAIL);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final IncidentLifecycle lifecycle;

  public RecordTimelineEventDelegate(IncidentLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = EVENT_TYPE.get(execution);
    if (type == null || type.isBlank()) {
      throw new IllegalStateException("input parameter eventType is missing on " + execution.getCurrentActivityId());
    }
    lifecycle.recordEvent(IncidentOfStep.of(execution), TimelineEvent.named(type), null, EVENT_DETAIL.get(execution));
  }
}
