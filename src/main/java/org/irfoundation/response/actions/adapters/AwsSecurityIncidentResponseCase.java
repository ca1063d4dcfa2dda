package org.irfoundation.response.actions.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ProviderCase;
import org.irfoundation.response.actions.ResponseAction;
import org.springframework.http.MediaType;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * AWS Security Incident Response {@code CreateCase} ({@code POST /v1/create-case}). The SDK's service module
 * ({@code securityir}) is not served by the Maven mirror this project builds from, so this is the documented REST
 * call signed with the SDK's own SigV4 signer (service {@code security-ir}). The target is the impacted account
 * (comma-separated for several). Idempotent twice over: an open case whose title carries the incident id is found
 * first ({@code POST /v1/list-cases}) and nothing is sent; the {@code clientToken} is the incident id, so the service
 * itself ignores a repeated create.
 */
public class AwsSecurityIncidentResponseCase extends ActionAdapter implements ProviderCase {

  public static final String SYSTEM = "AWS Security Incident Response";
  static final String SIGNING_NAME = "security-ir";
  static final int MAX_LIST_PAGES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResponseAdapterProperties.Aws.SecurityIr settings;
  private final String region;
  private final String endpoint;
  private final AwsCredentialsProvider credentials;
  private final HttpConnector http;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public AwsSecurityIncidentResponseCase(ResponseAdapterProperties.Aws.SecurityIr settings, String region,
      AwsCredentialsProvider credentials, HttpSettings httpSettings, HttpConnector.Sleeper sleeper, Clock clock) {
    super(SYSTEM, EnumSet.of(ResponseAction.OPEN_PROVIDER_CASE));
    this.settings = settings;
    this.region = region;
    this.endpoint = AwsErrors.endpoint(settings.endpoint(), "https://security-ir." + region + ".api.aws")
        .replaceAll("/$", "");
    this.credentials = credentials;
    this.http = sleeper == null ? new HttpConnector(SYSTEM, null, httpSettings)
        : new HttpConnector(SYSTEM, null, httpSettings, sleeper);
    this.clock = clock;
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    return new ActionCall("CreateCase", endpoint + "/v1/create-case", json(createCase(request)));
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    ActionCall call = preview(request);
    String existing = openCaseOf(request.incidentId());
    if (existing != null) {
      return new ActionOutcome(SYSTEM, call, "case " + existing + " is already open for " + request.incidentId()
          + ": nothing sent", List.of(existing), false);
    }
    JsonNode answer = post("/v1/create-case", call.body(), "CreateCase for " + request.incidentId());
    String caseId = answer.path("caseId").asText();
    return new ActionOutcome(SYSTEM, call, "case " + caseId + " opened with " + settings.resolverType()
        + " as resolver", List.of(caseId), true);
  }

  /** The id of a case not closed whose title carries the incident id, or null. */
  private String openCaseOf(String incidentId) {
    String next = null;
    for (int page = 0; page < MAX_LIST_PAGES; page++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("maxResults", 25);
      if (next != null) {
        body.put("nextToken", next);
      }
      JsonNode answer = post("/v1/list-cases", json(body), "ListCases (looking for " + incidentId + ")");
      for (JsonNode item : answer.path("items")) {
        if (item.path("title").asText().contains("[" + incidentId + "]")
            && !"Closed".equalsIgnoreCase(item.path("caseStatus").asText())) {
          return item.path("caseId").asText();
        }
      }
      next = answer.path("nextToken").asText(null);
      if (next == null || next.isEmpty()) {
        return null;
      }
    }
    return null;
  }

  private JsonNode post(String path, String body, String what) {
    URI uri = URI.create(endpoint + path);
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
        .putHeader("Content-Type", "application/json").build();
    SignedRequest signed;
    try {
      AwsCredentialsIdentity identity = credentials.resolveCredentials();
      signed = signer.sign(r -> r.identity(identity).request(unsigned)
          .payload(ContentStreamProvider.fromUtf8String(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
          .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    } catch (SdkException e) {
      throw AwsErrors.classify(SYSTEM, what, e);
    }
    return RestActions.call(http, what, this::advice, () -> http.client().post().uri(uri)
        .headers(h -> signed.request().headers().forEach((name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!lower.equals("host") && !lower.equals("content-length")) { // the HTTP client sets these itself
            h.put(name, values);
          }
        }))
        .accept(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8)).retrieve()
        .body(JsonNode.class));
  }

  private Map<String, Object> createCase(ActionRequest request) {
    String title = request.parameter(ActionParameters.TITLE);
    String description = request.parameter(ActionParameters.DESCRIPTION);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientToken", "irf-" + request.incidentId());
    body.put("title", truncate("[" + request.incidentId() + "] " + (title == null ? "Security incident" : title), 300));
    body.put("description", truncate(description == null || description.isBlank()
        ? "Incident " + request.incidentId() + " (IR Foundation" + facts(request) + "): the escalation policy "
            + "engages AWS." : description, 8000));
    body.put("engagementType", settings.engagementType());
    body.put("resolverType", settings.resolverType());
    body.put("reportedIncidentStartDate", startedAt(request).getEpochSecond());
    body.put("impactedAccounts", impactedAccounts(request));
    List<String> regions = Ec2HostActions.groups(request.parameter(ActionParameters.REGIONS));
    body.put("impactedAwsRegions", (regions.isEmpty() ? List.of(region) : regions).stream()
        .map(r -> Map.of("region", r)).toList());
    body.put("watchers", settings.watchers().stream().map(w -> {
      Map<String, String> watcher = new LinkedHashMap<>();
      watcher.put("email", w.email());
      if (w.name() != null) {
        watcher.put("name", w.name());
      }
      if (w.jobTitle() != null) {
        watcher.put("jobTitle", w.jobTitle());
      }
      return watcher;
    }).toList());
    body.put("tags", Map.of("irf:incident", request.incidentId()));
    return body;
  }

  /** The parameter's accounts, else the target when it is account ids (12 digits), else the configured ones. */
  private List<String> impactedAccounts(ActionRequest request) {
    List<String> given = Ec2HostActions.groups(request.parameter(ActionParameters.ACCOUNTS));
    if (given.isEmpty()) {
      List<String> target = Ec2HostActions.groups(request.target());
      given = !target.isEmpty() && target.stream().allMatch(a -> a.matches("\\d{12}")) ? target
          : settings.impactedAccounts();
    }
    if (given.isEmpty()) {
      throw new ActionDeniedException(SYSTEM, 0, "no impacted AWS account for the case of " + request.incidentId()
          + ": pass the parameter accounts or set irf.response.aws.security-ir.impacted-accounts");
    }
    return given;
  }

  private static String facts(ActionRequest request) {
    String severity = request.parameter(ActionParameters.SEVERITY);
    String category = request.parameter(ActionParameters.CATEGORY);
    return (severity == null ? "" : ", severity " + severity) + (category == null ? "" : ", " + category);
  }

  private Instant startedAt(ActionRequest request) {
    String given = request.parameter(ActionParameters.STARTED_AT);
    if (given == null || given.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(given.trim());
    } catch (DateTimeParseException e) {
      throw new ActionDeniedException(SYSTEM, 400, "startedAt is not an ISO-8601 instant: " + given);
    }
  }

  String advice(int status, String body) {
    return switch (status) {
      case 403 -> "the AWS principal needs security-ir:CreateCase and security-ir:ListCases, in an account with a "
          + "Security Incident Response membership";
      case 404 -> "no Security Incident Response here: check irf.response.aws.region and the membership";
      default -> "AWS Security Incident Response refused the case";
    };
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
