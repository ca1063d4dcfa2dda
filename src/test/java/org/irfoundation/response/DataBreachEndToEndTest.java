package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.RegulatoryNotificationApi.Obligation;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A DATA_BREACH incident for EU personal data, end to end through the running app: reported over HTTP, worked
 * through {@code playbook-data-breach} by one user per group over the engine's REST API, its evidence uploaded and
 * verified through the evidence API, with its GDPR Art. 33
 * notification filed before the 72 h deadline. Job execution is off in the shared context: the test runs due jobs.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataBreachEndToEndTest {

  static final String PASSWORD = "Breach-e2e-Pw-2026";
  static final List<String> GROUPS = List.of("ir-lead", "ir-analyst", "privacy-officer", "legal", "communications");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper json;

  @BeforeAll
  void oneUserPerGroup() {
    for (String group : GROUPS) {
      User user = identityService.newUser(user(group));
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(user(group), group);
    }
  }

  static String user(String group) {
    return "e2e." + group;
  }

  @Test
  void anEuPersonalDataBreachIsWorkedByTheRightGroupsAndItsGdprNoticeIsDraftedAndFiledInTime() throws Exception {
    Instant awareAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String report = """
        {"title": "Customer table exported from the CRM", "category": "DATA_BREACH", "detectedAt": "%s",
         "awareAt": "%s", "source": "test", "indicators": {"personalData": true, "exfiltration": true},
         "dataSubjects": {"residents": {"EU": 1200}}}"""
        .formatted(awareAt.minus(10, ChronoUnit.MINUTES), awareAt);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = as("ir-analyst").postForEntity("/api/incidents",
        new HttpEntity<>(report, headers), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String incident = created.getBody().get("id").asText();
    assertThat(created.getBody().get("playbook").asText()).isEqualTo(DataBreachApi.PROCESS_KEY);

    // from the first minute: GDPR Art. 33 and 34 wait for the risk determination, at worst due 72 h after awareness
    Map<String, JsonNode> obligations = obligations(incident);
    assertThat(obligations).containsOnlyKeys("GDPR_ART33", "GDPR_ART34");
    assertThat(obligations.get("GDPR_ART33").get("status").asText()).isEqualTo("AWAITING_DETERMINATION");
    assertThat(Instant.parse(obligations.get("GDPR_ART33").get("due").asText()))
        .isEqualTo(awareAt.plus(Duration.ofHours(72)));

    runJobs(incident);
    complete(incident, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE, "ir-lead", Map.of());
    runJobs(incident); // clocks, DPO notice

    // the DPO task is the privacy officer's: an analyst can neither see nor complete it
    Task dpo = task(incident, DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE);
    assertThat(dpo.getDueDate().toInstant()).isEqualTo(awareAt.plus(DataBreachApi.DPO_NOTICE_WITHIN));
    assertThat(as("ir-analyst").getForEntity("/engine-rest/task/" + dpo.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("ir-analyst").postForEntity("/engine-rest/task/" + dpo.getId() + "/complete",
        variables(Map.of(DataBreachApi.Vars.DPO_CONTACT.name(), "me")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(dpo.getId()).count()).isOne();
    complete(incident, DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE, "privacy-officer",
        Map.of(DataBreachApi.Vars.DPO_CONTACT.name(), "dpo@example.org"));

    complete(incident, DataBreachApi.Elements.TASK_ASSESS_SEVERITY, "ir-lead", Map.of(
        DataBreachApi.Vars.ASSESSED_SEVERITY.name(), "P1", "severityReason", "customer data left the company"));
    runJobs(incident); // the incident is P1 now, legal engaged, communications on standby
    assertThat(as("ir-lead").getForEntity("/api/incidents/" + incident, JsonNode.class).getBody()
        .get("severity").asText()).isEqualTo("P1");

    complete(incident, DataBreachApi.Elements.TASK_SCOPE, "ir-analyst", Map.of(DataBreachApi.Vars.DATA_TIER.name(),
        "high", DataBreachApi.Vars.PEOPLE_AFFECTED.name(), 1200L,
        DataBreachApi.Vars.EU_RESIDENTS_INVOLVED.name(), "yes", DataBreachApi.Vars.EU_RESIDENTS.name(), 1200L,
        DataBreachApi.Vars.US_RESIDENTS_INVOLVED.name(), "no", DataBreachApi.Vars.PHI_INVOLVED.name(), "no",
        DataBreachApi.Vars.PAN_INVOLVED.name(), "no", DataBreachApi.Vars.DATA_ENCRYPTED.name(), "no",
        DataBreachApi.Vars.DATA_LEFT_ENVIRONMENT.name(), "yes", DataBreachApi.Vars.ACCESS_ONGOING.name(), "no"));
    runJobs(incident); // the scope finds the obligations again: the same two
    assertThat(obligations(incident)).containsOnlyKeys("GDPR_ART33", "GDPR_ART34");
    collectEvidence(incident, "ir-analyst");
    complete(incident, DataBreachApi.Elements.TASK_DECIDE_NOTIFICATION, "privacy-officer",
        Map.of(DataBreachApi.Vars.GDPR_RISK.name(), "risk", DataBreachApi.Vars.NOTIFICATION_REASONS.name(),
            "EU: contact data of 1200 customers left the environment unencrypted; risk of"
                + " phishing; notify the supervisory authority, no high risk to the people."));
    runJobs(incident); // GDPR Art. 33 clock computed and drafted from the template; Art. 34 closed

    obligations = obligations(incident);
    assertThat(obligations.get("GDPR_ART34").get("status").asText()).isEqualTo("NOT_TRIGGERED");
    assertThat(obligations.get("GDPR_ART34").get("notTriggeredReason").asText()).contains("no high risk");
    assertThat(obligations.get("GDPR_ART33").get("status").asText()).isEqualTo("DUE");
    assertThat(obligations.get("GDPR_ART33").get("determined").get("by").asText()).isEqualTo(user("privacy-officer"));
    String notice = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(RegulatoryNotificationApi.PROCESS_KEY).processInstanceBusinessKey(incident)
        .variableValueEquals(Obligation.CODE.name(), "GDPR_ART33").singleResult().getId();
    Date dueAt = (Date) runtimeService.getVariable(notice, RegulatoryNotificationApi.Vars.DUE_AT.name());
    assertThat(dueAt.toInstant()).isEqualTo(awareAt.plus(Duration.ofHours(72)));
    assertThat(Instant.parse(obligations.get("GDPR_ART33").get("due").asText())).isEqualTo(dueAt.toInstant());
    // the draft starts from the regulator notice with the incident's data, not from a blank page
    assertThat((String) runtimeService.getVariable(notice, RegulatoryNotificationApi.Vars.NOTICE_DRAFT.name()))
        .contains("Notification of a security incident under GDPR Art. 33").contains(incident)
        .contains("Customer table exported from the CRM").contains("1200 people").contains("dpo@example.org")
        .contains(dueAt.toInstant().toString());

    complete(incident, RegulatoryNotificationApi.Elements.TASK_DRAFT, "privacy-officer",
        Map.of(RegulatoryNotificationApi.Vars.NOTICE_DRAFT.name(),
            "Nature: exfiltration of the CRM customer table. Categories: names, e-mails; about 1200 people. DPO:"
                + " dpo@example.org. Consequences: phishing. Measures: credentials rotated, customers warned."));
    // approval is legal's alone
    Task approve = task(incident, RegulatoryNotificationApi.Elements.TASK_APPROVE);
    assertThat(as("privacy-officer").postForEntity("/engine-rest/task/" + approve.getId() + "/complete",
        variables(Map.of(RegulatoryNotificationApi.Vars.APPROVAL.name(), "approved")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    complete(incident, RegulatoryNotificationApi.Elements.TASK_APPROVE, "legal",
        Map.of(RegulatoryNotificationApi.Vars.APPROVAL.name(), "approved"));
    // a filing time before awareness or in the future is refused, and the task stays open
    Task file = task(incident, RegulatoryNotificationApi.Elements.TASK_FILE);
    for (String wrong : List.of(awareAt.minus(1, ChronoUnit.HOURS).toString(),
        Instant.now().plus(2, ChronoUnit.HOURS).toString())) {
      ResponseEntity<String> refused = as("privacy-officer").postForEntity("/engine-rest/task/" + file.getId()
          + "/complete", variables(Map.of(RegulatoryNotificationApi.Vars.FILING_REFERENCE.name(), "SA-2026-0815",
          RegulatoryNotificationApi.Vars.FILED_AT.name(), wrong)), String.class);
      assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("filedAt");
    }
    String filedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    complete(incident, RegulatoryNotificationApi.Elements.TASK_FILE, "privacy-officer",
        Map.of(RegulatoryNotificationApi.Vars.FILING_REFERENCE.name(), "SA-2026-0815",
            RegulatoryNotificationApi.Vars.FILED_AT.name(), filedAt));
    runJobs(incident); // proof, metrics

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(notice).singleResult()
        .getState()).isEqualTo("COMPLETED");
    JsonNode art33 = obligations(incident).get("GDPR_ART33");
    assertThat(art33.get("status").asText()).isEqualTo("FILED");
    assertThat(art33.get("filed").get("reference").asText()).isEqualTo("SA-2026-0815");
    assertThat(art33.get("filed").get("inTime").asBoolean()).isTrue();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(DataBreachApi.PROCESS_KEY)
        .processInstanceBusinessKey(incident).singleResult().getState()).isEqualTo("COMPLETED");

    // back in incident-response, at the post-incident review; the timeline holds the proof
    assertThat(task(incident, PostIncidentReviewApi.Elements.TASK_HOLD_REVIEW)).isNotNull();
    JsonNode view = as("ir-lead").getForEntity("/api/incidents/" + incident, JsonNode.class).getBody();
    assertThat(view.get("timeline").findValuesAsText("type")).contains(
        TimelineEvent.AWARENESS_RECORDED.name(), TimelineEvent.SCOPE_RECORDED.name(),
        TimelineEvent.OBLIGATION_FOUND.name(), TimelineEvent.OBLIGATION_DETERMINED.name(),
        TimelineEvent.NOTIFICATION_DECIDED.name(), TimelineEvent.NOTIFICATION_FILED.name(),
        TimelineEvent.BREACH_METRICS.name());
    assertThat(view.get("timeline").toString()).contains("SA-2026-0815").contains("in time: true");
  }

  private Map<String, JsonNode> obligations(String incident) {
    ResponseEntity<JsonNode> answer = as("ir-lead").getForEntity("/api/incidents/" + incident + "/obligations",
        JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, JsonNode> byCode = new LinkedHashMap<>();
    answer.getBody().forEach(o -> byCode.put(o.get("regulation").asText(), o));
    return byCode;
  }

  /**
   * Step 4 through the evidence API: the analyst uploads and verifies every item the playbook asked for; the
   * evidence-collection process then ends by itself (its task closes without being completed).
   */
  private void collectEvidence(String incident, String group) throws Exception {
    String collection = runtimeService.createProcessInstanceQuery().processDefinitionKey(EvidenceCollectionApi.PROCESS_KEY)
        .processInstanceBusinessKey(incident).singleResult().getId();
    assertThat(task(incident, EvidenceCollectionApi.Elements.TASK_COLLECT)).isNotNull();
    String[] required = json.readValue((String) runtimeService.getVariable(collection,
        EvidenceCollectionApi.State.REQUIRED_ITEMS.name()), String[].class);
    assertThat(required).contains("Access and audit logs (to write-once storage)");
    for (String item : required) {
      MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("file", new ByteArrayResource(("export of " + item).getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return "evidence.bin";
        }
      });
      form.add("description", item);
      form.add("collectedAt", Instant.now().minus(1, ChronoUnit.MINUTES).atZone(ZoneId.of("Europe/Berlin")).toString());
      form.add("item", item);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      ResponseEntity<JsonNode> stored = as(group).postForEntity("/api/incidents/" + incident + "/evidence",
          new HttpEntity<>(form, headers), JsonNode.class);
      assertThat(stored.getStatusCode()).as(item + ": " + stored.getBody()).isEqualTo(HttpStatus.CREATED);
      ResponseEntity<JsonNode> verified = as(group).postForEntity("/api/incidents/" + incident + "/evidence/"
          + stored.getBody().get("id").asText() + "/verify", null, JsonNode.class);
      assertThat(verified.getBody().get("intact").asBoolean()).as(item).isTrue();
    }
    runJobs(incident);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(collection).singleResult()
        .getState()).isEqualTo("COMPLETED");
  }

  private TestRestTemplate as(String group) {
    return rest.withBasicAuth(user(group), PASSWORD);
  }

  private Task task(String incident, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey(taskKey)
        .list();
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  /** Completes the task over REST as the user of the group, which must see it among its group's tasks. */
  private void complete(String incident, String taskKey, String group, Map<String, Object> values) {
    Task task = task(incident, taskKey);
    ResponseEntity<List> visible = as(group).getForEntity("/engine-rest/task?taskId=" + task.getId(), List.class);
    assertThat(visible.getBody()).as(taskKey + " visible to " + group).hasSize(1);
    ResponseEntity<String> answer = as(group).postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        variables(values), String.class);
    assertThat(answer.getStatusCode()).as(taskKey + ": " + answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static HttpEntity<Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(Map.of("variables", variables), headers);
  }

  private void runJobs(String incident) {
    IncidentJobs.runAll(runtimeService, managementService, incident);
  }
}
