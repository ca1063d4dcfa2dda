package org.irfoundation.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Roles;
import org.irfoundation.security.TasklistFilters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What the cards tell a responder in a real Chromium: a P1 incident's task is listed before that of a P4 reported
 * earlier, each card naming its incident, severity and due time; the administrator sees the product's filters.
 */
@IrSpringBootTest
class TaskCardsBrowserTest {

  static final String REPORT = """
      {"title": "%s", "category": "COMPROMISED_ACCOUNT", "detectedAt": "%s", "source": "browser-test"%s}""";

  @RegisterExtension static final Browser browser = new Browser();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  Incidents incidents;
  Tasklist tasklist;
  String lead;

  @BeforeEach
  void users() {
    incidents = new Incidents(rest, identityService, runtimeService, taskService, managementService);
    tasklist = new Tasklist(browser);
    lead = incidents.user("cards.lead", Roles.IR_LEAD);
  }

  @Test
  void aP1sTaskIsListedBeforeAP4sReportedBeforeItAndEachCardNamesItsIncidentSeverityAndDueTime() {
    String detected = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    // a P4, the P1, another P4: by creation, old or new first, a P4 would lead; by priority the P1 does
    String mark = "cards-" + System.nanoTime(); // in their titles, so in their tasks' descriptions
    String p4 = incidents.report(lead, REPORT.formatted("Odd sign-in at the front desk " + mark, detected, ""));
    String p1 = incidents.report(lead, REPORT.formatted("Root key used from abroad " + mark, detected,
        ", \"domain\": \"SERVICE\", \"indicators\": {\"rootAccount\": true}"));
    String later = incidents.report(lead, REPORT.formatted("Another odd sign-in " + mark, detected, ""));
    Task first = incidents.task(p1, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE);
    Task fourth = incidents.task(p4, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE);
    Task alsoFourth = incidents.task(later, IncidentResponseApi.Elements.TASK_ACKNOWLEDGE);
    // a filter of just these three acknowledgements, sorted as the product's filters are (the shared context holds other incidents)
    Filter two = filterService.saveFilter(filterService.newTaskFilter("Browser test: three incidents")
        // (a stored filter keeps the description, not a list of business keys)
        .setQuery(taskService.createTaskQuery().taskDescriptionLike("%" + mark + "%")
            .taskDefinitionKey(IncidentResponseApi.Elements.TASK_ACKNOWLEDGE).orderByTaskPriority().desc()
            .orderByDueDate().asc())
        .setProperties(Map.of("priority", -10, "refresh", false)));
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId(lead);
    read.setResource(Resources.FILTER);
    read.setResourceId(two.getId());
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);

    browser.login("tasklist", lead, Incidents.PASSWORD);
    browser.open(Tasklist.HOME + "#/?filter=" + two.getId());
    // the filter's own list: its three cards (the default filter, shown first, lists every task of the lead)
    browser.until(d -> d.findElements(By.cssSelector(".tasks-list a[href*='task=']")).size() == 3);
    List<String> listed = tasklist.listShowing(later + " (P4)");
    assertThat(listed).hasSize(3).startsWith(first.getId()).contains(fourth.getId(), alsoFourth.getId());
    String p1Card = card(first.getId());
    assertThat(p1Card).contains("Acknowledge the incident · " + p1 + " (P1)").contains("Due in");
    assertThat(card(fourth.getId())).contains(p4 + " (P4)");
    browser.screenshot("tasklist-00-p1-before-p4");
  }

  @Test
  void theAdministratorSeesTheProductsFilters() {
    browser.login("tasklist", IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD);
    String page = browser.text(TasklistFilters.MY_GROUPS, TasklistFilters.OVERDUE, TasklistFilters.P1_P2,
        TasklistFilters.REGULATORY, TasklistFilters.ROLLOUT);
    assertThat(page).contains("IR Foundation");
    browser.screenshot("tasklist-06-filters");
  }

  /** The text of a task's card in the list. */
  private String card(String taskId) {
    return browser.driver().findElement(By.xpath("//a[contains(@href,'task=" + taskId + "')]/ancestor::li[1]"))
        .getText();
  }
}
