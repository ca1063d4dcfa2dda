package org.irfoundation.response.actions.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.HostActions;
import org.irfoundation.response.actions.ResponseAction;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * Microsoft Defender for Endpoint: ISOLATE_HOST is {@code POST /api/machines/{id}/isolate} (full isolation: only the
 * Defender service stays reachable), RELEASE_HOST {@code /unisolate}. The machine's latest isolation action is read
 * first ({@code GET /api/machineactions}): an isolation pending or done is not requested again. The access token
 * comes from the Entra ID client-credentials flow and is kept until a minute before it expires.
 */
public class DefenderHostActions extends ActionAdapter implements HostActions {

  public static final String SYSTEM = "Microsoft Defender for Endpoint";
  private static final Set<ResponseAction> SUPPORTED = EnumSet.of(ResponseAction.ISOLATE_HOST,
      ResponseAction.RELEASE_HOST);
  private static final Set<String> LIVE = Set.of("Pending", "InProgress", "Succeeded");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResponseAdapterProperties.Defender defender;
  private final HttpConnector api;
  private final HttpConnector login;
  private final Clock clock;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  public DefenderHostActions(ResponseAdapterProperties.Defender defender, HttpSettings settings,
      HttpConnector.Sleeper sleeper, Clock clock) {
    super(SYSTEM, SUPPORTED);
    this.defender = defender;
    this.api = sleeper == null ? new HttpConnector(SYSTEM, defender.apiUrl(), settings)
        : new HttpConnector(SYSTEM, defender.apiUrl(), settings, sleeper);
    this.login = new HttpConnector(SYSTEM, null, settings);
    this.clock = clock;
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("Comment", comment(request));
    if (request.action() == ResponseAction.ISOLATE_HOST) {
      body.put("IsolationType", "Full");
    }
    String path = "/api/machines/" + UriUtils.encode(request.target(), StandardCharsets.UTF_8)
        + (request.action() == ResponseAction.ISOLATE_HOST ? "/isolate" : "/unisolate");
    try {
      return new ActionCall("POST " + path, defender.apiUrl(), JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    boolean isolate = request.action() == ResponseAction.ISOLATE_HOST;
    ActionCall call = preview(request);
    String bearer = token(); // outside the calls below: a refused token is a configuration error, not a denial
    JsonNode latest = latestIsolationAction(request.target(), bearer);
    boolean isolated = latest != null && "Isolate".equals(latest.path("type").asText());
    if (isolated == isolate) {
      String state = latest == null ? "has never been isolated"
          : "has " + latest.path("type").asText() + " " + latest.path("id").asText() + " "
              + latest.path("status").asText();
      return new ActionOutcome(SYSTEM, call, "machine " + request.target() + " " + state + ": nothing sent",
          latest == null ? List.of() : List.of(latest.path("id").asText()), false);
    }
    String action = isolate ? "isolate" : "unisolate";
    JsonNode answer = RestActions.call(api, call.operation(), this::advice, () -> api.client().post()
        .uri("/api/machines/{id}/" + action, request.target()).headers(h -> h.setBearerAuth(bearer))
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(call.body())
        .retrieve().body(JsonNode.class));
    String actionId = answer == null ? "" : answer.path("id").asText();
    return new ActionOutcome(SYSTEM, call, "machine action " + actionId + " (" + action + ") "
        + (answer == null ? "accepted" : answer.path("status").asText("accepted")),
        actionId.isEmpty() ? List.of() : List.of(actionId), true);
  }

  /** The machine's newest Isolate or Unisolate that is pending, running or done; null if none. */
  private JsonNode latestIsolationAction(String machineId, String bearer) {
    String filter = "machineId eq '" + machineId.replace("'", "''") + "'";
    JsonNode actions = RestActions.call(api, "list the machine actions of " + machineId, this::advice,
        () -> api.client().get().uri(b -> b.path("/api/machineactions").queryParam("$filter", "{f}").build(filter))
            .headers(h -> h.setBearerAuth(bearer)).accept(MediaType.APPLICATION_JSON).retrieve()
            .body(JsonNode.class));
    return StreamSupport.stream(actions.path("value").spliterator(), false)
        .filter(a -> Set.of("Isolate", "Unisolate").contains(a.path("type").asText()))
        .filter(a -> LIVE.contains(a.path("status").asText()))
        .max(Comparator.comparing(a -> created(a.path("creationDateTimeUtc").asText())))
        .orElse(null);
  }

  private static Instant created(String value) {
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      return Instant.MIN;
    }
  }

  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenExpires)) {
      return token;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", defender.clientId());
    form.add("client_secret", defender.clientSecret());
    form.add("scope", defender.scope());
    JsonNode answer = login.call("get an access token from " + defender.resolvedTokenUrl(), this::tokenAdvice,
        () -> login.client().post().uri(defender.resolvedTokenUrl()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON).body(form).retrieve().body(JsonNode.class));
    token = answer.path("access_token").asText();
    tokenExpires = clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong(3600) - 60));
    return token;
  }

  private String comment(ActionRequest request) {
    String given = request.parameter(ActionParameters.COMMENT);
    return given != null && !given.isBlank() ? given
        : (request.action() == ResponseAction.ISOLATE_HOST ? "Isolated" : "Released") + " by IR Foundation for "
            + request.incidentId();
  }

  String advice(int status, String body) {
    return switch (status) {
      case 401 -> "Defender did not accept the token: check the app registration (irf.response.defender.client-id)";
      case 403 -> "the app needs the WindowsDefenderATP application permissions Machine.Isolate and Machine.Read.All, "
          + "admin-consented";
      case 404 -> "Defender knows no such machine: check the machine id";
      default -> "Defender refused the machine action";
    };
  }

  String tokenAdvice(int status, String body) {
    return "Entra ID refused the client credentials: check irf.response.defender.tenant-id, client-id and "
        + "IRF_RESPONSE_DEFENDER_CLIENT_SECRET";
  }
}
