package org.irfoundation.connector;

/**
 * The system rejected the request (4xx other than 429: bad project key, missing scope, wrong credentials).
 * Retrying cannot help: the job gets no further retries and the Cockpit incident says which setting to fix.
 */
public class ConnectorConfigurationException extends ConnectorException {

  public ConnectorConfigurationException(String system, int httpStatus, String message) {
    super(system, httpStatus, message, null);
  }

  @Override
  public boolean retryIsUseless() {
    return true;
  }
}
