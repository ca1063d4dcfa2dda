package org.irfoundation.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.Map;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorRateLimitedException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Jira adapter against the documented REST API v3 answers (served by WireMock), including its errors. */
class JiraTicketSystemContractTest {

  @RegisterExtension
  static WireMockExtension jira = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final TicketRequest REQUEST = new TicketRequest("INC-2026-0001", "Root key used from TOR", "P1",
      "COMPROMISED_ACCOUNT");
  static final String AUTH = "Basic aXJAZXhhbXBsZS5jb206c2VjcmV0LXRva2Vu"; // ir@example.com:secret-token

  final List<Duration> slept = new ArrayList<>();

  static HttpSettings fast() {
    return new HttpSettings(Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ofSeconds(5));
  }

  JiraTicketSystem adapter() {
    return new JiraTicketSystem(properties(), fast(), slept::add);
  }

  static TicketProperties.Jira properties() {
    return new TicketProperties.Jira(jira.baseUrl(), "ir@example.com", "secret-token", "IR", "Task", null);
  }

  static void searchFinds(String... keys) {
    StringBuilder issues = new StringBuilder();
    for (String key : keys) {
      issues.append(issues.isEmpty() ? "" : ",").append("{\"id\":\"10001\",\"key\":\"").append(key).append("\"}");
    }
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
        .willReturn(okJson("{\"issues\":[" + issues + "],\"isLast\":true}")));
  }

  @Test
  void opensAnIssueLabelledWithTheIncidentWhenTheSearchFindsNone() {
    searchFinds();
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"10000\",\"key\":\"IR-24\",\"self\":\"" + jira.baseUrl() + "/rest/api/3/issue/10000\"}")));

    assertThat(adapter().open(REQUEST)).isEqualTo(new TicketRef("IR-24"));

    jira.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
        .withQueryParam("jql", equalTo("project = \"IR\" AND labels = \"irf-INC-2026-0001\" ORDER BY created ASC"))
        .withHeader("Authorization", equalTo(AUTH)));
    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
        .withHeader("Authorization", equalTo(AUTH))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IR")))
        .withRequestBody(matchingJsonPath("$.fields.issuetype.name", equalTo("Task")))
        .withRequestBody(matchingJsonPath("$.fields.summary", equalTo("[P1] INC-2026-0001: Root key used from TOR")))
        .withRequestBody(matchingJsonPath("$.fields.labels[0]", equalTo("irf-INC-2026-0001")))
        .withRequestBody(matchingJsonPath("$.fields.description.type", equalTo("doc"))));
  }

  @Test
  void theIssueFoundByItsLabelIsTheIncidentsTicketAndNoSecondIsCreated() {
    searchFinds("IR-7");
    assertThat(adapter().open(REQUEST)).isEqualTo(new TicketRef("IR-7"));
    assertThat(adapter().findByIncident("INC-2026-0001")).contains(new TicketRef("IR-7"));
    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
  }

  @Test
  void commentsAreAtlassianDocuments() {
    jira.stubFor(post("/rest/api/3/issue/IR-7/comment").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"10010\"}")));
    adapter().comment(new TicketRef("IR-7"), "Access keys rotated\nCloudTrail preserved");
    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IR-7/comment"))
        .withRequestBody(matchingJsonPath("$.body.content[0].content[0].text", equalTo("Access keys rotated")))
        .withRequestBody(matchingJsonPath("$.body.content[1].content[0].text", equalTo("CloudTrail preserved"))));
  }

  @Test
  void closingTransitionsToDoneWithTheResolutionAsCommentInOneRequest() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/IR-7")).willReturn(okJson(
        "{\"key\":\"IR-7\",\"fields\":{\"status\":{\"name\":\"In Progress\"}}}")));
    jira.stubFor(get("/rest/api/3/issue/IR-7/transitions").willReturn(okJson("""
        {"transitions":[{"id":"21","name":"Start","to":{"name":"In Progress"}},
                        {"id":"31","name":"Finish","to":{"name":"Done"}}]}""")));
    jira.stubFor(post("/rest/api/3/issue/IR-7/transitions").willReturn(aResponse().withStatus(204)));

    adapter().close(new TicketRef("IR-7"), "Contained and recovered");

    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IR-7/transitions"))
        .withRequestBody(matchingJsonPath("$.transition.id", equalTo("31")))
        .withRequestBody(matchingJsonPath("$.update.comment[0].add.body.content[0].content[0].text",
            equalTo("Contained and recovered"))));
  }

  @Test
  void aTicketAlreadyInTheTargetStatusIsLeftAlone() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/IR-7")).willReturn(okJson(
        "{\"key\":\"IR-7\",\"fields\":{\"status\":{\"name\":\"Done\"}}}")));
    adapter().close(new TicketRef("IR-7"), "closed again by a retried job");
    adapter().changeStatus(new TicketRef("IR-7"), TicketStatus.RESOLVED);
    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IR-7/transitions")));
  }

  @Test
  void aStatusTheWorkflowCannotReachIsAConfigurationError() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/IR-7")).willReturn(okJson(
        "{\"key\":\"IR-7\",\"fields\":{\"status\":{\"name\":\"To Do\"}}}")));
    jira.stubFor(get("/rest/api/3/issue/IR-7/transitions").willReturn(okJson("{\"transitions\":[]}")));
    assertThatThrownBy(() -> adapter().changeStatus(new TicketRef("IR-7"), TicketStatus.IN_PROGRESS))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("from \"To Do\" to \"In Progress\"").hasMessageContaining("irf.ticket.jira.statuses");
  }

  @Test
  void aRejectedProjectKeySaysWhichSettingToFix() {
    searchFinds();
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errorMessages\":[],\"errors\":{\"project\":\"valid project is required\"}}")));
    assertThatThrownBy(() -> adapter().open(REQUEST)).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("Jira rejected create issue for INC-2026-0001 with HTTP 400")
        .hasMessageContaining("valid project is required")
        .hasMessageEndingWith("Jira rejected the project key IR: check irf.ticket.jira.project-key");
  }

  @Test
  void wrongCredentialsNameTheEnvironmentVariables() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(401)
        .withBody("Client must be authenticated to access this resource.")));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("IRF_JIRA_EMAIL and IRF_JIRA_API_TOKEN")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token"));
  }

  @Test
  void serverErrorsAndTimeoutsAreTechnicalFailuresNamingJiraAndTheStatus() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(503)
        .withBody("Service Unavailable")));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorUnavailableException.class)
        .hasMessage("Jira answered HTTP 503 to search the issue of INC-2026-0001: Service Unavailable");

    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[]}")
        .withFixedDelay(1600)));
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOf(ConnectorUnavailableException.class)
        .hasMessageStartingWith("Jira did not answer search the issue of INC-2026-0001");
  }

  @Test
  void aShortRetryAfterIsWaitedOutInsideTheCall() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).inScenario("limited").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).inScenario("limited").whenScenarioStateIs("free")
        .willReturn(okJson("{\"issues\":[{\"key\":\"IR-7\"}]}")));

    assertThat(adapter().findByIncident("INC-2026-0001")).contains(new TicketRef("IR-7"));
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aLongRetryAfterFailsTheCallWithTheTimeToRetryAt() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
    long before = System.currentTimeMillis();
    assertThatThrownBy(() -> adapter().findByIncident("INC-2026-0001"))
        .isInstanceOfSatisfying(ConnectorRateLimitedException.class, e -> {
          assertThat(e.retryAt().toEpochMilli()).isBetween(before + 119_000, System.currentTimeMillis() + 121_000);
          assertThat(e.getMessage()).startsWith("Jira answered HTTP 429 Too Many Requests to search the issue");
        });
    assertThat(slept).isEmpty();
  }

  @Test
  void secretsNeverShowInTheSettingsText() {
    assertThat(properties().toString()).contains("apiToken=******").doesNotContain("secret-token");
    assertThat(new TicketProperties.ServiceNow("https://x", "u", "pw-123", null, "c").toString())
        .doesNotContain("pw-123");
    assertThat(properties().statusName(TicketStatus.CLOSED)).isEqualTo("Done");
    assertThat(new TicketProperties.Jira("u", "e", "t", "IR", "Task", Map.of(TicketStatus.CLOSED, "Closed"))
        .statusName(TicketStatus.CLOSED)).isEqualTo("Closed");
  }

  static TicketProperties.Exercise exerciseProject(String key) {
    return new TicketProperties.Exercise(new TicketProperties.Exercise.JiraProject(key), null);
  }

  @Test
  void theExerciseVariantWorksInTheExerciseProjectAndMarksSummaryCommentsAndResolution() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"10001\",\"key\":\"IREX-3\"}")));
    jira.stubFor(post("/rest/api/3/issue/IREX-3/comment").willReturn(aResponse().withStatus(201)));
    jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/IREX-3")).willReturn(okJson(
        "{\"key\":\"IREX-3\",\"fields\":{\"status\":{\"name\":\"To Do\"}}}")));
    jira.stubFor(get("/rest/api/3/issue/IREX-3/transitions").willReturn(okJson(
        "{\"transitions\":[{\"id\":\"31\",\"name\":\"Finish\",\"to\":{\"name\":\"Done\"}}]}")));
    jira.stubFor(post("/rest/api/3/issue/IREX-3/transitions").willReturn(aResponse().withStatus(204)));
    TicketSystem exercise = adapter().forExercise(exerciseProject(" IREX "));

    TicketRef ref = exercise.open(REQUEST);
    exercise.comment(ref, "Backups checked");
    exercise.close(ref, "Drill over");

    assertThat(ref).isEqualTo(new TicketRef("IREX-3"));
    assertThat(exercise.target()).isEqualTo("project IREX");
    jira.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
        .withQueryParam("jql", equalTo("project = \"IREX\" AND labels = \"irf-INC-2026-0001\" ORDER BY created ASC")));
    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IREX")))
        .withRequestBody(matchingJsonPath("$.fields.summary",
            equalTo("[EXERCISE] [P1] INC-2026-0001: Root key used from TOR"))));
    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IREX-3/comment"))
        .withRequestBody(matchingJsonPath("$.body.content[0].content[0].text", equalTo("[EXERCISE] Backups checked"))));
    jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IREX-3/transitions"))
        .withRequestBody(matchingJsonPath("$.update.comment[0].add.body.content[0].content[0].text",
            equalTo("[EXERCISE] Drill over"))));
  }

  @Test
  void withoutAnExerciseProjectOrWithTheProductionOneTheExerciseVariantIsRefusedAndJiraIsNotCalled() {
    for (TicketProperties.Exercise unset : java.util.Arrays.asList(null, exerciseProject(null), exerciseProject(" "),
        new TicketProperties.Exercise(null, null))) {
      assertThatThrownBy(() -> adapter().forExercise(unset)).isInstanceOf(ConnectorConfigurationException.class)
          .hasMessageContaining("irf.ticket.exercise.jira.project-key (IRF_JIRA_EXERCISE_PROJECT_KEY)")
          .hasMessageContaining("nothing was sent to the production one");
    }
    assertThatThrownBy(() -> adapter().forExercise(exerciseProject("ir")))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("irf.ticket.exercise.jira.project-key names the production target");
    assertThat(((ConnectorConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
        () -> adapter().forExercise(null))).retryIsUseless()).isTrue();
    jira.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }
}
