package org.irfoundation.response.actions;

import org.irfoundation.connector.ConnectorException;

/**
 * The product refused the action (403 AccessDenied, unknown user or host). Retrying will not help: the playbook
 * hands the step to a human with this message, which quotes the API's answer.
 */
public class ActionDeniedException extends ConnectorException {
  public ActionDeniedException(String system, int httpStatus, String message) {
    super(system, httpStatus, message, null);
  }

  @Override
  public boolean retryIsUseless() {
    return true;
  }
}
