package org.irfoundation.response.actions.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.IdentityActions;
import org.irfoundation.response.actions.ResponseAction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/**
 * Okta (Users API, {@code Authorization: SSWS <token>}). DISABLE_USER suspends the user (reversible, unlike
 * deactivation), ENABLE_USER unsuspends, REVOKE_SESSIONS clears every session, RESET_MFA resets all factors. The
 * user is read first ({@code GET /api/v1/users/{id}}, which also takes a login): suspending a suspended user or
 * resetting a user with no factors sends nothing. Clearing sessions cannot be checked beforehand (Okta lists no
 * user's sessions), so it is always sent and is harmless to repeat.
 */
public class OktaIdentityActions extends ActionAdapter implements IdentityActions {

  public static final String SYSTEM = "Okta";
  private static final Set<ResponseAction> SUPPORTED = EnumSet.of(ResponseAction.DISABLE_USER,
      ResponseAction.ENABLE_USER, ResponseAction.REVOKE_SESSIONS, ResponseAction.RESET_MFA);

  private final String orgUrl;
  private final String authorization;
  private final HttpConnector http;

  public OktaIdentityActions(String orgUrl, String apiToken, HttpSettings settings, HttpConnector.Sleeper sleeper) {
    super(SYSTEM, SUPPORTED);
    this.orgUrl = orgUrl.endsWith("/") ? orgUrl.substring(0, orgUrl.length() - 1) : orgUrl;
    this.authorization = "SSWS " + apiToken;
    this.http = sleeper == null ? new HttpConnector(SYSTEM, this.orgUrl, settings)
        : new HttpConnector(SYSTEM, this.orgUrl, settings, sleeper);
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    return call(request.action(), request.target());
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    JsonNode user = RestActions.call(http, "read user " + request.target(), this::advice, () -> http.client().get()
        .uri("/api/v1/users/{id}", request.target()).headers(this::auth).accept(MediaType.APPLICATION_JSON)
        .retrieve().body(JsonNode.class));
    String id = user.path("id").asText(request.target());
    String status = user.path("status").asText("");
    ActionCall call = call(request.action(), id);
    String unchanged = switch (request.action()) {
      case DISABLE_USER -> "SUSPENDED".equals(status) ? "already suspended" : null;
      case ENABLE_USER -> "SUSPENDED".equals(status) ? null : "not suspended (status " + status + ")";
      case RESET_MFA -> hasFactors(id) ? null : "has no enrolled factors";
      default -> null;
    };
    if (unchanged != null) {
      return new ActionOutcome(SYSTEM, call, "user " + id + " " + unchanged + ": nothing sent", List.of(id), false);
    }
    String template = template(request.action());
    if (request.action() == ResponseAction.REVOKE_SESSIONS) {
      RestActions.call(http, call.operation(), this::advice, () -> http.client().delete().uri(template, id)
          .headers(this::auth).retrieve().toBodilessEntity());
    } else {
      RestActions.call(http, call.operation(), this::advice, () -> http.client().post().uri(template, id)
          .headers(this::auth).accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity());
    }
    String done = switch (request.action()) {
      case DISABLE_USER -> "suspended";
      case ENABLE_USER -> "unsuspended";
      case REVOKE_SESSIONS -> "signed out of every session";
      default -> "reset: every factor must be enrolled again";
    };
    return new ActionOutcome(SYSTEM, call, "user " + id + " " + done, List.of(id), true);
  }

  private boolean hasFactors(String id) {
    JsonNode factors = RestActions.call(http, "list the factors of " + id, this::advice, () -> http.client().get()
        .uri("/api/v1/users/{id}/factors", id).headers(this::auth).accept(MediaType.APPLICATION_JSON).retrieve()
        .body(JsonNode.class));
    return factors != null && factors.isArray() && !factors.isEmpty();
  }

  private ActionCall call(ResponseAction action, String user) {
    String method = action == ResponseAction.REVOKE_SESSIONS ? "DELETE " : "POST ";
    return new ActionCall(method + template(action).replace("{id}",
        UriUtils.encode(user, StandardCharsets.UTF_8)), orgUrl, "");
  }

  private static String template(ResponseAction action) {
    return switch (action) {
      case DISABLE_USER -> "/api/v1/users/{id}/lifecycle/suspend";
      case ENABLE_USER -> "/api/v1/users/{id}/lifecycle/unsuspend";
      case REVOKE_SESSIONS -> "/api/v1/users/{id}/sessions";
      case RESET_MFA -> "/api/v1/users/{id}/lifecycle/reset_factors";
      default -> throw new IllegalArgumentException(SYSTEM + " does not " + action);
    };
  }

  String advice(int status, String body) {
    return switch (status) {
      case 401 -> "Okta did not accept the API token: check IRF_RESPONSE_OKTA_API_TOKEN (irf.response.okta.api-token)";
      case 403 -> "the token's admin may not do this: it needs a role that manages users (e.g. Help Desk or Group "
          + "Administrator for the user's groups, or Organization Administrator)";
      case 404 -> "Okta has no such user: check the user id or login";
      default -> "Okta refused the change for this user";
    };
  }

  private void auth(HttpHeaders headers) {
    headers.set(HttpHeaders.AUTHORIZATION, authorization);
  }
}
