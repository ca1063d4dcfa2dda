package org.irfoundation.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code camunda-admin} from ever being left without a member: removing its last member, deleting
 * that user or the group itself is refused with a readable error (Admin and the REST API show it as 400).
 * An empty admin group is what the webapp's first-run setup treats as "not set up yet".
 */
@Component
public class AdminGroupGuard extends AbstractCamundaConfiguration {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(GuardedIdentityProvider.class));
  }

  /** Camunda's database identity provider with the admin-group checks in front. */
  public static class GuardedIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        refuseIfLastAdmin(userId);
      }
      return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      refuseIfLastAdmin(userId);
      return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        throw new BadUserRequestException("The group " + Groups.CAMUNDA_ADMIN + " cannot be deleted.");
      }
      return super.deleteGroup(groupId);
    }

    private void refuseIfLastAdmin(String userId) {
      boolean lastAdmin = Context.getCommandContext().runWithoutAuthorization(() -> {
        long admins = findUserCountByQueryCriteria(
            (DbUserQueryImpl) new DbUserQueryImpl().memberOfGroup(Groups.CAMUNDA_ADMIN));
        long isAdmin = findUserCountByQueryCriteria(
            (DbUserQueryImpl) new DbUserQueryImpl().memberOfGroup(Groups.CAMUNDA_ADMIN).userId(userId));
        return isAdmin > 0 && admins <= 1;
      });
      if (lastAdmin) {
        throw new BadUserRequestException("User '" + userId + "' is the last member of "
            + Groups.CAMUNDA_ADMIN + ": add another administrator first.");
      }
    }
  }
}
