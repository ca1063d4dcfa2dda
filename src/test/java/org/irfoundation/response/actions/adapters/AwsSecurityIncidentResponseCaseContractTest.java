package org.irfoundation.response.actions.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ResponseAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Security Incident Response adapter's SigV4-signed REST calls against WireMock speaking the documented API. */
class AwsSecurityIncidentResponseCaseContractTest {

  @RegisterExtension
  static WireMockExtension sir = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Instant NOW = Instant.parse("2026-12-01T03:30:00Z");

  AwsSecurityIncidentResponseCase adapter() {
    return adapter(List.of());
  }

  AwsSecurityIncidentResponseCase adapter(List<String> configuredAccounts) {
    ResponseAdapterProperties.Aws.SecurityIr settings = new ResponseAdapterProperties.Aws.SecurityIr(true,
        URI.create(sir.baseUrl()), List.of(new ResponseAdapterProperties.Aws.Watcher("ir-lead@example.com",
            "Ira Lead", "IR lead")), configuredAccounts, "AWS", "Security Incident");
    return new AwsSecurityIncidentResponseCase(settings, "eu-central-1", AwsTestSupport.CREDENTIALS,
        new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5)), d -> { },
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ActionRequest request() {
    return new ActionRequest("INC-2026-0042", ResponseAction.OPEN_PROVIDER_CASE, "123456789012",
        Map.of(ActionParameters.TITLE, "Ransomware on web tier", ActionParameters.STARTED_AT, "2026-11-30T22:00:00Z"));
  }

  static String cases(String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"total\":" + items.length + "}";
  }

  static String item(String id, String title, String status) {
    return "{\"caseId\":\"" + id + "\",\"caseArn\":\"arn:aws:security-ir:eu-central-1:123456789012:case/" + id
        + "\",\"title\":\"" + title + "\",\"caseStatus\":\"" + status + "\",\"engagementType\":\"Security Incident\","
        + "\"resolverType\":\"AWS\",\"createdDate\":1764550000,\"lastUpdatedDate\":1764550000}";
  }

  @Test
  void opensASignedCaseOnceAndARepeatFindsTheOpenCase() throws Exception {
    sir.stubFor(post("/v1/list-cases").inScenario("sir").whenScenarioStateIs("Started")
        .willReturn(okJson(cases(item("0000000001", "[INC-2026-0001] old one", "Closed")))));
    sir.stubFor(post("/v1/create-case").inScenario("sir").whenScenarioStateIs("Started").willSetStateTo("open")
        .willReturn(okJson("{\"caseId\":\"0000000042\"}")));
    sir.stubFor(post("/v1/list-cases").inScenario("sir").whenScenarioStateIs("open").willReturn(okJson(cases(
        item("0000000042", "[INC-2026-0042] Ransomware on web tier", "Submitted")))));
    ActionCall preview = adapter().preview(request());

    ActionOutcome first = adapter().execute(request());
    ActionOutcome again = adapter().execute(request());

    assertThat(first.changed()).isTrue();
    assertThat(first.references()).containsExactly("0000000042");
    assertThat(again.changed()).isFalse();
    assertThat(again.references()).containsExactly("0000000042");
    List<LoggedRequest> created = sir.findAll(postRequestedFor(urlEqualTo("/v1/create-case")));
    assertThat(created).hasSize(1);
    assertThat(created.get(0).getBodyAsString()).isEqualTo(preview.body());
    assertThat(preview.endpoint()).isEqualTo(sir.baseUrl() + "/v1/create-case");
    JsonNode body = new ObjectMapper().readTree(preview.body());
    assertThat(body.path("clientToken").asText()).isEqualTo("irf-INC-2026-0042");
    assertThat(body.path("title").asText()).isEqualTo("[INC-2026-0042] Ransomware on web tier");
    assertThat(body.path("engagementType").asText()).isEqualTo("Security Incident");
    assertThat(body.path("resolverType").asText()).isEqualTo("AWS");
    assertThat(body.path("reportedIncidentStartDate").asLong()).isEqualTo(Instant.parse("2026-11-30T22:00:00Z")
        .getEpochSecond());
    assertThat(body.path("impactedAccounts").get(0).asText()).isEqualTo("123456789012");
    assertThat(body.path("impactedAwsRegions").get(0).path("region").asText()).isEqualTo("eu-central-1");
    assertThat(body.path("watchers").get(0).path("email").asText()).isEqualTo("ir-lead@example.com");
    sir.verify(postRequestedFor(urlEqualTo("/v1/create-case"))
        .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/\\d{8}/eu-central-1/"
            + "security-ir/aws4_request, SignedHeaders=[a-z0-9;-]*content-type[a-z0-9;-]*, Signature=[0-9a-f]{64}"))
        .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
        .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void aTargetThatIsNoAccountTakesTheConfiguredAccountsAndWithoutAnyTheCaseIsLeftToAHuman() throws Exception {
    ActionRequest byIncident = new ActionRequest("INC-2026-0042", ResponseAction.OPEN_PROVIDER_CASE, "INC-2026-0042",
        Map.of(ActionParameters.SEVERITY, "P1", ActionParameters.CATEGORY, "MALWARE_RANSOMWARE"));
    JsonNode body = new ObjectMapper().readTree(adapter(List.of("111122223333")).preview(byIncident).body());
    assertThat(body.path("impactedAccounts").get(0).asText()).isEqualTo("111122223333");
    assertThat(body.path("description").asText()).contains("severity P1").contains("MALWARE_RANSOMWARE");
    assertThatThrownBy(() -> adapter().preview(byIncident)).isInstanceOf(ActionDeniedException.class)
        .hasMessageContaining("irf.response.aws.security-ir.impacted-accounts");
  }

  @Test
  void accessDeniedIsADeniedActionQuotingAws() {
    sir.stubFor(post("/v1/list-cases").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"message\":\"User: arn:aws:iam::123456789012:role/irf is not authorized to perform: "
            + "security-ir:ListCases\"}")));
    assertThatThrownBy(() -> adapter().execute(request())).isInstanceOf(ActionDeniedException.class)
        .hasMessageContaining("not authorized to perform: security-ir:ListCases");
  }

  @Test
  void throttlingAndServerErrorsAreRetriedByTheJob() {
    sir.stubFor(post("/v1/list-cases").willReturn(okJson(cases())));
    sir.stubFor(post("/v1/create-case").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "ThrottlingException")
        .withBody("{\"message\":\"Rate exceeded\"}")));
    assertThatThrownBy(() -> adapter().execute(request())).isInstanceOf(ConnectorRateLimitedException.class);

    sir.stubFor(post("/v1/create-case").willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "InternalServerException")
        .withBody("{\"message\":\"Internal failure\"}")));
    assertThatThrownBy(() -> adapter().execute(request())).isExactlyInstanceOf(ConnectorUnavailableException.class)
        .hasMessageContaining("500");
  }
}
