package org.irfoundation.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Responders in Tasklist, in a real Chromium: the account triage (the RACI gives it to the IR lead) claimed, its
 * Camunda Form filled and completed, the analyst's next task; a required answer left empty; the DPO's deadline.
 */
@IrSpringBootTest
class TasklistBrowserTest {

  static final String ACCOUNT_REPORT = """
      {"title": "Root access key used from an unknown ASN", "category": "COMPROMISED_ACCOUNT", "domain": "SERVICE",
       "detectedAt": "%s", "source": "guardduty", "externalRef": "%s",
       "indicators": {"rootAccount": true, "actorActive": true}, "affectedUsers": ["root"]}""";

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  Incidents incidents;
  Tasklist tasklist;
  String lead;
  String analyst;

  @BeforeEach
  void users() {
    incidents = new Incidents(rest, identityService, runtimeService, taskService, managementService);
    tasklist = new Tasklist(browser);
    lead = incidents.user("browser.lead", Roles.IR_LEAD);
    analyst = incidents.user("browser.analyst", Roles.IR_ANALYST);
  }

  String reportAccountIncident(String ref) {
    return incidents.reportAndAcknowledge(lead, ACCOUNT_REPORT.formatted(Instant.now().minus(5, ChronoUnit.MINUTES)
        .truncatedTo(ChronoUnit.SECONDS), ref));
  }

  @Test
  void theIrLeadTriagesACompromisedAccountAndTheAnalystGetsTheNextTask() {
    String incident = reportAccountIncident("gd-browser-triage");
    Task triage = incidents.task(incident, CompromisedAccountPlaybookApi.Elements.TASK_TRIAGE);

    browser.login("tasklist", lead, Incidents.PASSWORD);
    List<String> listed = tasklist.listShowing("Triage the account");
    assertThat(listed).contains(triage.getId());
    // not the analyst's: the scope task does not exist yet, and the triage is not listed to the analyst below
    browser.screenshot("tasklist-01-triage-in-the-list");

    tasklist.openFromList(triage.getId());
    browser.text("Triage the account", "Playbook: Compromised user account", "Credential type");
    tasklist.claim();
    tasklist.select("Field_CredentialType", "Access key (programmatic)");
    tasklist.radio("Field_AdminRights", "Yes");
    tasklist.radio("Field_UnauthorisedUse", "Yes");
    tasklist.radio("Field_PersonalDataAccessed", "No");
    tasklist.type("Field_TriageNotes", "Root key used from AS64500; no persistence found yet.");
    browser.screenshot("tasklist-02-triage-form-filled");
    tasklist.complete();
    browser.until(d -> taskService.createTaskQuery().taskId(triage.getId()).count() == 0);
    assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), "credentialType")).isEqualTo("accessKey");
    incidents.runJobs(incident);

    // the answers lead to the scope: the analyst decides on the credential's use
    Task assess = incidents.task(incident, CompromisedAccountPlaybookApi.Elements.TASK_ASSESS_USE);
    browser.login("tasklist", analyst, Incidents.PASSWORD);
    assertThat(tasklist.listShowing("Decide on the credential's use")).contains(assess.getId())
        .doesNotContain(triage.getId());
    tasklist.openFromList(assess.getId());
    browser.text("Use of the credential", "Use confirmed: contain now");
    browser.screenshot("tasklist-03-analyst-next-task");
  }

  @Test
  void aRequiredAnswerLeftEmptyBlocksCompletionAndSaysWhy() {
    String incident = reportAccountIncident("gd-browser-required");
    Task triage = incidents.task(incident, CompromisedAccountPlaybookApi.Elements.TASK_TRIAGE);

    browser.login("tasklist", lead, Incidents.PASSWORD);
    tasklist.open(triage.getId());
    tasklist.claim();
    tasklist.select("Field_CredentialType", "Console or SSO login (password, MFA)");
    tasklist.radio("Field_AdminRights", "No");
    tasklist.radio("Field_UnauthorisedUse", "Yes");
    // personal data accessed? left empty
    tasklist.clickComplete();
    String error = browser.visible(By.cssSelector("[id$='-Field_PersonalDataAccessed-error-message']")).getText();
    assertThat(error).containsIgnoringCase("required");
    browser.screenshot("tasklist-04-required-answer-missing");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
    assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), "credentialType")).isNull();
  }

  @Test
  void thePrivacyOfficerSeesTheDpoNoticeTaskWithItsDueTime() {
    String dpo = incidents.user("browser.dpo", Roles.PRIVACY_OFFICER);
    Instant awareAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String incident = incidents.reportAndAcknowledge(lead, """
        {"title": "Customer table exported from the CRM", "category": "DATA_BREACH", "detectedAt": "%s",
         "awareAt": "%s", "source": "browser-test", "indicators": {"personalData": true, "exfiltration": true},
         "dataSubjects": {"residents": {"EU": 300}}}""".formatted(awareAt.minus(5, ChronoUnit.MINUTES), awareAt));
    Task notice = incidents.task(incident, DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE);
    assertThat(notice.getDueDate().toInstant()).isEqualTo(awareAt.plus(DataBreachApi.DPO_NOTICE_WITHIN));

    browser.login("tasklist", dpo, Incidents.PASSWORD);
    assertThat(tasklist.listShowing("Confirm the DPO notice")).contains(notice.getId());
    tasklist.openFromList(notice.getId());
    String page = browser.text("Confirm the DPO notice", "DPO contact point for regulators");
    browser.screenshot("tasklist-05-dpo-notice-due");
    assertThat(page).contains("Due in");
  }
}
