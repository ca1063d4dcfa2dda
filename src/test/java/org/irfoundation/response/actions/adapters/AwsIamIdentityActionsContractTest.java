package org.irfoundation.response.actions.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irfoundation.response.actions.adapters.AwsTestSupport.xml;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ResponseAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** The IAM adapter through the SDK against WireMock speaking IAM's Query API (form posts, XML answers). */
class AwsIamIdentityActionsContractTest {

  @RegisterExtension
  static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String NS = "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"";
  static final String META = "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>"
      + "</ResponseMetadata>";
  static final Instant NOW = Instant.parse("2026-12-01T03:12:45Z");
  static final String KEY = "AKIAIOSFODNN7EXAMPLE";

  AwsIamIdentityActions adapter() {
    IamClient iam = IamClient.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.AWS_GLOBAL)
        .credentialsProvider(AwsTestSupport.CREDENTIALS).endpointOverride(URI.create(aws.baseUrl()))
        .overrideConfiguration(AwsTestSupport.noRetries()).build();
    return new AwsIamIdentityActions(iam, aws.baseUrl(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static void answer(String action, String state, String next, int status, String body) {
    MappingBuilder stub = post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    if (state != null) {
      ScenarioMappingBuilder scenario = stub.inScenario("iam").whenScenarioStateIs(state);
      stub = next == null ? scenario : scenario.willSetStateTo(next);
    }
    aws.stubFor(stub.willReturn(xml(status, body)));
  }

  static String ok(String action, String result) {
    return "<" + action + "Response " + NS + ">" + (result == null ? "" : "<" + action + "Result>" + result + "</"
        + action + "Result>") + META + "</" + action + "Response>";
  }

  static String error(String code, String message) {
    return "<ErrorResponse " + NS + "><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
        + "</Message></Error><RequestId>4c3a2b1e-EXAMPLE</RequestId></ErrorResponse>";
  }

  static String keys(String status) {
    return ok("ListAccessKeys", "<UserName>j.doe</UserName><AccessKeyMetadata><member><UserName>j.doe</UserName>"
        + "<AccessKeyId>" + KEY + "</AccessKeyId><Status>" + status + "</Status>"
        + "<CreateDate>2025-05-08T23:34:01Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>");
  }

  static ActionRequest request(ResponseAction action, String target, Map<String, String> parameters) {
    return new ActionRequest("INC-2026-0042", action, target, parameters);
  }

  static List<LoggedRequest> sent(String action) {
    return aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
  }

  @Test
  void deactivatingAKeySetsItInactiveOnceAndSendsWhatThePreviewSaid() {
    answer("ListAccessKeys", "Started", null, 200, keys("Active"));
    answer("UpdateAccessKey", "Started", "inactive", 200, ok("UpdateAccessKey", null));
    answer("ListAccessKeys", "inactive", null, 200, keys("Inactive"));
    ActionRequest request = request(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY, Map.of(ActionParameters.USER, "j.doe"));
    ActionCall preview = adapter().preview(request);

    ActionOutcome first = adapter().execute(request);
    ActionOutcome second = adapter().execute(request);

    assertThat(first.changed()).isTrue();
    assertThat(first.call()).isEqualTo(preview);
    assertThat(sent("UpdateAccessKey")).hasSize(1);
    LoggedRequest update = sent("UpdateAccessKey").get(0);
    assertThat(update.getBodyAsString()).isEqualTo(preview.body());
    assertThat(AwsTestSupport.form(update)).containsEntry("UserName", "j.doe").containsEntry("AccessKeyId", KEY)
        .containsEntry("Status", "Inactive");
    assertThat(update.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/");
    assertThat(preview.operation()).isEqualTo("UpdateAccessKey");
    assertThat(second.changed()).isFalse();
    assertThat(second.answer()).contains("already Inactive");
  }

  @Test
  void withoutTheUserIamIsAskedWhoseKeyItIs() {
    answer("GetAccessKeyLastUsed", null, null, 200, ok("GetAccessKeyLastUsed", "<UserName>j.doe</UserName>"
        + "<AccessKeyLastUsed><Region>us-east-1</Region><ServiceName>s3</ServiceName>"
        + "<LastUsedDate>2026-11-30T22:01:00Z</LastUsedDate></AccessKeyLastUsed>"));
    answer("ListAccessKeys", null, null, 200, keys("Inactive"));
    answer("UpdateAccessKey", null, null, 200, ok("UpdateAccessKey", null));

    ActionOutcome outcome = adapter().execute(request(ResponseAction.ACTIVATE_ACCESS_KEY, KEY, Map.of()));

    assertThat(outcome.changed()).isTrue();
    assertThat(AwsTestSupport.form(sent("UpdateAccessKey").get(0))).containsEntry("UserName", "j.doe")
        .containsEntry("Status", "Active");
  }

  @Test
  void aKeyTheUserDoesNotHaveIsADeniedAction() {
    answer("ListAccessKeys", null, null, 200, keys("Active"));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DEACTIVATE_ACCESS_KEY, "AKIAOTHERKEY00000000",
        Map.of(ActionParameters.USER, "j.doe")))).isInstanceOf(ActionDeniedException.class)
        .hasMessageContaining("no access key AKIAOTHERKEY00000000 for user j.doe");
    assertThat(sent("UpdateAccessKey")).isEmpty();
  }

