package org.irfoundation.response.actions;

/**
 * The containment actions the playbooks can run by themselves. {@code disruptive} ones lock people out or take a
 * system off the network, so they wait for an approval unless the escalation policy grants standing authority.
 */
public enum ResponseAction {
  DISABLE_USER(Port.IDENTITY, true, "ENABLE_USER"),
  ENABLE_USER(Port.IDENTITY, false, null),
  REVOKE_SESSIONS(Port.IDENTITY, true, null),
  RESET_MFA(Port.IDENTITY, true, null),
  DEACTIVATE_ACCESS_KEY(Port.IDENTITY, true, "ACTIVATE_ACCESS_KEY"),
  ACTIVATE_ACCESS_KEY(Port.IDENTITY, false, null),
  ISOLATE_HOST(Port.HOST, true, "RELEASE_HOST"),
  RELEASE_HOST(Port.HOST, false, null),
  SNAPSHOT_HOST(Port.HOST, false, null),
  OPEN_PROVIDER_CASE(Port.PROVIDER_CASE, false, null);

  /** Which port carries the action. */
  public enum Port { IDENTITY, HOST, PROVIDER_CASE }

  private final Port port;
  private final boolean disruptive;
  private final String reversal;

  ResponseAction(Port port, boolean disruptive, String reversal) {
    this.port = port;
    this.disruptive = disruptive;
    this.reversal = reversal;
  }

  public Port port() {
    return port;
  }

  public boolean disruptive() {
    return disruptive;
  }

  /** The action that undoes this one, or null where the product cannot undo it (sessions stay revoked). */
  public ResponseAction reversal() {
    return reversal == null ? null : valueOf(reversal);
  }
}
