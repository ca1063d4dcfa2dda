package org.irfoundation.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.engine.EngineReadyStep;
import org.irfoundation.incident.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs on every start, before the web server accepts requests: creates the IR groups and their
 * authorizations if missing, the Tasklist filter, and the first administrator when {@code camunda-admin}
 * has no member. Every step is idempotent, so restarts and several nodes on one database are safe. (That a
 * candidate group may work its tasks but not reassign or edit them is an engine setting: application.yaml,
 * {@code default-user-permission-name-for-task}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityBootstrap implements EngineReadyStep {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
  /** The filter earlier versions created; "My group's open tasks" ({@link TasklistFilters}) replaces it. */
  static final String OLD_TASK_FILTER_NAME = "Tasks of my groups";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecurityProperties properties;

  public IdentityBootstrap(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void engineBuilt(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    ensureGroup(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    for (Resource resource : Resources.values()) {
      grant(authorizations, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }

    removeOldTaskFilter(engine.getFilterService());
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      ensureGroup(identity, role.id(), role.name(), Groups.GROUP_TYPE_WORKFLOW);
      grant(authorizations, role.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // names and diagrams of processes in Tasklist; tasks themselves are granted per task to candidate groups
      grant(authorizations, role.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    for (String role : Roles.COCKPIT_ROLES) {
      grant(authorizations, role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, role, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // the IR lead reads every incident's instances and history; the program owner only those the need-to-know rule
    // lets them read, granted per instance (IncidentAuthorizations), so a restricted incident stays hidden
    grant(authorizations, Roles.IR_LEAD, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(authorizations, Roles.IR_LEAD, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(authorizations, Roles.IR_LEAD, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
    revoke(authorizations, Roles.IR_PROGRAM_OWNER, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    revoke(authorizations, Roles.IR_PROGRAM_OWNER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    revoke(authorizations, Roles.IR_PROGRAM_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);

    ensureAdministrator(identity);
  }

  private void ensureAdministrator(IdentityService identity) {
    if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return;
    }
    SecurityProperties.Admin admin = properties.admin();
    String userId = admin.user();
    String generatedPassword = null;
    if (identity.createUserQuery().userId(userId).count() == 0) {
      String password = admin.password();
      if (password == null) {
        generatedPassword = randomPassword();
        password = generatedPassword;
      }
      User user = identity.newUser(userId);
      user.setFirstName("IR Foundation");
      user.setLastName("Administrator");
      user.setPassword(password);
      try {
        identity.saveUser(user);
      } catch (ProcessEngineException e) {
        throw new IllegalStateException("Cannot create the administrator '" + userId + "': IRF_ADMIN_PASSWORD"
            + " must have at least 10 characters with upper and lower case letters, a digit and a special"
            + " character, and must not contain the user name (" + e.getMessage() + ")", e);
      }
    }
    identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
    LOG.info("Administrator '{}' is a member of {}", userId, Groups.CAMUNDA_ADMIN);
    if (generatedPassword != null) {
      // on the console only, deliberately not through the logger (log files outlive the first start)
      System.out.printf("%n=== IR Foundation first start ===%nAdministrator: %s%nPassword:      %s%n"
          + "Shown once. Log in to Admin and change it, or set IRF_ADMIN_USER and IRF_ADMIN_PASSWORD.%n"
          + "=================================%n%n", userId, generatedPassword);
    }
  }

  /** 24 random URL-safe characters, plus one of each class Camunda's password policy asks for. */
  static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-aZ7";
  }

  private static void ensureGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
    LOG.info("Group '{}' created", id);
  }

  private static void removeOldTaskFilter(FilterService filters) {
    Filter old = filters.createTaskFilterQuery().filterName(OLD_TASK_FILTER_NAME).singleResult();
    if (old != null) {
      filters.deleteFilter(old.getId());
    }
  }

  /** Takes permissions back that earlier versions granted (an installation started before need-to-know). */
  private static void revoke(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Grants the group the permissions on the resource (adding to what it has; idempotent). */
  public static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
