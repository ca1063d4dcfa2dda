package org.irfoundation.response.actions.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ResponseAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Okta adapter against WireMock speaking the documented Users API answers and errors. */
class OktaIdentityActionsContractTest {

  @RegisterExtension
  static WireMockExtension okta = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String USER = "00ub0oNGTSWTBKOLGLNR";
  static final String AUTH = "SSWS 00QCjAl4MlV-WPXM-test-token";

  final List<Duration> slept = new ArrayList<>();

  OktaIdentityActions adapter() {
    return new OktaIdentityActions(okta.baseUrl(), "00QCjAl4MlV-WPXM-test-token",
        new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5)), slept::add);
  }

  static String user(String status) {
    return "{\"id\":\"" + USER + "\",\"status\":\"" + status + "\",\"created\":\"2024-07-01T11:42:03.000Z\","
        + "\"profile\":{\"login\":\"j.doe@example.com\",\"email\":\"j.doe@example.com\",\"firstName\":\"Jane\","
        + "\"lastName\":\"Doe\"},\"_links\":{}}";
  }

  static String error(String code, String summary) {
    return "{\"errorCode\":\"" + code + "\",\"errorSummary\":\"" + summary + "\",\"errorLink\":\"" + code
        + "\",\"errorId\":\"oaeEXAMPLE\",\"errorCauses\":[]}";
  }

  static ActionRequest request(ResponseAction action, String target) {
    return new ActionRequest("INC-2026-0042", action, target, null);
  }

  @Test
  void suspendingAnActiveUserOnceThenNothingWhenAlreadySuspended() {
    okta.stubFor(get("/api/v1/users/" + USER).inScenario("okta").whenScenarioStateIs("Started")
        .willReturn(okJson(user("ACTIVE"))));
    okta.stubFor(post("/api/v1/users/" + USER + "/lifecycle/suspend").inScenario("okta")
        .whenScenarioStateIs("Started").willSetStateTo("suspended").willReturn(okJson("{}")));
    okta.stubFor(get("/api/v1/users/" + USER).inScenario("okta").whenScenarioStateIs("suspended")
        .willReturn(okJson(user("SUSPENDED"))));
    ActionRequest request = request(ResponseAction.DISABLE_USER, USER);
    ActionCall preview = adapter().preview(request);

    ActionOutcome first = adapter().execute(request);
    ActionOutcome again = adapter().execute(request);

    assertThat(first.changed()).isTrue();
    assertThat(first.call()).isEqualTo(preview);
    assertThat(preview.operation()).isEqualTo("POST /api/v1/users/" + USER + "/lifecycle/suspend");
    assertThat(preview.endpoint()).isEqualTo(okta.baseUrl());
    assertThat(again.changed()).isFalse();
    okta.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/users/" + USER + "/lifecycle/suspend"))
        .withHeader("Authorization", equalTo(AUTH)));
  }

  @Test
  void unsuspendingOnlyASuspendedUser() {
    okta.stubFor(get("/api/v1/users/" + USER).willReturn(okJson(user("SUSPENDED"))));
    okta.stubFor(post("/api/v1/users/" + USER + "/lifecycle/unsuspend").willReturn(okJson("{}")));
    assertThat(adapter().execute(request(ResponseAction.ENABLE_USER, USER)).changed()).isTrue();

    okta.stubFor(get("/api/v1/users/" + USER).willReturn(okJson(user("ACTIVE"))));
    assertThat(adapter().execute(request(ResponseAction.ENABLE_USER, USER)).changed()).isFalse();
    okta.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/users/" + USER + "/lifecycle/unsuspend")));
  }

  @Test
  void aLoginIsResolvedToTheUserIdAndItsSessionsAreCleared() {
    okta.stubFor(get("/api/v1/users/j.doe%40example.com").willReturn(okJson(user("ACTIVE"))));
    okta.stubFor(delete("/api/v1/users/" + USER + "/sessions").willReturn(aResponse().withStatus(204)));

    ActionOutcome outcome = adapter().execute(request(ResponseAction.REVOKE_SESSIONS, "j.doe@example.com"));

    assertThat(outcome.changed()).isTrue();
    assertThat(outcome.call().operation()).isEqualTo("DELETE /api/v1/users/" + USER + "/sessions");
    okta.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/users/" + USER + "/sessions"))
        .withHeader("Authorization", equalTo(AUTH)));
  }

  @Test
  void resettingFactorsOnlyWhenTheUserHasSome() {
    okta.stubFor(get("/api/v1/users/" + USER).willReturn(okJson(user("ACTIVE"))));
    okta.stubFor(get("/api/v1/users/" + USER + "/factors").willReturn(okJson("[{\"id\":\"ufs2bysphxKODSZKWVCT\","
        + "\"factorType\":\"token:software:totp\",\"provider\":\"GOOGLE\",\"status\":\"ACTIVE\"}]")));
    okta.stubFor(post("/api/v1/users/" + USER + "/lifecycle/reset_factors").willReturn(okJson("{}")));
    assertThat(adapter().execute(request(ResponseAction.RESET_MFA, USER)).changed()).isTrue();

    okta.stubFor(get("/api/v1/users/" + USER + "/factors").willReturn(okJson("[]")));
    assertThat(adapter().execute(request(ResponseAction.RESET_MFA, USER)).changed()).isFalse();
    okta.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/users/" + USER + "/lifecycle/reset_factors")));
  }

  @Test
  void forbiddenAndUnknownUsersAreDeniedActionsQuotingOkta() {
    okta.stubFor(get("/api/v1/users/" + USER).willReturn(okJson(user("ACTIVE"))));
    okta.stubFor(post("/api/v1/users/" + USER + "/lifecycle/suspend").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody(error("E0000006", "You do not have permission to perform the requested action"))));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, USER)))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("E0000006")
        .hasMessageContaining("You do not have permission");

    okta.stubFor(get("/api/v1/users/nobody").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(error("E0000007", "Not found: Resource not found: nobody (User)"))));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, "nobody")))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("Resource not found: nobody");
  }

  @Test
  void aWrongTokenIsAConfigurationErrorNotADenial() {
    okta.stubFor(get("/api/v1/users/" + USER).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody(error("E0000011", "Invalid token provided"))));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, USER)))
        .isExactlyInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("IRF_RESPONSE_OKTA_API_TOKEN").hasMessageNotContaining("test-token");
  }

  @Test
  void rateLimitedAndDownAreRetriedByTheJob() {
    okta.stubFor(get("/api/v1/users/" + USER).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withHeader("X-Rate-Limit-Remaining", "0")
        .withBody(error("E0000047", "API call exceeded rate limit due to too many requests."))));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, USER)))
        .isInstanceOf(ConnectorRateLimitedException.class);

    okta.stubFor(get("/api/v1/users/" + USER).willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, USER)))
        .isExactlyInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("503");
  }
}
