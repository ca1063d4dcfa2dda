package org.irfoundation.intake;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.irfoundation.engine.EngineReadyStep;
import org.irfoundation.incident.Roles;
import org.irfoundation.security.IdentityBootstrap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Everyone in an IR group may report an incident from Tasklist, as through {@code POST /api/incidents}: CREATE on
 * process instances and CREATE_INSTANCE on {@code report-incident} only, so that "Start process" lists that one (the
 * product's own processes are not startable in Tasklist, and {@link IntakeOnlyStarts} refuses them anyway).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ReportIncidentAuthorizations implements EngineReadyStep {

  @Override
  public void engineBuilt(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      IdentityBootstrap.grant(authorizations, role.id(), Resources.PROCESS_DEFINITION, ReportIncidentApi.PROCESS_KEY,
          Permissions.READ, Permissions.CREATE_INSTANCE);
      IdentityBootstrap.grant(authorizations, role.id(), Resources.PROCESS_INSTANCE, Authorization.ANY,
          Permissions.CREATE);
    }
  }
}
