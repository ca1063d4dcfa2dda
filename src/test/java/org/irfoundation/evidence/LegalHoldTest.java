package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.evidence.EvidenceApiTest.Snapshot;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.evidence.LegalHoldApi.Variables;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A legal hold on the running app, as a playbook places it: the hold, its notice to the collectors, legal and a named
 * address, the evidence flagged and its release refused; the incident's closure opens legal's review, and legal's
 * release lifts all of it in their name.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalHoldTest {

  static final String PASSWORD = "Legal-hold-pw-2026";
  static final String ANALYST = "lh-analyst";
  static final String LAWYER = "lh-lawyer";
  static final String COUNSEL = "counsel@lawfirm.example";
  /** The incident's own process: one task, then the closing step the real incident-response ends with. */
  static final String INCIDENT_PROCESS = "test-legal-hold-incident";
  static final AtomicInteger NEXT = new AtomicInteger(1);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired IncidentStore incidents;
  @Autowired IncidentTeam team;
  @Autowired LegalHolds holds;
  @Autowired EvidenceStore store;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @BeforeAll
  void usersAndTheIncidentsProcess() {
    user(ANALYST, Roles.IR_ANALYST);
    user(LAWYER, Roles.LEGAL);
    repositoryService.createDeployment().addModelInstance(INCIDENT_PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(INCIDENT_PROCESS).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Work").name("Work the incident")
            .serviceTask("Task_Close").camundaDelegateExpression("${closeIncident}").endEvent().done()).deploy();
  }

  @Test
  void aHoldIsPlacedToldEnforcedAndReleasedByLegalAfterTheClosure() throws IOException {
    String incident = incident();
    String before = upload(incident, "auth-before.log");

    ProcessInstance collection = runtimeService.createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(incident).setVariable(Inputs.EVIDENCE_ITEMS.name(), "Sign-in logs")
        .setVariable(Inputs.LEGAL_HOLD.name(), true)
        .setVariable(Inputs.LEGAL_HOLD_CUSTODIANS.name(), COUNSEL).execute();
    EvidenceApiTest.runJobs(managementService, collection);
    ProcessInstance hold = runtimeService.createProcessInstanceQuery().processDefinitionKey(LegalHoldApi.PROCESS_KEY)
        .processInstanceBusinessKey(incident).singleResult();
    EvidenceApiTest.runJobs(managementService, hold);

    // the hold, on the timeline, and its notice to the collectors, legal and the named address
    LegalHolds.Hold placed = holds.find(incident).orElseThrow();
    assertThat(placed.active()).isTrue();
    assertThat(placed.custodians()).containsExactly(Roles.IR_ANALYST, Roles.IT_OPERATIONS, Roles.LEGAL, COUNSEL);
    assertThat(placed.reason()).isEqualTo("Evidence of incident " + incident + " may be needed in legal proceedings");
    assertThat(types(incident)).contains(TimelineEvent.LEGAL_HOLD_PLACED, TimelineEvent.NOTICE_SENT);
    Map<String, Object> notice = jdbc.sql("""
        select recipient_groups, recipient_addresses, subject, body from notice_log
        where incident_id = ? and subject like 'LEGAL HOLD%'""").param(incident).query().singleRow();
    assertThat(notice.get("recipient_groups")).isEqualTo("ir-analyst,it-operations,legal");
    assertThat(notice.get("recipient_addresses")).isEqualTo(COUNSEL);
    assertThat(notice.get("subject")).isEqualTo("LEGAL HOLD: preserve all records about incident " + incident);
    assertThat(notice.get("body").toString()).contains("incident " + incident + ": Legal hold test (severity P2)",
        "anything created from 2026-05-04T08:00:00Z onwards", "Confirm receipt to Legal within 15 min.",
        "war room WR-9 (ticket IRF-77)").doesNotContain("(not set)");

    // every item of the incident, from before the hold and after, is under it: no release, copies still go out
    String after = upload(incident, "auth-after.log");
    assertThat(items(incident)).extracting(i -> i.get("legalHold").asBoolean()).containsExactly(true, true);
    Snapshot unchanged = EvidenceApiTest.snapshot(jdbc, store);
    ResponseEntity<JsonNode> refused = custody(incident, before, "RELEASED");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().get("detail").asText()).contains("under legal hold",
        "Only legal (groups: legal) can release the hold", "once the incident is closed");
    assertThat(EvidenceApiTest.snapshot(jdbc, store)).isEqualTo(unchanged);
    assertThat(types(incident)).doesNotContain(TimelineEvent.EVIDENCE_RELEASED);
    assertThat(custody(incident, after, "TRANSFERRED").getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // the incident closes: legal gets the review; the hold still holds
    Task work = taskService.createTaskQuery().processInstanceBusinessKey(incident).taskDefinitionKey("Task_Work")
        .singleResult();
    taskService.complete(work.getId());
    assertThat(incidents.find(incident).orElseThrow().status()).isEqualTo(Incident.CLOSED);
    EvidenceApiTest.runJobs(managementService, hold);
    Task review = taskService.createTaskQuery().processInstanceId(hold.getId())
        .taskDefinitionKey(LegalHoldApi.Elements.TASK_REVIEW).singleResult();
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(Roles.LEGAL);
    assertThat(holds.inPlace(incident)).isTrue();

    identityService.setAuthentication(LAWYER, List.of(Roles.LEGAL));
    try {
      taskService.complete(review.getId(), Map.of(Variables.RELEASE.name(), "yes",
          Variables.REVIEW_REASONS.name(), "No claim was filed; counsel confirms none is expected"));
    } finally {
      identityService.clearAuthentication();
    }

    TimelineEntry released = incidents.timeline(incident).stream()
        .filter(e -> e.type() == TimelineEvent.LEGAL_HOLD_RELEASED).findFirst().orElseThrow();
    assertThat(released.actor()).isEqualTo(LAWYER);
    assertThat(released.detail()).contains("No claim was filed");
    assertThat(holds.find(incident).orElseThrow().releasedBy()).isEqualTo(LAWYER);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(hold.getId()).count()).isZero();
    assertThat(items(incident)).extracting(i -> i.get("legalHold").asBoolean()).containsExactly(false, false);
    assertThat(custody(incident, before, "RELEASED").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(types(incident)).contains(TimelineEvent.EVIDENCE_RELEASED);
  }

  @Test
  void aSecondCollectionUnderHoldChangesNothingAndStartsNoSecondProcess() {
    String incident = incident();
    for (int i = 0; i < 2; i++) {
      ProcessInstance collection = runtimeService.createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
          .businessKey(incident).setVariable(Inputs.EVIDENCE_ITEMS.name(), "Memory image " + i)
          .setVariable(Inputs.LEGAL_HOLD.name(), true)
          .setVariable(Inputs.LEGAL_HOLD_REASON.name(), "Reason " + i).execute();
      EvidenceApiTest.runJobs(managementService, collection);
    }
    assertThat(holds.find(incident).orElseThrow().reason()).isEqualTo("Reason 0");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LegalHoldApi.PROCESS_KEY)
        .processInstanceBusinessKey(incident).count()).isOne();
    assertThat(types(incident).stream().filter(TimelineEvent.LEGAL_HOLD_PLACED::equals)).hasSize(1);
  }

  // --- helpers ---

  /** A P2 incident of the analyst's group, its process holding the references the notice names. */
  String incident() {
    String id = String.format("INC-2098-%04d", NEXT.getAndIncrement());
    Instant detected = Instant.parse("2026-05-04T08:00:00Z");
    incidents.insert(new Incident(id, "Legal hold test", null, "COMPROMISED_ACCOUNT", null, detected, detected,
        detected, "test", "test", null, null, null, null, Incident.OPEN, null, null, "{}"));
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(INCIDENT_PROCESS).businessKey(id)
        .setVariable(Refs.TICKET_REF.name(), "IRF-77").setVariable(Refs.WAR_ROOM_REF.name(), "WR-9")
        .setVariable(Decided.ACKNOWLEDGE_SLA.name(), "PT15M").execute();
    incidents.classified(id, "P2", "PT4H", null, instance.getId());
    team.engaged(id, Roles.IR_ANALYST);
    return id;
  }

  String upload(String incident, String fileName) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(("log lines of " + fileName).getBytes()) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    EvidenceApiTest.fields().forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> created = analyst().postForEntity("/api/incidents/" + incident + "/evidence",
        new HttpEntity<>(form, headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  List<JsonNode> items(String incident) {
    JsonNode list = analyst().getForEntity("/api/incidents/" + incident + "/evidence", JsonNode.class).getBody();
    return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
  }

  ResponseEntity<JsonNode> custody(String incident, String evidence, String action) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return analyst().postForEntity("/api/incidents/" + incident + "/evidence/" + evidence + "/custody",
        new HttpEntity<>("{\"action\": \"" + action + "\", \"location\": \"LKA lab, case 4711\", \"reason\": \""
            + action.toLowerCase() + " for the test\"}", headers), JsonNode.class);
  }

  List<TimelineEvent> types(String incident) {
    return incidents.timeline(incident).stream().map(TimelineEntry::type).toList();
  }

  TestRestTemplate analyst() {
    return rest.withBasicAuth(ANALYST, PASSWORD);
  }

  void user(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
