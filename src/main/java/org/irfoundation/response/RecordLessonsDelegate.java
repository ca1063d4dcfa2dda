package org.irfoundation.response;

import static org.irfoundation.response.PostIncidentReviewApi.Vars.IMPROVEMENT_IDS;
import static org.irfoundation.response.PostIncidentReviewApi.Vars.LESSONS;
import static org.irfoundation.response.PostIncidentReviewApi.Vars.LESSON_COUNT;
import static org.irfoundation.response.PostIncidentReviewApi.Vars.ROOT_CAUSES;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.stereotype.Component;

/**
 * Records the review's lessons as improvement actions ({@code ${recordLessons}}), in the transaction of the IR lead
 * who completes the review, so a bad line is refused to them ({@link LessonLines}) and the task stays open. Writes
 * {@code improvementIds} (comma-separated) and {@code lessonCount}; the review is on the timeline.
 */
@Component("recordLessons")
public class RecordLessonsDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(IMPROVEMENT_IDS, LESSON_COUNT);

  private final ImprovementActions actions;
  private final IncidentLifecycle lifecycle;
  private final SystemContext system;

  public RecordLessonsDelegate(ImprovementActions actions, IncidentLifecycle lifecycle, SystemContext system) {
    this.actions = actions;
    this.lifecycle = lifecycle;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    String by = system.currentUserId();
    List<Improvement> recorded = actions.record(incidentId, LESSONS.get(execution), by);
    String rootCauses = ROOT_CAUSES.get(execution);
    lifecycle.recordEvent(incidentId, TimelineEvent.REVIEW_HELD, by, recorded.size() + " lesson(s)"
        + (rootCauses == null || rootCauses.isBlank() ? "" : "; root causes: "
            + ImprovementActions.abbreviate(rootCauses.strip(), 300)));
    IMPROVEMENT_IDS.set(execution, recorded.stream().map(Improvement::id).collect(Collectors.joining(",")));
    LESSON_COUNT.set(execution, recorded.size());
  }
}
