package org.irfoundation.response.actions.adapters;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.response.actions.ActionDeniedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * How the AWS adapters call the SDK and sort its failures into the connector exceptions: throttling (after the
 * SDK's own retries) waits for the job's next attempt, 5xx and no answer are retried, everything else the API
 * refused (AccessDenied, UnauthorizedOperation, NoSuchEntity, InvalidInstanceID.NotFound...) is a denied action
 * that a human takes over, with the API's code and message.
 */
final class AwsErrors {

  /** AWS sends no Retry-After: the job tries again after this. */
  static final Duration THROTTLED_WAIT = Duration.ofSeconds(30);

  private AwsErrors() {}

  static <T> T call(String system, String what, Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (SdkException e) {
      throw classify(system, what, e);
    }
  }

  static RuntimeException classify(String system, String what, SdkException e) {
    if (e instanceof AwsServiceException aws) {
      int status = aws.statusCode();
      String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
      String message = aws.awsErrorDetails() == null || aws.awsErrorDetails().errorMessage() == null
          ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
      if (aws.isThrottlingException() || status == 429) {
        return new ConnectorRateLimitedException(system, what + " (" + code + ")", Instant.now().plus(THROTTLED_WAIT));
      }
      if (status >= 500) {
        return new ConnectorUnavailableException(system, status,
            system + " answered HTTP " + status + " to " + what + ": " + code + ": " + message, e);
      }
      return new ActionDeniedException(system, status, system + " refused " + what + ": " + code + ": " + message);
    }
    String root = HttpConnector.rootMessage(e);
    if (e instanceof SdkClientException && root.contains("Unable to load credentials")) {
      return new ConnectorConfigurationException(system, 0, system + ": no AWS credentials for " + what
          + ": give the application an instance/task role or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ("
          + root + ")");
    }
    return new ConnectorUnavailableException(system, 0, system + " did not answer " + what + ": " + root, e);
  }

  /**
   * An AWS Query protocol body as the SDK writes it: {@code Action}, {@code Version}, then the parameters in the
   * order given, each form-encoded the SDK's way.
   */
  static String queryBody(String action, String version, Map<String, String> parameters) {
    StringJoiner body = new StringJoiner("&");
    body.add("Action=" + SdkHttpUtils.formDataEncode(action)).add("Version=" + SdkHttpUtils.formDataEncode(version));
    parameters.forEach((name, value) ->
        body.add(SdkHttpUtils.formDataEncode(name) + "=" + SdkHttpUtils.formDataEncode(value)));
    return body.toString();
  }

  static String endpoint(URI override, String standard) {
    return override == null ? standard : override.toString();
  }
}
