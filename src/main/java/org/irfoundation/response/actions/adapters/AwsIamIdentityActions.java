package org.irfoundation.response.actions.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.IdentityActions;
import org.irfoundation.response.actions.ResponseAction;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * AWS IAM. Access keys are set Inactive, never deleted (the key id stays for the investigation and the key can be
 * switched back on); a user is disabled by the inline policy {@value #DENY_ALL_POLICY} that denies everything (removed
 * again by ENABLE_USER); a role's sessions are revoked as the console's "Revoke active sessions" does, by the inline
 * policy {@value #REVOKE_POLICY} denying everything to tokens issued before the cut-off. Each action first reads the
 * current state and sends nothing when it is already there.
 */
public class AwsIamIdentityActions extends ActionAdapter implements IdentityActions {

  public static final String SYSTEM = "AWS IAM";
  public static final String DENY_ALL_POLICY = "irf-incident-deny-all";
  public static final String REVOKE_POLICY = "irf-incident-revoke-older-sessions";
  static final String STANDARD_ENDPOINT = "https://iam.amazonaws.com";
  static final String VERSION = "2010-05-08";
  static final String DENY_ALL_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"IrfIncidentDenyAll\","
      + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final Set<ResponseAction> SUPPORTED = EnumSet.of(ResponseAction.DEACTIVATE_ACCESS_KEY,
      ResponseAction.ACTIVATE_ACCESS_KEY, ResponseAction.DISABLE_USER, ResponseAction.ENABLE_USER,
      ResponseAction.REVOKE_SESSIONS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IamClient iam;
  private final String endpoint;
  private final Clock clock;

  public AwsIamIdentityActions(IamClient iam, String endpoint, Clock clock) {
    super(SYSTEM, SUPPORTED);
    this.iam = iam;
    this.endpoint = endpoint == null ? STANDARD_ENDPOINT : endpoint;
    this.clock = clock;
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    return switch (request.action()) {
      case DEACTIVATE_ACCESS_KEY, ACTIVATE_ACCESS_KEY -> updateAccessKey(request, user(request));
      default -> change(request, revokeCutoff(request));
    };
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    return switch (request.action()) {
      case DEACTIVATE_ACCESS_KEY, ACTIVATE_ACCESS_KEY -> accessKey(request);
      case DISABLE_USER -> disableUser(request);
      case ENABLE_USER -> enableUser(request);
      case REVOKE_SESSIONS -> revokeSessions(request);
      default -> throw new IllegalArgumentException(SYSTEM + " does not " + request.action());
    };
  }

  private ActionOutcome accessKey(ActionRequest request) {
    String keyId = request.target();
    String user = user(request);
    if (user == null) { // whose key it is: the IAM API answers that from the key id alone
      user = AwsErrors.call(SYSTEM, "find the user of access key " + keyId,
          () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).userName());
    }
    String owner = user;
    StatusType wanted = request.action() == ResponseAction.DEACTIVATE_ACCESS_KEY ? StatusType.INACTIVE
        : StatusType.ACTIVE;
    List<AccessKeyMetadata> keys = AwsErrors.call(SYSTEM, "list the access keys of " + owner,
        () -> iam.listAccessKeysPaginator(r -> r.userName(owner)).accessKeyMetadata().stream().toList());
    AccessKeyMetadata key = keys.stream().filter(k -> keyId.equals(k.accessKeyId())).findFirst()
        .orElseThrow(() -> new ActionDeniedException(SYSTEM, 404,
            SYSTEM + " has no access key " + keyId + " for user " + owner));
    ActionCall call = updateAccessKey(request, owner);
    if (key.status() == wanted) {
      return new ActionOutcome(SYSTEM, call, "access key " + keyId + " of " + owner + " already "
          + wanted + ": nothing sent", List.of(keyId), false);
    }
    AwsErrors.call(SYSTEM, call.operation() + " " + keyId,
        () -> iam.updateAccessKey(r -> r.userName(owner).accessKeyId(keyId).status(wanted)));
    return new ActionOutcome(SYSTEM, call, "access key " + keyId + " of " + owner + " set " + wanted,
        List.of(keyId), true);
  }

  private ActionOutcome disableUser(ActionRequest request) {
    String user = request.target();
    ActionCall call = change(request, null);
    if (hasUserPolicy(user)) {
      return new ActionOutcome(SYSTEM, call, "user " + user + " already has " + DENY_ALL_POLICY + ": nothing sent",
          List.of(), false);
    }
    AwsErrors.call(SYSTEM, "PutUserPolicy " + DENY_ALL_POLICY + " on " + user, () -> iam.putUserPolicy(
        r -> r.userName(user).policyName(DENY_ALL_POLICY).policyDocument(DENY_ALL_DOCUMENT)));
    return new ActionOutcome(SYSTEM, call, "user " + user + " disabled: inline policy " + DENY_ALL_POLICY
        + " denies every action", List.of(), true);
  }

  private ActionOutcome enableUser(ActionRequest request) {
    String user = request.target();
    ActionCall call = change(request, null);
    if (!hasUserPolicy(user)) {
      return new ActionOutcome(SYSTEM, call, "user " + user + " has no " + DENY_ALL_POLICY + ": nothing sent",
          List.of(), false);
    }
    AwsErrors.call(SYSTEM, "DeleteUserPolicy " + DENY_ALL_POLICY + " on " + user,
        () -> iam.deleteUserPolicy(r -> r.userName(user).policyName(DENY_ALL_POLICY)));
    return new ActionOutcome(SYSTEM, call, "user " + user + " enabled: inline policy " + DENY_ALL_POLICY + " removed",
        List.of(), true);
  }

  private ActionOutcome revokeSessions(ActionRequest request) {
    String role = request.target();
    Instant cutoff = revokeCutoff(request);
    ActionCall call = change(request, cutoff);
    Instant current = currentRevokeCutoff(role);
    if (current != null && !current.isBefore(cutoff)) {
      return new ActionOutcome(SYSTEM, call, "sessions of role " + role + " issued before " + current
          + " are already revoked: nothing sent", List.of(), false);
    }
    AwsErrors.call(SYSTEM, "PutRolePolicy " + REVOKE_POLICY + " on " + role, () -> iam.putRolePolicy(
        r -> r.roleName(role).policyName(REVOKE_POLICY).policyDocument(revokeDocument(cutoff))));
    return new ActionOutcome(SYSTEM, call, "sessions of role " + role + " issued before " + cutoff
        + " revoked: inline policy " + REVOKE_POLICY, List.of(), true);
  }

  private boolean hasUserPolicy(String user) {
    return AwsErrors.call(SYSTEM, "list the inline policies of " + user,
        () -> iam.listUserPoliciesPaginator(r -> r.userName(user)).policyNames().stream()
            .anyMatch(DENY_ALL_POLICY::equals));
  }

  /** The cut-off of the role's revoke policy, null when it has none. */
  private Instant currentRevokeCutoff(String role) {
    String document;
    try {
      document = AwsErrors.call(SYSTEM, "read " + REVOKE_POLICY + " of role " + role,
          () -> iam.getRolePolicy(r -> r.roleName(role).policyName(REVOKE_POLICY)).policyDocument());
    } catch (ActionDeniedException e) {
      if (e.httpStatus() == 404) {
        return null; // NoSuchEntity: not revoked yet (an unknown role fails on the put, with IAM's message)
      }
      throw e;
    }
    try { // IAM answers policy documents URL-encoded
      JsonNode policy = JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
      String issued = policy.path("Statement").path(0).path("Condition").path("DateLessThan")
          .path("aws:TokenIssueTime").asText(null);
      return issued == null ? null : Instant.parse(issued);
    } catch (java.io.IOException | DateTimeParseException e) {
      return null; // not ours to read: overwrite it with a cut-off we can
    }
  }

  private ActionCall updateAccessKey(ActionRequest request, String user) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("UserName", user == null ? "(owner of the key, from GetAccessKeyLastUsed)" : user);
    parameters.put("AccessKeyId", request.target());
    parameters.put("Status", request.action() == ResponseAction.DEACTIVATE_ACCESS_KEY ? "Inactive" : "Active");
    return query("UpdateAccessKey", parameters);
  }

  private ActionCall change(ActionRequest request, Instant cutoff) {
    return switch (request.action()) {
      case DISABLE_USER -> query("PutUserPolicy", Map.of("UserName", request.target(), "PolicyName", DENY_ALL_POLICY,
          "PolicyDocument", DENY_ALL_DOCUMENT));
      case ENABLE_USER -> query("DeleteUserPolicy", Map.of("UserName", request.target(), "PolicyName",
          DENY_ALL_POLICY));
      case REVOKE_SESSIONS -> query("PutRolePolicy", Map.of("RoleName", request.target(), "PolicyName",
          REVOKE_POLICY, "PolicyDocument", revokeDocument(cutoff)));
      default -> throw new IllegalArgumentException(SYSTEM + " does not " + request.action());
    };
  }

  /** Parameters in the order the SDK writes them (the API model's member order). */
  private ActionCall query(String operation, Map<String, String> parameters) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : List.of("UserName", "RoleName", "AccessKeyId", "Status", "PolicyName", "PolicyDocument")) {
      if (parameters.containsKey(name)) {
        ordered.put(name, parameters.get(name));
      }
    }
    return new ActionCall(operation, endpoint, AwsErrors.queryBody(operation, VERSION, ordered));
  }

  private Instant revokeCutoff(ActionRequest request) {
    String given = request.parameter(ActionParameters.ISSUED_BEFORE);
    if (given != null && !given.isBlank()) {
      try {
        return Instant.parse(given.trim()).truncatedTo(ChronoUnit.SECONDS);
      } catch (DateTimeParseException e) {
        throw new ActionDeniedException(SYSTEM, 400, "issuedBefore is not an ISO-8601 instant: " + given);
      }
    }
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  static String revokeDocument(Instant cutoff) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"IrfRevokeOlderSessions\",\"Effect\":\"Deny\","
        + "\"Action\":[\"*\"],\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\""
        + cutoff + "\"}}}]}";
  }

  private static String user(ActionRequest request) {
    String user = request.parameter(ActionParameters.USER);
    return user == null || user.isBlank() ? null : user.trim();
  }
}
