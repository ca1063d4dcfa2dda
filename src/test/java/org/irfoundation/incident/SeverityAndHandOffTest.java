package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentTeam.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The severity is the incident's (raised from anywhere once, never lowered but by the IR lead) and personal data
 * found anywhere hands the breach over once, on the running app.
 */
@IrSpringBootTest
class SeverityAndHandOffTest {

  @Autowired TestRestTemplate rest;
  @Autowired IncidentSeverity severity;
  @Autowired PersonalDataHandOff handOff;
  @Autowired IncidentStore store;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void aRaisedSeverityIsTheIncidentsReRunsThePolicyOnceAndALowerAssessmentKeepsIt() {
    String id = report("COMPROMISED_ACCOUNT", "{}");
    assertThat(store.find(id).orElseThrow().severity()).isEqualTo("P4");

    assertThat(severity.raise(id, Severity.P2, "admin rights and unauthorised use", null, Map.of()))
        .isEqualTo(Severity.P2);
    Incident raised = store.find(id).orElseThrow();
    assertThat(raised.severity()).isEqualTo("P2");
    assertThat(raised.responseSla()).isEqualTo(Severity.P2.responseSla());
    String instance = raised.processInstanceId();
    assertThat(runtimeService.getVariable(instance, Decided.SEVERITY.name())).isEqualTo("P2");
    assertThat(managementService.createJobQuery().processInstanceId(instance)
        .activityId(Elements.TASK_RECORD_ESCALATION_REASSESSED).count()).isOne();
    // the P2 policy engages IT operations and legal too: they are on the team now
    assertThat(store.team(id)).extracting(IncidentTeam.Row::principal, IncidentTeam.Row::reason)
        .contains(org.assertj.core.groups.Tuple.tuple(Roles.LEGAL, Reason.ENGAGED),
            org.assertj.core.groups.Tuple.tuple(Roles.IT_OPERATIONS, Reason.ENGAGED));

    assertThat(severity.raise(id, Severity.P3, "the DPO's assessment", null, Map.of())).isEqualTo(Severity.P2);
    assertThat(severity.raise(id, Severity.P2, "again", null, Map.of())).isEqualTo(Severity.P2);
    assertThat(managementService.createJobQuery().processInstanceId(instance)
        .activityId(Elements.TASK_RECORD_ESCALATION_REASSESSED).count()).isOne();
    assertThat(types(id).stream().filter(TimelineEvent.SEVERITY_CHANGED.name()::equals)).hasSize(1);

    JsonNode lowered = put(id, "{\"severity\": \"P3\", \"reason\": \"only a test account was affected\"}");
    assertThat(lowered.get("severity").asText()).isEqualTo("P3");
    assertThat(runtimeService.getVariable(instance, Decided.SEVERITY.name())).isEqualTo("P3");
    assertThat(lowered.get("timeline").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).contains("P2 -> P3 (lowered by the IR lead): only a test account"));
  }

  @Test
  void personalDataFoundHandsTheBreachOverOnceWithItsOwnAwareness() {
    String id = report("COMPROMISED_ACCOUNT", "{}");
    assertThat(breaches(id)).isZero();

    assertThat(handOff.confirmed(id, "account playbook: data accessed", "tester")).isTrue();
    assertThat(breaches(id)).isOne();
    assertThat(store.breachAwareAt(id)).isPresent();
    assertThat(handOff.confirmed(id, "an alert", null)).isFalse();
    assertThat(breaches(id)).isOne();
    assertThat(types(id)).contains(TimelineEvent.AWARENESS_RECORDED.name());
  }

  @Test
  void aReportNamingPersonalDataStartsTheBreachAtOnceButADataBreachIncidentRunsOnlyItsOwn() {
    String withData = report("MALWARE", "{\"personalData\": true}");
    assertThat(breaches(withData)).isOne();

    // a data-breach incident's own playbook is the breach one (it starts once acknowledged): nothing in parallel
    String breach = report("DATA_BREACH", "{\"personalData\": true}");
    assertThat(handOff.confirmed(breach, "later", null)).isFalse();
    assertThat(breaches(breach)).isZero();
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(
        store.find(breach).orElseThrow().processInstanceId()).activityId(Elements.EVENT_PERSONAL_DATA_CONFIRMED)
        .count()).isOne(); // still waiting: it never fired
  }

  @Test
  void anAlertNamingPersonalDataHandsTheBreachOverAtTheMomentItArrives() {
    String first = """
        [{"fingerprint": "dlp-share-9", "title": "Unusual file share", "category": "COMPROMISED_ACCOUNT",
          "observedAt": "%s"}]""".formatted(Instant.now().minusSeconds(600));
    String id = exchange(HttpMethod.POST, "/api/alerts", first).get(0).get("incidentId").asText();
    assertThat(breaches(id)).isZero();

    Instant arrives = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
    ClockUtil.setCurrentTime(Date.from(arrives));
    try {
      String withData = """
          {"fingerprint": "dlp-share-9", "title": "Customer export shared externally", "category":
           "COMPROMISED_ACCOUNT", "observedAt": "%s", "indicators": {"personalData": true}}""".formatted(Instant.now());
      exchange(HttpMethod.POST, "/api/alerts", withData);
    } finally {
      ClockUtil.reset();
    }
    assertThat(breaches(id)).isOne();
    assertThat(store.breachAwareAt(id)).contains(arrives);
    assertThat(store.timeline(id)).anySatisfy(e -> assertThat(e.detail())
        .contains("Personal data involved (alert dlp-share-9)"));
  }

  private long breaches(String incident) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey(IncidentResponseApi.DATA_BREACH_PLAYBOOK).count();
  }

  private List<String> types(String incident) {
    return store.timeline(incident).stream().map(e -> e.type().name()).toList();
  }

  private String report(String category, String indicators) {
    String body = """
        {"title": "Severity test", "category": "%s", "detectedAt": "%s", "indicators": %s}"""
        .formatted(category, Instant.now().minus(1, ChronoUnit.HOURS), indicators);
    return exchange(HttpMethod.POST, "/api/incidents", body).get("id").asText();
  }

  private JsonNode put(String incident, String body) {
    return exchange(HttpMethod.PUT, "/api/incidents/" + incident + "/severity", body);
  }

  private JsonNode exchange(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class).getBody();
  }
}
