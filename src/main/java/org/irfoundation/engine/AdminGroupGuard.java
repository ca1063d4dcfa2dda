package org.irfoundation.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code camunda-admin} from ever being left without a member: removing its last member, deleting
 * that user or the group itself is refused with a readable error (Admin and the REST API show it as 400).
 * An empty admin group is what the webapp's first-run setup treats as "not set up yet". Every write of a user, group
 * or membership is also reported to {@link IdentityChanges} (caches of credentials and groups).
 */
@Component
public class AdminGroupGuard extends AbstractCamundaConfiguration {

  private final IdentityChanges changes;

  public AdminGroupGuard(IdentityChanges changes) {
    this.changes = changes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return GuardedIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new GuardedIdentityProvider(changes);
      }
    });
  }

  /** Camunda's database identity provider with the admin-group checks in front and the writes reported. */
  public static class GuardedIdentityProvider extends DbIdentityServiceProvider {

    private final IdentityChanges changes;

    public GuardedIdentityProvider(IdentityChanges changes) {
      this.changes = changes;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      return reported(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      return reported(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return reported(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        refuseIfLastAdmin(userId);
      }
      return reported(super.deleteMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      refuseIfLastAdmin(userId);
      return reported(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        throw new BadUserRequestException("The group " + Groups.CAMUNDA_ADMIN + " cannot be deleted.");
      }
      return reported(super.deleteGroup(groupId));
    }

    private IdentityOperationResult reported(IdentityOperationResult result) {
      if (changes != null) {
        changes.written();
      }
      return result;
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
