package org.irfoundation.response.actions.adapters;

import java.util.function.Supplier;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.response.actions.ActionDeniedException;

/**
 * The REST adapters' calls: {@link HttpConnector}'s retries and 429/5xx handling, and a refusal of the action
 * itself (400, 403, 404, 409: not allowed, unknown user or machine) turned into {@link ActionDeniedException}
 * with the API's answer; 401 stays a configuration error (the token is wrong, not the target).
 */
final class RestActions {

  private RestActions() {}

  static <T> T call(HttpConnector http, String what, HttpConnector.RejectionAdvice advice, Supplier<T> exchange) {
    try {
      return http.call(what, advice, exchange);
    } catch (ConnectorConfigurationException e) {
      if (e.httpStatus() == 401 || e.httpStatus() == 0) {
        throw e;
      }
      throw new ActionDeniedException(e.system(), e.httpStatus(), e.getMessage());
    }
  }
}
