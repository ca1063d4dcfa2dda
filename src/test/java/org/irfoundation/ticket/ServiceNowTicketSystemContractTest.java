package org.irfoundation.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ServiceNow adapter against the documented Table API answers (WireMock), including its errors. */
class ServiceNowTicketSystemContractTest {

  @RegisterExtension
  static WireMockExtension snow = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TABLE = "/api/now/table/incident";
  static final TicketRequest REQUEST = new TicketRequest("INC-2026-0001", "Root key used from TOR", "P1",
      "COMPROMISED_ACCOUNT");

  ServiceNowTicketSystem adapter() {
    return new ServiceNowTicketSystem(new TicketProperties.ServiceNow(snow.baseUrl(), "irf.integration", "pw-123",
        "Security Incident Response", "Solution provided"),
        new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)), d -> { });
  }

  static void lookup(String query, String result) {
    snow.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo(query))
        .willReturn(okJson("{\"result\":[" + result + "]}")));
  }

  static final String RECORD = "{\"sys_id\":\"9d385017c611228701d22104cc95c371\",\"number\":\"INC0010001\",\"state\":\"2\"}";

  @Test
  void createsAnIncidentRecordCorrelatedToTheIncidentWhenNoneExists() {
    lookup("correlation_id=INC-2026-0001", "");
    snow.stubFor(post(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"result\":" + RECORD + "}")));

    assertThat(adapter().open(REQUEST)).isEqualTo(new TicketRef("INC0010001"));

    snow.verify(postRequestedFor(urlPathEqualTo(TABLE))
        .withHeader("Authorization", equalTo("Basic aXJmLmludGVncmF0aW9uOnB3LTEyMw=="))
        .withRequestBody(matchingJsonPath("$.correlation_id", equalTo("INC-2026-0001")))
        .withRequestBody(matchingJsonPath("$.short_description", equalTo("[P1] INC-2026-0001: Root key used from TOR")))
        .withRequestBody(matchingJsonPath("$.urgency", equalTo("1")))
        .withRequestBody(matchingJsonPath("$.assignment_group", equalTo("Security Incident Response"))));
  }

  @Test
  void theRecordWithTheIncidentsCorrelationIdIsReusedOnARetry() {
    lookup("correlation_id=INC-2026-0001", RECORD);
    assertThat(adapter().open(REQUEST)).isEqualTo(new TicketRef("INC0010001"));
    snow.verify(0, postRequestedFor(urlPathEqualTo(TABLE)));
  }

  @Test
  void commentsAreWorkNotesAndClosingResolvesWithCloseCodeAndNotes() {
    lookup("number=INC0010001", RECORD);
    snow.stubFor(patch(urlPathEqualTo(TABLE + "/9d385017c611228701d22104cc95c371"))
        .willReturn(okJson("{\"result\":{\"sys_id\":\"9d385017c611228701d22104cc95c371\"}}")));

    adapter().comment(new TicketRef("INC0010001"), "Access keys rotated");
    adapter().changeStatus(new TicketRef("INC0010001"), TicketStatus.IN_PROGRESS);
    adapter().close(new TicketRef("INC0010001"), "Contained and recovered");

    String record = TABLE + "/9d385017c611228701d22104cc95c371";
    snow.verify(patchRequestedFor(urlPathEqualTo(record)).withRequestBody(matchingJsonPath("$.work_notes",
        equalTo("Access keys rotated"))));
    snow.verify(patchRequestedFor(urlPathEqualTo(record)).withRequestBody(matchingJsonPath("$.state", equalTo("2"))));
    snow.verify(patchRequestedFor(urlPathEqualTo(record)).withRequestBody(matchingJsonPath("$.state", equalTo("6")))
        .withRequestBody(matchingJsonPath("$.close_code", equalTo("Solution provided")))
        .withRequestBody(matchingJsonPath("$.close_notes", equalTo("Contained and recovered"))));
  }

  @Test
  void aResolvedRecordIsNotResolvedAgain() {
    lookup("number=INC0010001", RECORD.replace("\"state\":\"2\"", "\"state\":\"6\""));
    adapter().close(new TicketRef("INC0010001"), "again");
    snow.verify(0, patchRequestedFor(urlPathEqualTo(TABLE + "/9d385017c611228701d22104cc95c371")));
    snow.verify(getRequestedFor(urlPathEqualTo(TABLE)).withQueryParam("sysparm_fields", equalTo("sys_id,number,state")));
  }

  @Test
  void rejectedCredentialsAndMissingRolesSayWhatToFix() {
    snow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}")));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("ServiceNow rejected look up the record of INC-2026-0001 with HTTP 401")
        .hasMessageContaining("User Not Authenticated")
        .hasMessageEndingWith("check IRF_SERVICENOW_USER and IRF_SERVICENOW_PASSWORD")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-123"));

    snow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception Insert Failed due to security constraints\"},\"status\":\"failure\"}")));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorConfigurationException.class).hasMessageContaining("give it the itil role");
  }

  @Test
  void anInstanceInMaintenanceIsATechnicalFailure() {
    snow.stubFor(get(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(503).withBody("Instance hibernating")));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorUnavailableException.class)
        .hasMessage("ServiceNow answered HTTP 503 to look up the record of INC-2026-0001: Instance hibernating");
  }

  @Test
  void theExerciseVariantAssignsToTheExerciseGroupAtTheLowestUrgencyAndMarksWhatItWrites() {
    lookup("correlation_id=INC-2026-0001", "");
    lookup("number=INC0010001", RECORD);
    snow.stubFor(post(urlPathEqualTo(TABLE)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"result\":" + RECORD + "}")));
    snow.stubFor(patch(urlPathEqualTo(TABLE + "/9d385017c611228701d22104cc95c371"))
        .willReturn(okJson("{\"result\":{}}")));
    TicketSystem exercise = adapter().forExercise(new TicketProperties.Exercise(null,
        new TicketProperties.Exercise.ServiceNowQueue("IR Exercise")));

    TicketRef ref = exercise.open(REQUEST);
    exercise.comment(ref, "Backups checked");

    assertThat(exercise.target()).isEqualTo("assignment group IR Exercise");
    snow.verify(postRequestedFor(urlPathEqualTo(TABLE))
        .withRequestBody(matchingJsonPath("$.short_description",
            equalTo("[EXERCISE] [P1] INC-2026-0001: Root key used from TOR")))
        .withRequestBody(matchingJsonPath("$.urgency", equalTo("3")))
        .withRequestBody(matchingJsonPath("$.impact", equalTo("3")))
        .withRequestBody(matchingJsonPath("$.assignment_group", equalTo("IR Exercise"))));
    snow.verify(patchRequestedFor(urlPathEqualTo(TABLE + "/9d385017c611228701d22104cc95c371"))
        .withRequestBody(matchingJsonPath("$.work_notes", equalTo("[EXERCISE] Backups checked"))));
  }

  @Test
  void withoutAnExerciseGroupOrWithTheProductionOneTheExerciseVariantIsRefused() {
    assertThatThrownBy(() -> adapter().forExercise(null)).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("irf.ticket.exercise.servicenow.assignment-group");
    assertThatThrownBy(() -> adapter().forExercise(new TicketProperties.Exercise(null,
        new TicketProperties.Exercise.ServiceNowQueue("Security Incident Response"))))
        .isInstanceOf(ConnectorConfigurationException.class).hasMessageContaining("names the production target");
    snow.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }
}
