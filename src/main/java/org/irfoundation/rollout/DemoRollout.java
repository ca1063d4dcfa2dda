package org.irfoundation.rollout;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.incident.Roles;
import org.irfoundation.security.DemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile starts one rollout, part-way through week 1, so a newcomer sees it in Tasklist (each demo
 * user has the channel test to acknowledge) and in Cockpit: olga owns it, ezra sponsors it, the RACI is approved and
 * the team named; the team charter is not uploaded yet, which the gate says.
 */
@Component
@Profile("demo")
public class DemoRollout {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRollout.class);

  private final Rollouts rollouts;
  private final TaskService taskService;
  private final IdentityService identityService;

  public DemoRollout(Rollouts rollouts, TaskService taskService, IdentityService identityService) {
    this.rollouts = rollouts;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startOne() {
    if (!rollouts.ids().isEmpty()) {
      return;
    }
    Map<String, String> users = DemoUsers.byGroup();
    String owner = users.get(Roles.IR_PROGRAM_OWNER);
    LocalDate start = EngineClock.now().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(2);
    Rollout rollout = rollouts.start(new Rollouts.Start("Demo organisation", users.get(Roles.EXECUTIVE), owner,
        start), owner);
    identityService.setAuthenticatedUserId(owner);
    try {
      taskService.complete(task(rollout, RolloutApi.Elements.TASK_REVIEW_RACI).getId(),
          Map.of(RolloutApi.Vars.RACI_NOTES.name(), "Reviewed with the IR lead: fits the demo organisation"));
      Map<String, Object> team = new HashMap<>();
      users.forEach((group, user) -> team.put(RolloutTeam.field(group), user));
      taskService.complete(task(rollout, RolloutApi.Elements.TASK_NAME_TEAM).getId(), team);
    } finally {
      identityService.clearAuthentication();
    }
    LOG.info("Demo rollout {} started on {}: week 1, the team acknowledges the channel test in Tasklist",
        rollout.id(), start);
  }

  private Task task(Rollout rollout, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(rollout.id()).taskDefinitionKey(key)
        .singleResult();
  }
}
