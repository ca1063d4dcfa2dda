package org.irfoundation.response.actions;

/**
 * What every action adapter offers. Adapters take their credentials from the environment (the default AWS
 * credential chain, an API token property), never from the request.
 *
 * <p>Failures: {@link ActionDeniedException} when the product refuses (permission denied, unknown target), which
 * becomes a task for a human with the API's message; {@code ConnectorUnavailableException} /
 * {@code ConnectorRateLimitedException} when it is down or throttling, which the job executor retries.
 */
public interface ActionPort {
  /** The product, as the timeline names it: "AWS IAM", "Okta", "AWS EC2", "Microsoft Defender for Endpoint". */
  String system();

  boolean supports(ResponseAction action);

  /** The request {@link #execute} would send; an exercise records it as "would have done" and sends nothing. */
  ActionCall preview(ActionRequest request);

  /** Sends it. Idempotent: repeating a done action changes nothing and answers {@code changed = false}. */
  ActionOutcome execute(ActionRequest request);
}
