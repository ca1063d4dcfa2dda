package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.ObligationsApi.Regime;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.irfoundation.response.ObligationDeterminationApi;
import org.irfoundation.response.RecordDeterminationDelegate;
import org.irfoundation.response.RegulatoryNotificationApi;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The legal clocks on the running app: a hand-off counts from the moment personal data is recorded, while the
 * containment goes on; obligations that wait for a determination close with its reasons when it is "no".
 */
@IrSpringBootTest
class ObligationClocksTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DecisionService decisionService;
  @Autowired IncidentStore incidents;
  @Autowired ObligationStore obligationStore;
  @Autowired NotificationClock clock;
  @Autowired SystemContext system;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void ransomwareWithPersonalDataFound40MinutesInStartsTheBreachThenWhileContainmentGoesOn() {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(t0));
    String id = report("""
        {"title": "File servers encrypted", "category": "RANSOMWARE", "source": "test", "detectedAt": "%s",
         "dataSubjects": {"residents": {"EU": 300}}}""".formatted(t0.minus(Duration.ofMinutes(5))));
    assertThat(obligations(id)).as("no personal data known yet: no obligation").isEmpty();
    runJobs(id);
    taskService.complete(task(id, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE).getId());
    runJobs(id);

    Instant found = t0.plus(Duration.ofMinutes(40));
    ClockUtil.setCurrentTime(Date.from(found));
    taskService.complete(task(id, MalwareRansomwarePlaybookApi.Elements.TASK_TRIAGE).getId(), Map.of(
        MalwareRansomwarePlaybookApi.Variables.RANSOMWARE_CONFIRMED.name(), "yes",
        MalwareRansomwarePlaybookApi.Variables.ENCRYPTION_IN_PROGRESS.name(), "no",
        MalwareRansomwarePlaybookApi.Variables.DATA_TAKEN.name(), "yes",
        MalwareRansomwarePlaybookApi.Variables.RANSOM_DEMANDED.name(), "no",
        MalwareRansomwarePlaybookApi.Variables.CREDENTIALS_COMPROMISED.name(), "no"));
    runJobs(id);

    // the data-breach playbook started at that moment, beside the containment still under way
    HistoricProcessInstance breach = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DataBreachApi.PROCESS_KEY).processInstanceBusinessKey(id).singleResult();
    assertThat(breach.getStartTime().toInstant()).isEqualTo(found);
    assertThat(incidents.breachAwareAt(id)).contains(found);
    assertThat(task(id, MalwareRansomwarePlaybookApi.Elements.TASK_ISOLATE_SYSTEMS)).isNotNull();
    // its clocks count from there: the DPO task due 1 h after, GDPR Art. 33 72 h after
    assertThat(task(id, DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE).getDueDate().toInstant())
        .isEqualTo(found.plus(Duration.ofHours(1)));
    Map<String, JsonNode> obligations = obligations(id);
    assertThat(obligations).containsOnlyKeys("GDPR_ART33", "GDPR_ART34");
    assertThat(Instant.parse(obligations.get("GDPR_ART33").get("due").asText()))
        .isEqualTo(found.plus(Duration.ofHours(72)));
    assertThat(obligations.get("GDPR_ART33").get("status").asText()).isEqualTo("AWAITING_DETERMINATION");
    JsonNode detail = get("/api/incidents/" + id);
    assertThat(detail.get("nextObligation").get("regulation").asText()).isEqualTo("GDPR_ART33");
    assertThat(detail.get("timeline").findValuesAsText("type")).contains(TimelineEvent.AWARENESS_RECORDED.name());
  }

  @Test
  void ransomwareAtAnNis2EntityWithoutPersonalDataWaitsForSignificanceAndNotSignificantClosesAllThree() {
    String id = report("""
        {"title": "Build server encrypted", "category": "RANSOMWARE", "source": "test", "detectedAt": "%s"}"""
        .formatted(Instant.now().minus(Duration.ofMinutes(5))));
    Incident incident = incidents.find(id).orElseThrow();
    // the same service, for an organisation under NIS2 (irf.organisation.regimes=NIS2_ESSENTIAL)
    Obligations nis2 = new Obligations(incidents, obligationStore,
        new OrganisationProfile(List.of(Regime.NIS2_ESSENTIAL)), clock, decisionService, runtimeService, system, json);
    nis2.evaluate(id);

    Map<String, JsonNode> obligations = obligations(id);
    assertThat(obligations).containsOnlyKeys("NIS2_EARLY_WARNING", "NIS2_NOTIFICATION", "NIS2_FINAL");
    assertThat(obligations.values()).extracting(o -> o.get("status").asText())
        .containsOnly("AWAITING_DETERMINATION");
    assertThat(Instant.parse(obligations.get("NIS2_EARLY_WARNING").get("due").asText()))
        .isEqualTo(incident.awareAt().plus(Duration.ofHours(24)));

    // one decision for all three, the IR lead's, due when the first of them would be
    Task decide = task(id, ObligationDeterminationApi.Elements.TASK_DETERMINE);
    assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting(l -> l.getGroupId())
        .contains(Roles.IR_LEAD);
    assertThat(decide.getDueDate().toInstant()).isEqualTo(incident.awareAt().plus(Duration.ofHours(24)));
    taskService.complete(decide.getId(), Map.of(RecordDeterminationDelegate.DECISION.name(), "no",
        ObligationsApi.Process.DETERMINATION_REASONS.name(),
        "one build server, restored from backup in 3 h; no service to customers disrupted"));
    runJobs(id);

    obligations = obligations(id);
    assertThat(obligations.values()).allSatisfy(o -> {
      assertThat(o.get("status").asText()).isEqualTo("NOT_TRIGGERED");
      assertThat(o.get("notTriggeredReason").asText()).contains("no service to customers disrupted");
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(RegulatoryNotificationApi.PROCESS_KEY).count()).isZero();
    assertThat(get("/api/incidents/" + id).get("timeline").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).contains("'significant' decided no"));
  }

  private String report(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = admin().postForEntity("/api/incidents", new HttpEntity<>(body, headers),
        JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  private Map<String, JsonNode> obligations(String id) {
    Map<String, JsonNode> byCode = new LinkedHashMap<>();
    get("/api/incidents/" + id + "/obligations").forEach(o -> byCode.put(o.get("regulation").asText(), o));
    return byCode;
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> answer = admin().getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
  }

  private Task task(String id, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(key).singleResult();
  }

  private void runJobs(String id) {
    IncidentJobs.runAll(runtimeService, managementService, id);
  }
}
