package org.irfoundation.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every completed user task on its incident's timeline, with who completed it. Listens to the
 * task events the Camunda starter publishes (in the engine's transaction), so no diagram needs a listener.
 */
@Component
public class TaskTimeline {

  private final IncidentLifecycle incidents;
  private final IdentityService identityService;

  public TaskTimeline(IncidentLifecycle incidents, IdentityService identityService) {
    this.incidents = incidents;
    this.identityService = identityService;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void completed(DelegateTask task) {
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (businessKey == null) {
      return;
    }
    Authentication current = identityService.getCurrentAuthentication();
    String actor = current != null ? current.getUserId() : task.getAssignee();
    incidents.recordEvent(businessKey, "TASK_COMPLETED", actor, task.getName());
  }
}
