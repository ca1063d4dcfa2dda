package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

@IrSpringBootTest
class IdentityBootstrapTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityBootstrap bootstrap;

  @Test
  void everyRoleIsAGroupThatMayUseTasklist() {
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(role.id()).count()).as(role.id()).isOne();
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(role.id())
          .resourceType(Resources.APPLICATION).resourceId("tasklist").hasPermission(Permissions.ACCESS).count())
          .as(role.id()).isOne();
    }
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isPositive();
  }

  @Test
  void aSecondStartChangesNothing() {
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    long groups = engine.getIdentityService().createGroupQuery().count();
    long users = engine.getIdentityService().createUserQuery().count();

    bootstrap.engineBuilt(engine);

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
    // the filter of earlier versions is gone: TasklistFilters' "My group's open tasks" replaces it
    assertThat(engine.getFilterService().createTaskFilterQuery().filterName(IdentityBootstrap.OLD_TASK_FILTER_NAME)
        .count()).isZero();
  }

  @Test
  void generatedPasswordsAreRandomAndPassThePasswordPolicy() {
    String first = IdentityBootstrap.randomPassword();
    assertThat(first).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(IdentityBootstrap.randomPassword());
    assertThat(engine.getIdentityService().checkPasswordAgainstPolicy(first).isValid()).isTrue();
  }

  @Test
  void theDemoProfileRefusesToListenBeyondLoopback() {
    SecurityProperties properties = new SecurityProperties(null, new SecurityProperties.Demo("Demo-pass-1!"));
    assertThatThrownBy(() -> new DemoUsers(properties, new MockEnvironment().withProperty("server.address", "0.0.0.0")))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> new DemoUsers(properties, new MockEnvironment()))
        .hasMessageContaining("loopback");
    assertThat(DemoUsers.isLoopback("127.0.0.1")).isTrue();
    assertThat(DemoUsers.isLoopback("::1")).isTrue();
    assertThat(DemoUsers.isLoopback("10.0.0.1")).isFalse();
  }

  @Test
  void secretsNeverShowInTheConfigurationsText() {
    SecurityProperties properties = new SecurityProperties(new SecurityProperties.Admin("root", "Very-secret-9"),
        new SecurityProperties.Demo("Demo-pass-1!"));
    assertThat(properties.toString()).doesNotContain("Very-secret-9", "Demo-pass-1!");
    assertThat(Map.of("p", properties).toString()).doesNotContain("Very-secret-9");
  }
}
