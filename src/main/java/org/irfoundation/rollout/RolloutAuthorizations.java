package org.irfoundation.rollout;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.irfoundation.engine.EngineReadyStep;
import org.irfoundation.incident.Roles;
import org.irfoundation.security.IdentityBootstrap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Program owners follow the rollout in Cockpit: its instances and history (the rollout holds no incident data, so
 * the need-to-know rule that hides incidents from them does not apply here), and start one in Tasklist. The IR lead
 * reads every process already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RolloutAuthorizations implements EngineReadyStep {

  @Override
  public void engineBuilt(ProcessEngine engine) {
    for (String key : new String[] {RolloutApi.PROCESS_KEY, RolloutApi.CADENCE_PROCESS_KEY}) {
      IdentityBootstrap.grant(engine.getAuthorizationService(), Roles.IR_PROGRAM_OWNER, Resources.PROCESS_DEFINITION,
          key, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    }
    // and start one from Tasklist's start form, as they may through POST /api/rollouts
    IdentityBootstrap.grant(engine.getAuthorizationService(), Roles.IR_PROGRAM_OWNER, Resources.PROCESS_DEFINITION,
        RolloutApi.PROCESS_KEY, Permissions.CREATE_INSTANCE);
    IdentityBootstrap.grant(engine.getAuthorizationService(), Roles.IR_PROGRAM_OWNER, Resources.PROCESS_INSTANCE,
        org.camunda.bpm.engine.authorization.Authorization.ANY, Permissions.CREATE);
  }
}
