package org.irfoundation.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.rollout.RolloutApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Managers in Cockpit (an incident's instances by business key, a rollout at its week), the admin in Admin. */
@IrSpringBootTest
class CockpitAdminBrowserTest {

  static final String COCKPIT = "/camunda/app/cockpit/default/";

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  Incidents incidents;
  String lead;

  @BeforeEach
  void users() {
    incidents = new Incidents(rest, identityService, runtimeService, taskService, managementService);
    lead = incidents.user("browser.lead", Roles.IR_LEAD);
  }

  @Test
  void theIrLeadSeesTheIncidentsPlaybookInstanceAtTriageInCockpit() {
    String incident = incidents.reportAndAcknowledge(lead, TasklistBrowserTest.ACCOUNT_REPORT.formatted(
        Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), "gd-browser-cockpit"));
    ProcessInstance playbook = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident)
        .processDefinitionKey(CompromisedAccountPlaybookApi.PROCESS_KEY).singleResult();

    browser.login("cockpit", lead, Incidents.PASSWORD);
    browser.text("Process Definitions");
    browser.screenshot("cockpit-01-dashboard");
    browser.open(COCKPIT + "#/process-instance/" + playbook.getId() + "/runtime");
    String page = browser.text(incident, "Triage the account");
    assertThat(page).contains("Playbook: Compromised user account");
    // the running-instance badge sits on the triage task
    browser.visible(By.cssSelector(".djs-overlays[data-container-id='Task_TriageAccount'] .badge"));
    browser.screenshot("cockpit-02-incident-playbook-at-triage");
  }

  @Test
  void theIrLeadSeesTheRolloutAtItsCurrentWeekInCockpit() {
    String owner = incidents.user("browser.owner", Roles.IR_PROGRAM_OWNER);
    String sponsor = incidents.user("browser.sponsor", Roles.EXECUTIVE);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = rest.withBasicAuth(owner, Incidents.PASSWORD).postForEntity("/api/rollouts",
        new HttpEntity<>("{\"organisation\": \"Acme\", \"sponsor\": \"" + sponsor + "\", \"programOwner\": \""
            + owner + "\", \"startDate\": \"" + LocalDate.now() + "\"}", headers), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String rollout = created.getBody().get("id").asText();
    incidents.runJobs(rollout);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rollout)
        .processDefinitionKey(RolloutApi.PROCESS_KEY).singleResult();

    browser.login("cockpit", lead, Incidents.PASSWORD);
    browser.open(COCKPIT + "#/process-instance/" + instance.getId() + "/runtime");
    browser.text(rollout, "Week 1: team formation");
    browser.visible(By.cssSelector(".djs-overlays[data-container-id='SubProcess_Week1'] .badge"));
    browser.screenshot("cockpit-03-rollout-week-1");
  }

  @Test
  void theAdminSeesTheIrGroupsInAdmin() {
    browser.login("admin", IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    browser.open("/camunda/app/admin/default/#/groups");
    String page = browser.text(Roles.IR_LEAD, Roles.PRIVACY_OFFICER, Roles.IR_PROGRAM_OWNER, "camunda-admin");
    for (Roles.Role role : Roles.RESPONDER_ROLES) {
      assertThat(page).contains(role.id(), role.name());
    }
    browser.screenshot("admin-01-groups");
  }
}