  @Test
  void disablingAUserPutsTheDenyAllPolicyOnceAndEnablingRemovesIt() {
    answer("ListUserPolicies", "Started", null, 200, ok("ListUserPolicies",
        "<PolicyNames><member>s3-reports</member></PolicyNames><IsTruncated>false</IsTruncated>"));
    answer("PutUserPolicy", "Started", "denied", 200, ok("PutUserPolicy", null));
    answer("ListUserPolicies", "denied", null, 200, ok("ListUserPolicies", "<PolicyNames><member>s3-reports</member>"
        + "<member>irf-incident-deny-all</member></PolicyNames><IsTruncated>false</IsTruncated>"));
    answer("DeleteUserPolicy", "denied", "Started", 200, ok("DeleteUserPolicy", null));
    ActionRequest disable = request(ResponseAction.DISABLE_USER, "j.doe", Map.of());

    ActionOutcome first = adapter().execute(disable);
    ActionOutcome again = adapter().execute(disable);

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(sent("PutUserPolicy")).hasSize(1);
    Map<String, String> put = AwsTestSupport.form(sent("PutUserPolicy").get(0));
    assertThat(put).containsEntry("UserName", "j.doe").containsEntry("PolicyName", "irf-incident-deny-all");
    assertThat(put.get("PolicyDocument")).contains("\"Effect\":\"Deny\"").contains("\"Action\":\"*\"");
    assertThat(sent("PutUserPolicy").get(0).getBodyAsString()).isEqualTo(adapter().preview(disable).body());

    ActionRequest enable = request(ResponseAction.ENABLE_USER, "j.doe", Map.of());
    assertThat(adapter().execute(enable).changed()).isTrue();
    assertThat(adapter().execute(enable).changed()).isFalse();
    assertThat(sent("DeleteUserPolicy")).hasSize(1);
    assertThat(sent("DeleteUserPolicy").get(0).getBodyAsString()).isEqualTo(adapter().preview(enable).body());
  }

  @Test
  void revokingARolesSessionsDeniesTokensIssuedBeforeNowAndARepeatSendsNothing() {
    String document = AwsIamIdentityActions.revokeDocument(NOW);
    answer("GetRolePolicy", "Started", null, 404, error("NoSuchEntity",
        "The role policy with name irf-incident-revoke-older-sessions cannot be found."));
    answer("PutRolePolicy", "Started", "revoked", 200, ok("PutRolePolicy", null));
    answer("GetRolePolicy", "revoked", null, 200, ok("GetRolePolicy", "<RoleName>ci-deploy</RoleName>"
        + "<PolicyName>irf-incident-revoke-older-sessions</PolicyName><PolicyDocument>"
        + URLEncoder.encode(document, StandardCharsets.UTF_8) + "</PolicyDocument>"));
    ActionRequest request = request(ResponseAction.REVOKE_SESSIONS, "ci-deploy", Map.of());

    ActionOutcome first = adapter().execute(request);
    ActionOutcome again = adapter().execute(request);

    assertThat(first.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    Map<String, String> put = AwsTestSupport.form(sent("PutRolePolicy").get(0));
    assertThat(put).containsEntry("RoleName", "ci-deploy").containsEntry("PolicyDocument", document);
    assertThat(document).contains("\"aws:TokenIssueTime\":\"2026-12-01T03:12:45Z\"").contains("DateLessThan");
    assertThat(sent("PutRolePolicy")).hasSize(1);
    assertThat(sent("PutRolePolicy").get(0).getBodyAsString()).isEqualTo(adapter().preview(request).body());
  }

  @Test
  void accessDeniedBecomesADeniedActionQuotingIam() {
    answer("ListAccessKeys", null, null, 403, error("AccessDenied", "User: arn:aws:iam::123456789012:user/irf is not "
        + "authorized to perform: iam:ListAccessKeys on resource: user j.doe because no identity-based policy allows "
        + "the iam:ListAccessKeys action"));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DEACTIVATE_ACCESS_KEY, KEY,
        Map.of(ActionParameters.USER, "j.doe")))).isInstanceOf(ActionDeniedException.class)
        .hasMessageContaining("AccessDenied").hasMessageContaining("not authorized to perform: iam:ListAccessKeys")
        .satisfies(e -> assertThat(((ActionDeniedException) e).httpStatus()).isEqualTo(403));
  }

  @Test
  void throttlingWaitsForTheJobsNextAttemptAndServerErrorsAreRetried() {
    answer("ListUserPolicies", null, null, 400, error("Throttling", "Rate exceeded"));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, "j.doe", Map.of())))
        .isInstanceOf(ConnectorRateLimitedException.class).hasMessageContaining("Throttling");

    aws.resetAll();
    answer("ListUserPolicies", null, null, 500, error("ServiceFailure", "Request processing has failed"));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.DISABLE_USER, "j.doe", Map.of())))
        .isExactlyInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("HTTP 500");
  }

  @Test
  void theAdapterSupportsTheIdentityActionsIamHas() {
    assertThat(adapter().supports(ResponseAction.DEACTIVATE_ACCESS_KEY)).isTrue();
    assertThat(adapter().supports(ResponseAction.REVOKE_SESSIONS)).isTrue();
    assertThat(adapter().supports(ResponseAction.RESET_MFA)).isFalse();
    assertThat(adapter().supports(ResponseAction.ISOLATE_HOST)).isFalse();
    assertThat(adapter().system()).isEqualTo("AWS IAM");
  }
}
