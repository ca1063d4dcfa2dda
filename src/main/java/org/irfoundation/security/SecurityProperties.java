package org.irfoundation.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.security.*}. The first administrator comes from the environment
 * ({@code IRF_ADMIN_USER}, {@code IRF_ADMIN_PASSWORD}); without a password a random one is generated.
 */
@ConfigurationProperties(prefix = "irf.security")
public record SecurityProperties(Admin admin, Demo demo) {

  public SecurityProperties {
    admin = admin == null ? new Admin(null, null) : admin;
    demo = demo == null ? new Demo(null) : demo;
  }

  public record Admin(String user, String password) {
    public Admin {
      user = user == null || user.isBlank() ? "admin" : user.trim();
      password = password == null || password.isEmpty() ? null : password;
    }

    @Override
    public String toString() {
      return "Admin[user=" + user + ", password=" + (password == null ? "<generated>" : "<set>") + "]";
    }
  }

  /** Password of every demo user; only read with the localhost-only {@code demo} profile. */
  public record Demo(String password) {
    @Override
    public String toString() {
      return "Demo[password=<hidden>]";
    }
  }
}
