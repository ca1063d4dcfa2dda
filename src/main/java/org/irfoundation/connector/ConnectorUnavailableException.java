package org.irfoundation.connector;

/**
 * A technical failure: 5xx, timeout, connection refused. Retrying later may succeed, so the job executor
 * retries it ({@code failedJobRetryTimeCycle}) and raises a Cockpit incident when the retries are used up.
 */
public class ConnectorUnavailableException extends ConnectorException {

  public ConnectorUnavailableException(String system, int httpStatus, String message, Throwable cause) {
    super(system, httpStatus, message, cause);
  }
}
