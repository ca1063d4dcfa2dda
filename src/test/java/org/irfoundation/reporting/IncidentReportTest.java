package org.irfoundation.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Roles;
import org.irfoundation.response.CompromisedAccountPlaybookApi.Elements;
import org.irfoundation.response.PostIncidentReviewApi;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A compromised account worked from report to closure in the running app, acknowledged after its SLA (the engine
 * clock moved on): the HTML report marks the missed target red, the PDF's text holds the timeline and the metrics,
 * the closure stored the final PDF whose bytes match the hash it is served with, the metrics are at
 * /actuator/prometheus, and only those who may read the incident get its report.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportTest {

  static final String PASSWORD = "Report-pw-2026!";
  static final String LEAD = "rp-lead";
  static final String OWNER = "rp-owner";
  static final String OUTSIDER = "rp-legal";
  static final String REPORTER = "rp-reporter";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper json;
  @Autowired Reports reports;

  String incident;
  long offset;

  @BeforeAll
  void anIncidentWorkedToClosureWithALateAcknowledgement() throws Exception {
    user(LEAD, Roles.IR_LEAD);
    user(OWNER, Roles.IR_PROGRAM_OWNER);
    user(OUTSIDER, Roles.LEGAL);
    user(REPORTER, null);
    String body = """
        {"title": "Access key of svc-backup used from an unknown ASN", "category": "COMPROMISED_ACCOUNT",
         "detectedAt": "%s", "affectedUsers": ["svc-backup"]}""".formatted(Instant.now().minus(20, ChronoUnit.MINUTES));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = as(REPORTER).postForEntity("/api/incidents", new HttpEntity<>(body, headers),
        JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    incident = created.getBody().get("id").asText();
    try {
      runJobs();
      String sla = (String) runtimeService.getVariable(processInstance(),
          IncidentResponseApi.Decided.ACKNOWLEDGE_SLA.name());
      later(Duration.parse(sla).plusMinutes(5)); // acknowledged 5 min after the SLA
      complete(IncidentResponseApi.Elements.TASK_ACKNOWLEDGE, Map.of());
      complete(Elements.TASK_TRIAGE, Map.of("credentialType", "accessKey", "adminRights", "no",
          "unauthorisedUse", "yes", "personalDataAccessed", "no"));
      complete(Elements.TASK_ASSESS_USE, Map.of("useAssessment", "confirmed"));
      complete(Elements.TASK_DEACTIVATE_ACCESS_KEY, Map.of("insiderIndicators", "no"));
      collectEvidence();
      passTimer(Elements.EVENT_WATCH_WINDOW);
      complete(Elements.TASK_REVIEW_ACTIVITY_LOGS, Map.of("lateralMovementFound", "no"));
      complete(Elements.TASK_ERADICATE, Map.of("newCredentialsFound", "no"));
      passTimer(Elements.EVENT_QUIET_WINDOW);
      complete(Elements.TASK_CHECK_QUIET, Map.of("maliciousActivity", "no"));
      complete(Elements.TASK_RECOVER, Map.of());
      complete(PostIncidentReviewApi.Elements.TASK_HOLD_REVIEW, Map.of(
          PostIncidentReviewApi.Vars.TIMELINE_REVIEWED.name(), true,
          PostIncidentReviewApi.Vars.WHAT_WENT_WELL.name(), "the key was inactive within the hour",
          PostIncidentReviewApi.Vars.WHAT_WENT_WRONG.name(), "the alert went to a mailbox nobody reads at night",
          PostIncidentReviewApi.Vars.ROOT_CAUSES.name(), "alert routing",
          PostIncidentReviewApi.Vars.LESSONS.name(), "Page the IR lead, not the mailbox | changes:"
              + "playbook-compromised-account | owner:" + LEAD + " | due:"
              + LocalDate.ofInstant(EngineClock.now(), ZoneOffset.UTC).plusDays(30)));
      assertThat(incident(LEAD).get("status").asText()).isEqualTo("CLOSED");
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterAll
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void theHtmlReportShowsTheMissedAcknowledgementInRedAndTheOthersMet() throws Exception {
    ResponseEntity<String> page = as(LEAD).exchange("/api/incidents/" + incident + "/report", HttpMethod.GET,
        accept(MediaType.TEXT_HTML), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    String html = page.getBody();
    Files.createDirectories(Path.of("target/reports"));
    Files.writeString(Path.of("target/reports/incident-report.html"), html);
    assertThat(html).contains(incident, "Access key of svc-backup used from an unknown ASN", "COMPROMISED_ACCOUNT",
        "compromised account", "all times UTC", "<svg", "Post-incident review", "Evidence and chain of custody",
        "Chain of custody intact");
    assertThat(row(html, "Acknowledged")).contains("class=\"missed\"").contains("missed").contains("late by 5 min");
    assertThat(row(html, "Triaged")).contains("class=\"met\"");
    assertThat(row(html, "Contained")).contains("class=\"met\"");
    assertThat(row(html, "Closed")).contains("class=\"met\"");
    assertThat(html).contains("1 target(s) missed");
    // the chart: the acknowledge bar past its deadline and the deadline drawn red
    assertThat(html).contains("due (missed)").contains("fill=\"#c62828\"");
    // the review's lesson and the improvement action it became, with owner and due date
    assertThat(html).contains("Lessons and improvement actions").contains("Page the IR lead, not the mailbox")
        .contains("playbook-compromised-account").contains(LEAD);
  }

  @Test
  void thePdfReportsTextHoldsTheTimelineAndTheMetrics() throws Exception {
    ResponseEntity<byte[]> pdf = as(OWNER).exchange("/api/incidents/" + incident + "/report", HttpMethod.GET,
        accept(MediaType.APPLICATION_PDF), byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    Files.createDirectories(Path.of("target/reports"));
    Files.write(Path.of("target/reports/incident-report.pdf"), pdf.getBody());
    String text = text(pdf.getBody());
    assertThat(text).contains(incident, "Post-incident report", "Timeline", "Timeline of events", "Acknowledge",
        "Triaged", "Acknowledge the incident", "Metrics against targets", "Acknowledged", "missed", "late by 5 min",
        "Contained", "Closed", "Decisions", "Notices", "Evidence and chain of custody");
    assertThat(text).containsPattern("page 1 of \\d");
  }

  @Test
  void theClosureStoredTheFinalPdfAndItIsServedExactlyWithItsHash() throws Exception {
    ResponseEntity<byte[]> stored = as(LEAD).getForEntity("/api/incidents/" + incident + "/report?final=true",
        byte[].class);
    assertThat(stored.getStatusCode().value()).isEqualTo(200);
    String hash = stored.getHeaders().getFirst(ReportController.SHA256_HEADER);
    assertThat(hash).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(stored.getBody())));
    assertThat(stored.getHeaders().getFirst(ReportController.DIGEST_HEADER)).startsWith("sha-256=:");
    assertThat(text(stored.getBody())).contains(incident, "Acknowledged", "missed");
    // asking again changes nothing: the same bytes, and the lead's POST answers with the stored one
    assertThat(as(LEAD).getForEntity("/api/incidents/" + incident + "/report?final=true", byte[].class).getBody())
        .isEqualTo(stored.getBody());
    ResponseEntity<JsonNode> again = as(LEAD).postForEntity("/api/incidents/" + incident + "/report/final", null,
        JsonNode.class);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("sha256").asText()).isEqualTo(hash);
    assertThat(again.getBody().get("created").asBoolean()).isFalse();
    assertThat(again.getBody().get("createdBy")).isNull(); // stored by the closure itself
  }

  @Test
  void aSimulationReportCarriesTheSectionsItIsGivenAndSurvivesOneThatFails() throws Exception {
    ReportSection score = context -> Optional.of(new ReportSection.Content("Expectations and score",
        "<p class=\"missed\">Acknowledge in time: " + context.metrics().milestone(IncidentMetrics.ACKNOWLEDGE)
            .orElseThrow().outcome().label() + " (0 of 10 points)</p>"));
    ReportSection broken = context -> {
      throw new IllegalStateException("no scores");
    };
    ReportRequest request = ReportRequest.simulation(incident, "Simulation report: account takeover drill",
        List.of(score, broken));
    String html = reports.html(request);
    assertThat(html).contains("Simulation report: account takeover drill", "Expectations and score",
        "Acknowledge in time: missed (0 of 10 points)", "could not be produced");
    Reports.Final first = reports.storeFinal(request, LEAD);
    assertThat(first.created()).isTrue();
    assertThat(first.report().kind()).isEqualTo(ReportRequest.Kind.SIMULATION);
    try (var in = reports.open(first.report())) {
      byte[] bytes = in.readAllBytes();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(first.report().sha256());
      assertThat(text(bytes)).contains("Expectations and score", "missed");
    }
    Reports.Final again = reports.storeFinal(request, LEAD);
    assertThat(again.created()).isFalse();
    assertThat(again.report()).isEqualTo(first.report());
  }

  @Test
  void onlyThoseWhoMayReadTheIncidentGetItsReport() {
    assertThat(as(OUTSIDER).getForEntity("/api/incidents/" + incident + "/report", String.class).getStatusCode()
        .value()).isEqualTo(404);
    ResponseEntity<String> reporter = as(REPORTER).exchange("/api/incidents/" + incident + "/report",
        HttpMethod.GET, accept(MediaType.APPLICATION_PDF), String.class);
    assertThat(reporter.getStatusCode().value()).isEqualTo(403);
    assertThat(reporter.getBody()).doesNotContain("svc-backup");
    assertThat(as(OWNER).postForEntity("/api/incidents/" + incident + "/report/final", null, String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(as(LEAD).getForEntity("/api/incidents/INC-1999-0001/report", String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theMetricsAreExportedForPrometheus() {
    String metrics = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .getForEntity("/actuator/prometheus", String.class).getBody();
    String tags = "category=\"COMPROMISED_ACCOUNT\",exercise=\"false\",severity=\"" + incident(LEAD)
        .get("severity").asText() + "\"";
    assertThat(metrics).contains("irf_incident_acknowledge_seconds_count{" + tags + "}")
        .contains("irf_incident_contain_seconds_count{" + tags + "}")
        .contains("irf_incident_resolve_seconds_count{" + tags + "}")
        .contains("irf_incident_acknowledge_seconds_bucket{" + tags)
        .contains("irf_deadline_total{exercise=\"false\",kind=\"acknowledge\",outcome=\"missed\"}")
        .contains("irf_deadline_total{exercise=\"false\",kind=\"triage\",outcome=\"met\"}")
        .containsPattern("irf_improvement_open\\{exercise=\"false\"} [1-9]");
  }

  // --- the incident's steps

  private void complete(String taskKey, Map<String, Object> variables) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(taskKey)
        .list();
    assertThat(tasks).as(taskKey + " among " + openTasks()).hasSize(1);
    taskService.complete(tasks.get(0).getId(), variables);
    runJobs();
  }

  private void passTimer(String timerEvent) {
    List<Job> timers = managementService.createJobQuery().timers().activityId(timerEvent).list().stream()
        .filter(j -> incident.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    assertThat(timers).as(timerEvent + " among " + openTasks()).hasSize(1);
    later(Duration.between(ClockUtil.getCurrentTime().toInstant(), timers.get(0).getDuedate().toInstant())
        .plusSeconds(1));
    managementService.executeJob(timers.get(0).getId());
    runJobs();
  }

  /** Every item the evidence collection asks for, uploaded and verified through the evidence API. */
  private void collectEvidence() throws Exception {
    String collection = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EvidenceCollectionApi.PROCESS_KEY).processInstanceBusinessKey(incident)
        .singleResult().getId();
    String[] required = json.readValue((String) runtimeService.getVariable(collection,
        EvidenceCollectionApi.State.REQUIRED_ITEMS.name()), String[].class);
    for (String item : required) {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("file", new ByteArrayResource(("export of " + item).getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return "export.json";
        }
      });
      form.add("description", item);
      form.add("collectedAt", Instant.now().minusSeconds(60).toString()); // the API checks it on the wall clock
      form.add("item", item);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      ResponseEntity<JsonNode> stored = as(LEAD).postForEntity("/api/incidents/" + incident + "/evidence",
          new HttpEntity<>(form, headers), JsonNode.class);
      assertThat(stored.getStatusCode().value()).as(String.valueOf(stored.getBody())).isEqualTo(201);
      as(LEAD).postForEntity("/api/incidents/" + incident + "/evidence/" + stored.getBody().get("id").asText()
          + "/verify", null, JsonNode.class);
    }
    runJobs();
  }

  // --- helpers

  private void later(Duration duration) {
    offset += duration.toMillis();
    ClockUtil.offset(offset);
  }

  private String processInstance() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentResponseApi.PROCESS_KEY)
        .processInstanceBusinessKey(incident).singleResult().getId();
  }

  private List<String> openTasks() {
    return taskService.createTaskQuery().processInstanceBusinessKey(incident).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private JsonNode incident(String user) {
    return as(user).getForEntity("/api/incidents/" + incident, JsonNode.class).getBody();
  }

  /** The table row of the metric named. */
  static String row(String html, String metric) {
    int cell = html.indexOf(">" + metric + "</td>");
    assertThat(cell).as(metric).isPositive();
    int start = html.lastIndexOf("<tr", cell);
    return html.substring(start, html.indexOf("</tr>", cell));
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static HttpEntity<Void> accept(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(type));
    return new HttpEntity<>(headers);
  }

  private void user(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  private void runJobs() {
    IncidentJobs.runAll(runtimeService, managementService, incident);
  }
}
