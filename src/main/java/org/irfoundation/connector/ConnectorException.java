package org.irfoundation.connector;

import org.irfoundation.engine.RetryHint;

/**
 * A call to an outside system (Jira, Slack, an SMTP server...) failed. The message names the system, what was
 * asked and, for HTTP, the status; it ends up as the Cockpit incident's message, so it says what to do.
 */
public abstract class ConnectorException extends RuntimeException implements RetryHint {

  private final String system;
  private final int httpStatus;

  protected ConnectorException(String system, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.system = system;
    this.httpStatus = httpStatus;
  }

  /** "Jira", "ServiceNow", "Slack"... */
  public String system() {
    return system;
  }

  /** The HTTP status the system answered, 0 when it did not answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
