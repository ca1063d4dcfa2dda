package org.irfoundation.response.actions.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ResponseAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Defender adapter against WireMock serving both the Entra ID token endpoint and the machine actions API. */
class DefenderHostActionsContractTest {

  @RegisterExtension
  static WireMockExtension ms = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String MACHINE = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  DefenderHostActions adapter() {
    ResponseAdapterProperties.Defender defender = new ResponseAdapterProperties.Defender(true, TENANT, "app-client-id",
        "app-client-secret", ms.baseUrl(), ms.baseUrl() + "/{tenant}/oauth2/v2.0/token",
        "https://api.securitycenter.microsoft.com/.default");
    return new DefenderHostActions(defender, new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(5)), d -> { }, Clock.systemUTC());
  }

  static void tokenServed() {
    ms.stubFor(post("/" + TENANT + "/oauth2/v2.0/token").willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"eyJ0eXAi.test\"}")));
  }

  static void actions(String state, String next, String... items) {
    ms.stubFor(get(urlPathEqualTo("/api/machineactions")).inScenario("mde").whenScenarioStateIs(state)
        .willSetStateTo(next == null ? state : next)
        .willReturn(okJson("{\"@odata.context\":\"https://api.security.microsoft.com/api/$metadata#MachineActions\","
            + "\"value\":[" + String.join(",", items) + "]}")));
  }

  static String action(String id, String type, String status, String created) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"requestor\":\"app-client-id\",\"requestorComment\":"
        + "\"by IR Foundation\",\"status\":\"" + status + "\",\"machineId\":\"" + MACHINE + "\",\"computerDnsName\":"
        + "\"ws-0042.corp.example.com\",\"creationDateTimeUtc\":\"" + created + "\",\"lastUpdateDateTimeUtc\":\""
        + created + "\"}";
  }

  static ActionRequest request(ResponseAction action) {
    return new ActionRequest("INC-2026-0042", action, MACHINE, Map.of());
  }

  @Test
  void isolatesOnceWithTheTokenAndSendsWhatThePreviewSaid() {
    tokenServed();
    actions("Started", null, action("a1", "Unisolate", "Succeeded", "2026-10-01T10:00:00.1234567Z"),
        action("a0", "Isolate", "Succeeded", "2026-09-30T10:00:00Z"));
    ms.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("mde").whenScenarioStateIs("Started")
        .willSetStateTo("isolated").willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody(action("b2f5c3a0-isolate", "Isolate", "Pending", "2026-12-01T03:20:00Z"))));
    actions("isolated", null, action("b2f5c3a0-isolate", "Isolate", "Pending", "2026-12-01T03:20:00Z"),
        action("a1", "Unisolate", "Succeeded", "2026-10-01T10:00:00Z"));
    DefenderHostActions adapter = adapter();
    ActionCall preview = adapter.preview(request(ResponseAction.ISOLATE_HOST));

    ActionOutcome first = adapter.execute(request(ResponseAction.ISOLATE_HOST));
    ActionOutcome again = adapter.execute(request(ResponseAction.ISOLATE_HOST));

    assertThat(first.changed()).isTrue();
    assertThat(first.references()).containsExactly("b2f5c3a0-isolate");
    assertThat(again.changed()).isFalse();
    assertThat(again.references()).containsExactly("b2f5c3a0-isolate");
    List<LoggedRequest> isolations = ms.findAll(postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE
        + "/isolate")));
    assertThat(isolations).hasSize(1);
    assertThat(isolations.get(0).getBodyAsString()).isEqualTo(preview.body());
    assertThat(preview.body()).isEqualTo("{\"Comment\":\"Isolated by IR Foundation for INC-2026-0042\","
        + "\"IsolationType\":\"Full\"}");
    assertThat(isolations.get(0).getHeader("Authorization")).isEqualTo("Bearer eyJ0eXAi.test");
    ms.verify(1, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
        .withRequestBody(containing("grant_type=client_credentials"))
        .withRequestBody(containing("client_id=app-client-id"))
        .withRequestBody(containing("scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default")));
    ms.verify(getRequestedFor("/api/machineactions").withQueryParam("$filter",
        equalTo("machineId eq '" + MACHINE + "'")));
  }

  static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(String path) {
    return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path));
  }

  @Test
  void releasesOnlyAnIsolatedMachine() {
    tokenServed();
    actions("Started", null);
    assertThat(adapter().execute(request(ResponseAction.RELEASE_HOST)).changed()).isFalse();

    ms.resetAll();
    tokenServed();
    actions("Started", null, action("iso-1", "Isolate", "Succeeded", "2026-12-01T03:20:00Z"));
    ms.stubFor(post("/api/machines/" + MACHINE + "/unisolate").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(action("uniso-1", "Unisolate", "Pending", "2026-12-02T09:00:00Z"))));
    ActionOutcome released = adapter().execute(request(ResponseAction.RELEASE_HOST));
    assertThat(released.changed()).isTrue();
    assertThat(released.references()).containsExactly("uniso-1");
    ms.verify(postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/unisolate"))
        .withRequestBody(equalTo("{\"Comment\":\"Released by IR Foundation for INC-2026-0042\"}")));
  }

  @Test
  void aMissingPermissionAndAnUnknownMachineAreDeniedActionsQuotingDefender() {
    tokenServed();
    actions("Started", null);
    ms.stubFor(post("/api/machines/" + MACHINE + "/isolate").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":"
            + "\"The application does not have any of the required application roles (Machine.Isolate) to access "
            + "the resource.\",\"target\":\"43f4cb08-8fac-4b65-9db1-745c2ae65f3a\"}}")));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST)))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("Machine.Isolate");

    ms.stubFor(post("/api/machines/" + MACHINE + "/isolate").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"ResourceNotFound\","
            + "\"message\":\"Machine " + MACHINE + " was not found\"}}")));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST)))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("was not found");
  }

  @Test
  void throttledWaitsForTheJobAndABadClientSecretIsAConfigurationError() {
    tokenServed();
    ms.stubFor(get(urlPathEqualTo("/api/machineactions")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "120").withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit is exceeded.\"}}")));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST)))
        .isInstanceOf(ConnectorRateLimitedException.class);

    ms.resetAll();
    ms.stubFor(post("/" + TENANT + "/oauth2/v2.0/token").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\",\"error_description\":"
            + "\"AADSTS7000215: Invalid client secret provided.\"}")));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST)))
        .isExactlyInstanceOf(ConnectorConfigurationException.class).hasMessageContaining("AADSTS7000215")
        .hasMessageContaining("IRF_RESPONSE_DEFENDER_CLIENT_SECRET").hasMessageNotContaining("app-client-secret");
  }
}
