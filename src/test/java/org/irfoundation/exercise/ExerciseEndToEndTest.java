package org.irfoundation.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.irfoundation.exercise.Scoring.Outcome;
import org.irfoundation.exercise.Scoring.Result;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.ImprovementActions;
import org.irfoundation.rollout.Deliverables;
import org.irfoundation.rollout.GateMetric;
import org.irfoundation.rollout.Rollout;
import org.irfoundation.rollout.RolloutStore;
import org.irfoundation.rollout.WeekGate;
import org.irfoundation.response.PostIncidentReviewApi;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Each shipped scenario played end to end in the running app with the test clock: started over the API, its injects
 * fired at their compressed times, the incident worked by the test's decisions (some in time, some late, some not
 * at all), ended by the facilitator; the score is exactly what those decisions earn.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExerciseEndToEndTest {

  static final String PASSWORD = "Rehearsal-Pw-2026!";
  static final String LEAD = "xr.lead";
  static final String ROLLOUT = "RO-2026-0777";
  static final List<String> PARTICIPANTS = List.of(LEAD, "xr.analyst", "xr.dpo");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Incidents incidents;
  @Autowired Exercises exercises;
  @Autowired ExerciseResults results;
  @Autowired ImprovementActions improvements;
  @Autowired RolloutStore rolloutStore;
  @Autowired Deliverables deliverables;
  @Autowired List<WeekGate> gates;

  Instant t0;
  String exerciseId;
  String incident;
  int compression;

  @BeforeAll
  void users() {
    Map<String, String> groups = Map.of(LEAD, "ir-lead", "xr.analyst", "ir-analyst", "xr.dpo", "privacy-officer",
        "xr.outsider", "ir-analyst");
    groups.forEach((id, group) -> {
      User user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      user.setEmail(id + "@example.org");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    });
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void ransomwareTabletopAcknowledgedInTimeTriagedLateIsolatedInTimeRansomNeverDecided() {
    start("ransomware-file-servers", "TABLETOP", 12);
    // the playbooks' timers run 12 times faster too: the P1 acknowledge SLA of 15 min is due after 75 s
    Job ackOverdue = managementService.createJobQuery().activityId("Event_AcknowledgeOverdue").timers()
        .processInstanceId(incidents.find(incident).orElseThrow().processInstanceId()).singleResult();
    assertThat(Duration.between(t0, ackOverdue.getDuedate().toInstant())).isEqualTo(Duration.ofSeconds(75));

    at(Duration.ofMinutes(1)); // 12 min of scenario time
    complete("Task_Acknowledge", Map.of("ownershipTaken", true));
    at(Duration.ofMinutes(5)); // 60 min: triage was due by 30 min
    complete("Task_TriageMalware", Map.of("ransomwareConfirmed", "yes", "encryptionInProgress", "yes",
        "dataTaken", "no", "ransomDemanded", "unknown", "credentialsCompromised", "no"));
    at(Duration.ofMinutes(6)); // 72 min: isolation due by 30 + 60 min
    complete("Task_IsolateSystems", Map.of("containedSystems", "FS-01, FS-02, two finance laptops"));
    at(Duration.ofMinutes(15)); // 3 h: all injects have arrived; the ransom decision was due by 10 h
    assertThat(timeline(TimelineEvent.EXERCISE_INJECT)).hasSize(3);
    assertThat(timeline(TimelineEvent.ALERT)).singleElement().extracting(TimelineEntry::detail).asString()
        .contains("Mass file renames on FS-02").contains(exerciseId + ":edr-mass-rename-fs02");
    // the ransom note's fact reached the running response: the triage had said "unknown"
    assertThat(runtimeService.getVariable(incidents.find(incident).orElseThrow().processInstanceId(),
        "ransomDemanded")).isEqualTo("yes");

    Scoring.Score score = end();
    assertThat(outcomes(score)).containsExactly(
        Map.entry("acknowledged", Outcome.MET), Map.entry("triaged", Outcome.LATE),
        Map.entry("isolated", Outcome.MET), Map.entry("ransom-decided", Outcome.NOT_DONE));
    assertThat(score.points()).isEqualTo(10 + 30);
    assertThat(score.maxPoints()).isEqualTo(80);
    Result triaged = score.results().get(1);
    assertThat(triaged.doneAt()).isEqualTo(Duration.ofHours(1));
    assertThat(triaged.dueAt()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void compromisedAdminTechnicalEverythingInTimeButTheEvidence() {
    start("compromised-admin-account", "TECHNICAL", 4);
    at(Duration.ofMinutes(2)); // 8 min
    complete("Task_Acknowledge", Map.of("ownershipTaken", true));
    at(Duration.ofMinutes(5)); // 20 min: the foreign sign-in arrives now
    complete("Task_TriageAccount", Map.of("credentialType", "consoleLogin", "adminRights", "no",
        "unauthorisedUse", "yes", "personalDataAccessed", "no"));
    complete("Task_AssessUse", Map.of("useAssessment", "confirmed"));
    at(Duration.ofMinutes(10)); // 40 min
    complete("Task_BlockSignIn", Map.of("insiderIndicators", "no"));
    at(Duration.ofMinutes(60)); // 4 h: the mailbox rule arrived at 1 h 30; no evidence within 2 h of it
    Scoring.Score score = end();
    assertThat(outcomes(score)).containsExactly(Map.entry("acknowledged", Outcome.MET),
        Map.entry("triaged", Outcome.MET), Map.entry("sign-in-blocked", Outcome.MET),
        Map.entry("evidence-kept", Outcome.NOT_DONE));
    assertThat(score.points()).isEqualTo(60);
    assertThat(score.percent()).isEqualTo(86);
  }

  @Test
  void customerDataBreachDpoToldLateAndTheGdprNoticeNeverApproved() throws Exception {
    start("customer-data-breach", "TABLETOP", 24); // 72 h in 3 h
    at(Duration.ofMinutes(1)); // 24 min
    complete("Task_Acknowledge", Map.of("ownershipTaken", true));
    at(Duration.ofMinutes(5)); // 2 h: the DPO was due within the hour
    complete("Task_ConfirmDpoNotice", Map.of("dpoContact", "dpo@example.org"));
    at(Duration.ofMinutes(180)); // 72 h
    Scoring.Score score = end();
    assertThat(outcomes(score)).containsExactly(Map.entry("acknowledged", Outcome.MET),
        Map.entry("dpo-told", Outcome.LATE), Map.entry("scoped", Outcome.NOT_DONE),
        Map.entry("notification-decided", Outcome.NOT_DONE), Map.entry("notice-ready", Outcome.NOT_DONE));
    assertThat(score.points()).isEqualTo(10);

    // the simulation report shows the late DPO notice in red, in scenario time, and the playbook's DPO hour missed
    String html = rest.withBasicAuth(LEAD, PASSWORD).getForObject("/api/exercises/" + exerciseId + "/report",
        String.class);
    assertThat(html).contains("Simulation report: Customer database exposed on a public bucket (" + exerciseId + ")")
        .contains("Expectations and score").contains("time compressed 24x").contains("Score: 10/100 points (10 %)");
    assertThat(row(html, "The DPO&#39;s notice is confirmed within the hour")).contains("class=\"missed\"")
        .contains("missed (late)").contains("<td>1 h</td>").contains("<td>2 h</td>");
    assertThat(row(html, "DPO notified")).contains("missed");
    // the incident's own metrics in scenario time too: acknowledged 1 min after the start = 24 min of the scenario,
    // past the P1 acknowledge SLA of 15 min, which ran 24 times faster as well
    assertThat(row(html, "<td class=\"name\">Acknowledged</td>")).contains("24 min (scenario)").contains("missed");
    HttpHeaders pdfPlease = new HttpHeaders();
    pdfPlease.setAccept(List.of(MediaType.APPLICATION_PDF));
    ResponseEntity<byte[]> pdf = rest.withBasicAuth(LEAD, PASSWORD).exchange("/api/exercises/" + exerciseId
        + "/report", HttpMethod.GET, new HttpEntity<>(pdfPlease), byte[].class);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Expectations and score", "missed (late)",
          "Timeline of events", "access-logs: The access logs show downloads", "DPO notified");
    }
    // someone outside the exercise does not learn it exists
    assertThat(rest.withBasicAuth("xr.outsider", PASSWORD).getForEntity("/api/exercises/" + exerciseId + "/report",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** The table row of the HTML that holds {@code text}. */
  private static String row(String html, String text) {
    int at = html.indexOf(text);
    assertThat(at).as(text).isNotNegative();
    return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
  }

  @Test
  void ransomwareBecomesADataBreachWhenTheLeakSiteInjectArrives() throws Exception {
    // the rollout's week-7/8 simulation
    rolloutStore.insert(new Rollout(ROLLOUT, "Acme", LEAD, LEAD, LocalDate.of(2026, 10, 5), null, Instant.now(), LEAD));
    assertThat(gate(7).measure(rollout())).extracting(GateMetric::met).containsExactly(true, false);
    start("ransomware-to-data-breach", "TABLETOP", 12, ROLLOUT);
    assertThat(gate(7).measure(rollout())).allMatch(GateMetric::met);
    assertThat(gate(8).measure(rollout())).singleElement().extracting(GateMetric::met).isEqualTo(false);
    complete("Task_Acknowledge", Map.of("ownershipTaken", true));
    at(Duration.ofMinutes(1)); // 12 min
    complete("Task_TriageMalware", Map.of("ransomwareConfirmed", "yes", "encryptionInProgress", "yes",
        "dataTaken", "unknown", "ransomDemanded", "no", "credentialsCompromised", "no"));
    at(Duration.ofMinutes(4)); // 48 min
    complete("Task_IsolateSystems", Map.of("containedSystems", "HR-FS-01, HR laptops"));
    assertThat(tasks("Task_ConfirmDpoNotice")).isEmpty();
    at(Duration.ofMinutes(120)); // 24 h: the leak site; personal data -> the data-breach playbook starts
    assertThat(tasks("Task_ConfirmDpoNotice")).hasSize(1);
    at(Duration.ofMinutes(123)); // 24 h 36 min
    complete("Task_ConfirmDpoNotice", Map.of("dpoContact", "dpo@example.org"));
    at(Duration.ofMinutes(130));
    Scoring.Score score = end();
    assertThat(outcomes(score)).containsExactly(Map.entry("triaged", Outcome.MET), Map.entry("isolated", Outcome.MET),
        Map.entry("dpo-told", Outcome.MET), Map.entry("scoped", Outcome.NOT_DONE));
    assertThat(score.points()).isEqualTo(80);

    // ended early, the incident had no review: the exercise holds one after the debrief, its lesson is tracked
    Task debrief = taskService.createTaskQuery().processInstanceBusinessKey(exerciseId)
        .taskDefinitionKey(ExerciseApi.Elements.TASK_DEBRIEF).singleResult();
    taskService.complete(debrief.getId(), Map.of(ExerciseApi.Vars.DEBRIEF_NOTES.name(), "the leak was seen late"));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(incident)
        .taskDefinitionKey(PostIncidentReviewApi.Elements.TASK_HOLD_REVIEW).singleResult();
    String due = LocalDate.ofInstant(t0, ZoneOffset.UTC).plusDays(30).toString();
    taskService.complete(review.getId(), Map.of(PostIncidentReviewApi.Vars.TIMELINE_REVIEWED.name(), true,
        PostIncidentReviewApi.Vars.WHAT_WENT_WELL.name(), "containment in 48 min",
        PostIncidentReviewApi.Vars.WHAT_WENT_WRONG.name(), "nobody watched the leak sites",
        PostIncidentReviewApi.Vars.ROOT_CAUSES.name(), "no threat-intelligence feed on the ransomware groups",
        PostIncidentReviewApi.Vars.LESSONS.name(), "Watch the leak sites from the first hour | changes:"
            + "playbook-data-breach | owner:xr.dpo | due:" + due));
    runJobs();
    Exercise ended = exercises.find(exerciseId).orElseThrow();
    assertThat(ended.ended()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(exerciseId).count()).isZero();
    assertThat(timeline(TimelineEvent.EXERCISE_SCORED)).singleElement().extracting(TimelineEntry::detail)
        .isEqualTo("80/100 points (80 %), 3 of 4 expectations met");
    assertThat(results.lessons(ended)).isEqualTo(1);
    assertThat(results.lessonsWithoutOwner(ended)).isZero();
    assertThat(improvements.pendingFor("playbook-data-breach")).contains("Watch the leak sites").contains("[exercise]");
    // the simulation report was stored when it was scored, and is served exactly so
    ResponseEntity<byte[]> stored = rest.withBasicAuth(LEAD, PASSWORD).getForEntity("/api/exercises/" + exerciseId
        + "/report?final=true", byte[].class);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(stored.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(results.reportSha256(ended))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored.getBody())));
    try (PDDocument document = Loader.loadPDF(stored.getBody())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Watch the leak sites", "Expectations and score");
    }
    // week 8: completed and scored, its report stored (also as the week's deliverable), every lesson owned
    assertThat(deliverables.of(ROLLOUT)).singleElement().satisfies(d -> {
      assertThat(d.week()).isEqualTo(8);
      assertThat(d.sha256()).isEqualTo(results.reportSha256(ended));
    });
    assertThat(gate(8).measure(rollout())).as(gate(8).measure(rollout()).toString()).allMatch(GateMetric::met);
  }

  private Rollout rollout() {
    return rolloutStore.find(ROLLOUT).orElseThrow();
  }

  private WeekGate gate(int week) {
    return gates.stream().filter(g -> g.week() == week).findFirst().orElseThrow();
  }

  // ------------------------------------------------------------------ driving the exercise

  private void start(String scenario, String mode, int compression) {
    start(scenario, mode, compression, null);
  }

  private void start(String scenario, String mode, int compression, String rolloutId) {
    t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(t0));
    this.compression = compression;
    Map<String, Object> request = new HashMap<>(Map.of("scenario", scenario, "mode", mode, "timeCompression",
        compression, "participants", PARTICIPANTS));
    if (rolloutId != null) {
      request.put("rolloutId", rolloutId);
    }
    ResponseEntity<JsonNode> started = rest.withBasicAuth(LEAD, PASSWORD).postForEntity("/api/exercises", request,
        JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
    exerciseId = started.getBody().get("id").asText();
    incident = started.getBody().get("incidentId").asText();
    assertThat(incidents.isExercise(incident)).isTrue();
    assertThat(incidents.team(incident).named()).containsExactlyInAnyOrderElementsOf(PARTICIPANTS);
    runJobs();
  }

  /** Moves the clock to {@code offset} after the start, fires the injects due by then and runs what follows. */
  private void at(Duration offset) {
    Instant now = t0.plus(offset);
    ClockUtil.setCurrentTime(Date.from(now));
    String exercise = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(exerciseId)
        .singleResult().getId();
    for (Job timer : managementService.createJobQuery().processInstanceId(exercise).timers()
        .duedateLowerThan(Date.from(now.plusMillis(1))).list()) {
      managementService.executeJob(timer.getId());
    }
    runJobs();
  }

  private void runJobs() {
    IncidentJobs.runAll(runtimeService, managementService, incident);
    IncidentJobs.runAll(runtimeService, managementService, exerciseId);
    IncidentJobs.runAll(runtimeService, managementService, incident);
  }

  private List<Task> tasks(String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(key).list();
  }

  private void complete(String key, Map<String, Object> variables) {
    List<Task> open = tasks(key);
    assertThat(open).as(key + " of " + incident).hasSize(1);
    taskService.complete(open.get(0).getId(), variables);
    runJobs();
  }

  private List<TimelineEntry> timeline(TimelineEvent type) {
    return incidents.timeline(incident).stream().filter(e -> e.type() == type).toList();
  }

  /** The facilitator ends the exercise: what still runs is cancelled; the score is final. */
  private Scoring.Score end() {
    Task facilitate = taskService.createTaskQuery().processInstanceBusinessKey(exerciseId)
        .taskDefinitionKey(ExerciseApi.Elements.TASK_FACILITATE).singleResult();
    assertThat(facilitate.getAssignee()).isEqualTo(LEAD);
    taskService.complete(facilitate.getId());
    runJobs();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident).count()).isZero();
    assertThat(incidents.find(incident).orElseThrow().status()).isEqualTo("CLOSED");
    Task debrief = taskService.createTaskQuery().processInstanceBusinessKey(exerciseId)
        .taskDefinitionKey(ExerciseApi.Elements.TASK_DEBRIEF).singleResult();
    assertThat(debrief.getAssignee()).isEqualTo(LEAD);
    JsonNode view = rest.withBasicAuth(LEAD, PASSWORD).getForObject("/api/exercises/" + exerciseId, JsonNode.class);
    Exercise exercise = exercises.find(exerciseId).orElseThrow();
    Scoring.Score score = results.current(exercise);
    assertThat(view.get("points").asInt()).isEqualTo(score.points());
    return score;
  }

  private static List<Map.Entry<String, Outcome>> outcomes(Scoring.Score score) {
    return score.results().stream().map(r -> Map.entry(r.expectation(), r.outcome())).toList();
  }
}
