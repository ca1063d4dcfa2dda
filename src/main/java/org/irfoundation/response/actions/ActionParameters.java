package org.irfoundation.response.actions;

import org.irfoundation.incident.IncidentResponseApi;

/**
 * Names of the {@link ActionRequest#parameters()} the adapters read, shared by the delegates that fill them in.
 * Never credentials.
 */
public final class ActionParameters {

  /** DEACTIVATE_/ACTIVATE_ACCESS_KEY on AWS IAM: the key's user (optional: IAM is asked whose key it is). */
  public static final String USER = "userName";
  /** RELEASE_HOST on EC2: the security groups to restore, comma-separated (optional: else the instance's tag). */
  public static final String PREVIOUS_GROUPS = "previousGroups";
  /** REVOKE_SESSIONS on AWS IAM: revoke sessions issued before this ISO-8601 instant (default: now). */
  public static final String ISSUED_BEFORE = "issuedBefore";
  /** OPEN_PROVIDER_CASE: the case's title and description (defaults name the incident). */
  public static final String TITLE = "caseTitle";
  public static final String DESCRIPTION = "caseDescription";
  /**
   * OPEN_PROVIDER_CASE: the impacted AWS account ids, comma-separated (default: the target when it is account ids,
   * else {@code irf.response.aws.security-ir.impacted-accounts}).
   */
  public static final String ACCOUNTS = "accounts";
  /** OPEN_PROVIDER_CASE: the incident's severity and category (named as the incident's variables), for the case. */
  public static final String SEVERITY = IncidentResponseApi.Decided.SEVERITY.name();
  public static final String CATEGORY = IncidentResponseApi.Inputs.CATEGORY.name();
  /** OPEN_PROVIDER_CASE: when the unauthorised activity started, ISO-8601 (default: now). */
  public static final String STARTED_AT = "startedAt";
  /** OPEN_PROVIDER_CASE: impacted AWS regions, comma-separated (default: the configured region). */
  public static final String REGIONS = "regions";
  /** ISOLATE_/RELEASE_HOST on Defender: the comment the machine action carries (default names the incident). */
  public static final String COMMENT = "machineComment";

  private ActionParameters() {}
}
