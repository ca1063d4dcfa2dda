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
import java.util.List;
import java.util.Map;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.ResponseAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The EC2 adapter through the SDK against WireMock speaking EC2's Query API (form posts, XML answers). */
class Ec2HostActionsContractTest {

  @RegisterExtension
  static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
  static final String INSTANCE = "i-0abcd1234ef567890";
  static final String ISOLATION = "sg-0f0r3n51c5000001";

  Ec2HostActions adapter() {
    Ec2Client ec2 = Ec2Client.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.EU_CENTRAL_1)
        .credentialsProvider(AwsTestSupport.CREDENTIALS).endpointOverride(URI.create(aws.baseUrl()))
        .overrideConfiguration(AwsTestSupport.noRetries()).build();
    return new Ec2HostActions(ec2, aws.baseUrl(), ISOLATION);
  }

  static void answer(String action, String state, String next, int status, String body) {
    MappingBuilder stub = post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    if (state != null) {
      ScenarioMappingBuilder scenario = stub.inScenario("ec2").whenScenarioStateIs(state);
      stub = next == null ? scenario : scenario.willSetStateTo(next);
    }
    aws.stubFor(stub.willReturn(xml(status, body)));
  }

  static String ok(String action, String content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + action + "Response " + NS + "><requestId>"
        + "59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + content + "</" + action + "Response>";
  }

  static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code + "</Code><Message>"
        + message + "</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-EXAMPLE</RequestID></Response>";
  }

  static String instance(List<String> groups, String previousTag) {
    StringBuilder groupSet = new StringBuilder();
    groups.forEach(g -> groupSet.append("<item><groupId>").append(g).append("</groupId><groupName>").append(g)
        .append("-name</groupName></item>"));
    String tags = "<item><key>Name</key><value>web-01</value></item>" + (previousTag == null ? ""
        : "<item><key>irf:isolation:previous-groups</key><value>" + previousTag + "</value></item>");
    return ok("DescribeInstances", "<reservationSet><item><reservationId>r-1234567890abcdef0</reservationId>"
        + "<ownerId>123456789012</ownerId><groupSet/><instancesSet><item><instanceId>" + INSTANCE + "</instanceId>"
        + "<imageId>ami-0abcdef1234567890</imageId><instanceState><code>16</code><name>running</name></instanceState>"
        + "<instanceType>t3.micro</instanceType><groupSet>" + groupSet + "</groupSet>"
        + "<networkInterfaceSet><item><networkInterfaceId>eni-0123456789abcdef0</networkInterfaceId>"
        + "<groupSet>" + groupSet + "</groupSet></item></networkInterfaceSet><tagSet>" + tags + "</tagSet>"
        + "</item></instancesSet></item></reservationSet>");
  }

  static List<LoggedRequest> sent(String action) {
    return aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
  }

  static ActionRequest request(ResponseAction action, Map<String, String> parameters) {
    return new ActionRequest("INC-2026-0042", action, INSTANCE, parameters);
  }

  @Test
  void isolatingTagsThePreviousGroupsSwapsToTheIsolationGroupOnceAndReleaseRestoresThem() {
    answer("DescribeInstances", "Started", null, 200, instance(List.of("sg-0web", "sg-0ssh"), null));
    answer("CreateTags", "Started", null, 200, ok("CreateTags", "<return>true</return>"));
    answer("ModifyInstanceAttribute", "Started", "isolated", 200, ok("ModifyInstanceAttribute", "<return>true</return>"));
    answer("DescribeInstances", "isolated", null, 200, instance(List.of(ISOLATION), "sg-0web,sg-0ssh"));
    answer("ModifyInstanceAttribute", "isolated", "released", 200, ok("ModifyInstanceAttribute",
        "<return>true</return>"));
    answer("DeleteTags", "released", null, 200, ok("DeleteTags", "<return>true</return>"));
    answer("DescribeInstances", "released", null, 200, instance(List.of("sg-0web", "sg-0ssh"), null));
    ActionRequest isolate = request(ResponseAction.ISOLATE_HOST, Map.of());

    ActionOutcome first = adapter().execute(isolate);
    ActionOutcome again = adapter().execute(isolate);

    assertThat(first.changed()).isTrue();
    assertThat(first.references()).containsExactly("sg-0web", "sg-0ssh");
    assertThat(first.answer()).contains("sg-0web,sg-0ssh");
    assertThat(again.changed()).isFalse();
    assertThat(again.references()).containsExactly("sg-0web", "sg-0ssh");
    assertThat(AwsTestSupport.form(sent("CreateTags").get(0))).containsEntry("ResourceId.1", INSTANCE)
        .containsEntry("Tag.1.Key", "irf:isolation:previous-groups").containsEntry("Tag.1.Value", "sg-0web,sg-0ssh")
        .containsEntry("Tag.2.Value", "INC-2026-0042");
    assertThat(sent("ModifyInstanceAttribute")).hasSize(1);
    assertThat(sent("ModifyInstanceAttribute").get(0).getBodyAsString()).isEqualTo(adapter().preview(isolate).body());
    assertThat(AwsTestSupport.form(sent("ModifyInstanceAttribute").get(0))).containsEntry("GroupId.1", ISOLATION);

    // release with no parameter: the groups come from the tag
    ActionRequest release = request(ResponseAction.RELEASE_HOST, Map.of());
    ActionOutcome released = adapter().execute(release);
    assertThat(released.changed()).isTrue();
    LoggedRequest restore = sent("ModifyInstanceAttribute").get(1);
    assertThat(AwsTestSupport.form(restore)).containsEntry("GroupId.1", "sg-0web").containsEntry("GroupId.2", "sg-0ssh");
    assertThat(restore.getBodyAsString()).isEqualTo(adapter().preview(request(ResponseAction.RELEASE_HOST,
        Map.of(ActionParameters.PREVIOUS_GROUPS, "sg-0web, sg-0ssh"))).body());
    assertThat(AwsTestSupport.form(sent("DeleteTags").get(0))).containsEntry("Tag.1.Key", "irf:isolation:previous-groups");
    assertThat(adapter().execute(release).changed()).isFalse();
    assertThat(sent("ModifyInstanceAttribute")).hasSize(2);
  }

  @Test
  void snapshotsEveryVolumeTaggedWithTheIncidentAndARepeatFindsThem() {
    answer("DescribeSnapshots", "Started", null, 200, ok("DescribeSnapshots", "<snapshotSet/>"));
    answer("CreateSnapshots", "Started", "taken", 200, ok("CreateSnapshots", "<snapshotSet>"
        + "<item><snapshotId>snap-0aaa1111bbbb2222c</snapshotId><volumeId>vol-0root</volumeId><state>pending</state>"
        + "<volumeSize>8</volumeSize><startTime>2026-12-01T03:15:00.000Z</startTime><progress/>"
        + "<ownerId>123456789012</ownerId></item>"
        + "<item><snapshotId>snap-0ddd3333eeee4444f</snapshotId><volumeId>vol-0data</volumeId><state>pending</state>"
        + "<volumeSize>100</volumeSize><startTime>2026-12-01T03:15:00.000Z</startTime><progress/>"
        + "<ownerId>123456789012</ownerId></item></snapshotSet>"));
    answer("DescribeSnapshots", "taken", null, 200, ok("DescribeSnapshots", "<snapshotSet>"
        + "<item><snapshotId>snap-0ddd3333eeee4444f</snapshotId><volumeId>vol-0data</volumeId><status>pending</status>"
        + "<ownerId>123456789012</ownerId></item>"
        + "<item><snapshotId>snap-0aaa1111bbbb2222c</snapshotId><volumeId>vol-0root</volumeId><status>pending</status>"
        + "<ownerId>123456789012</ownerId></item></snapshotSet>"));
    ActionRequest snapshot = request(ResponseAction.SNAPSHOT_HOST, Map.of());

    ActionOutcome first = adapter().execute(snapshot);
    ActionOutcome again = adapter().execute(snapshot);

    assertThat(first.changed()).isTrue();
    assertThat(first.references()).containsExactly("snap-0aaa1111bbbb2222c", "snap-0ddd3333eeee4444f");
    assertThat(again.changed()).isFalse();
    assertThat(again.references()).containsExactly("snap-0aaa1111bbbb2222c", "snap-0ddd3333eeee4444f");
    assertThat(sent("CreateSnapshots")).hasSize(1);
    assertThat(sent("CreateSnapshots").get(0).getBodyAsString()).isEqualTo(adapter().preview(snapshot).body());
    assertThat(AwsTestSupport.form(sent("DescribeSnapshots").get(0))).containsEntry("Filter.1.Name", "tag:irf:incident")
        .containsEntry("Filter.1.Value.1", "INC-2026-0042").containsEntry("Owner.1", "self");
  }

  @Test
  void anUnknownInstanceAndAMissingPermissionAreDeniedActionsWithEc2sMessage() {
    answer("DescribeInstances", null, null, 400, error("InvalidInstanceID.NotFound",
        "The instance ID '" + INSTANCE + "' does not exist"));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST, Map.of())))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("InvalidInstanceID.NotFound")
        .hasMessageContaining("does not exist");

    aws.resetAll();
    answer("DescribeInstances", null, null, 200, instance(List.of("sg-0web"), null));
    answer("CreateTags", null, null, 200, ok("CreateTags", "<return>true</return>"));
    answer("ModifyInstanceAttribute", null, null, 403, error("UnauthorizedOperation",
        "You are not authorized to perform this operation."));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.ISOLATE_HOST, Map.of())))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("UnauthorizedOperation")
        .hasMessageContaining("not authorized");
  }

  @Test
  void requestLimitExceededWaitsForTheJobsNextAttempt() {
    answer("DescribeSnapshots", null, null, 503, error("RequestLimitExceeded", "Request limit exceeded."));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.SNAPSHOT_HOST, Map.of())))
        .isInstanceOf(ConnectorRateLimitedException.class).hasMessageContaining("RequestLimitExceeded");
  }

  @Test
  void releasingAnIsolatedInstanceWithoutKnownGroupsIsLeftToAHuman() {
    answer("DescribeInstances", null, null, 200, instance(List.of(ISOLATION), null));
    assertThatThrownBy(() -> adapter().execute(request(ResponseAction.RELEASE_HOST, Map.of())))
        .isInstanceOf(ActionDeniedException.class).hasMessageContaining("previous security groups are unknown");
    assertThat(sent("ModifyInstanceAttribute")).isEmpty();
  }
}
