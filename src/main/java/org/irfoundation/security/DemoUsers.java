package org.irfoundation.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.engine.EngineReadyStep;
import org.irfoundation.incident.Roles;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: one user per role, all with the one password the README lists. These fixed
 * passwords are why the profile refuses to start on anything but a loopback address.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DemoUsers implements EngineReadyStep {

  /** user id, first name, last name, group: one per role of DESIGN §6. */
  static final String[][] USERS = {
      {"lena", "Lena", "Lead", Roles.IR_LEAD},
      {"arno", "Arno", "Analyst", Roles.IR_ANALYST},
      {"otto", "Otto", "Operations", Roles.IT_OPERATIONS},
      {"lara", "Lara", "Legal", Roles.LEGAL},
      {"cora", "Cora", "Communications", Roles.COMMUNICATIONS},
      {"pia", "Pia", "Privacy", Roles.PRIVACY_OFFICER},
      {"ezra", "Ezra", "Executive", Roles.EXECUTIVE},
      {"olga", "Olga", "Owner", Roles.IR_PROGRAM_OWNER},
      {"ben", "Ben", "Business", Roles.BUSINESS_STAKEHOLDER},
  };

  /** The demo user of each role: group id -> user id. */
  public static java.util.Map<String, String> byGroup() {
    java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
    for (String[] row : USERS) {
      users.put(row[3], row[0]);
    }
    return users;
  }

  private final SecurityProperties properties;

  public DemoUsers(SecurityProperties properties, Environment environment) {
    this.properties = properties;
    String address = environment.getProperty("server.address", "");
    if (!isLoopback(address)) {
      throw new IllegalStateException("The demo profile has fixed passwords and only runs on a loopback address;"
          + " server.address is '" + address + "'. Remove the demo profile or bind to 127.0.0.1.");
    }
    if (properties.demo().password() == null) {
      throw new IllegalStateException("The demo profile needs irf.security.demo.password.");
    }
  }

  @Override
  public void engineBuilt(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (String[] row : USERS) {
      String id = row[0];
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName(row[1]);
        user.setLastName(row[2]);
        user.setEmail(id + "@demo.invalid");
        user.setPassword(properties.demo().password());
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(id).memberOfGroup(row[3]).count() == 0) {
        identity.createMembership(id, row[3]);
      }
    }
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false; // unset means every interface
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
