package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.BuiltinNoticeLog;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.response.ImprovementActionApi.Vars;
import org.irfoundation.response.PostIncidentReviewApi.Elements;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.testing.ProcessTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code post-incident-review} and {@code improvement-action} on the in-memory engine with the real
 * delegates over H2 (Flyway): the lessons of a review become improvement actions with owner and due date, the review
 * ends without waiting for them, the owner is reminded, an overdue action is escalated, the owner completes it with
 * the outcome; a review without lessons, and a bad lesson line refused while the review stays open.
 */
@Deployment(resources = {
    "bpmn/post-incident-review.bpmn",
    "bpmn/improvement-action.bpmn",
    "bpmn/forms/post-incident-review.form",
    "bpmn/forms/improvement-action.form",
    "stub-bpmn/playbook-compromised-account.bpmn",
    "stub-dmn/escalation-policy.dmn",
    "dmn/raci.dmn"})
class PostIncidentReviewProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final String INCIDENT = "INC-2026-0042";
  static final String WHITELIST = "[a-zA-Z0-9]+([._@-][a-zA-Z0-9]+)*";
  /** A Monday. */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String LEAD = "pir.lead";
  static final String LENA = "pir.lena";
  static final String ARNO = "pir.arno";
  static final String PLAYBOOK = "playbook-compromised-account";
  static final String MFA = "MFA reset takes too long | changes:" + PLAYBOOK + " | owner:" + LENA
      + " | due:2026-04-15";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final Incidents incidents = mock(Incidents.class);
  ImprovementActions actions;

  @BeforeEach
  void setUp() {
    engine.setCurrentTime(T0);
    // as the app (camunda.bpm.generic-properties): group ids such as ir-lead
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.processEngine()
        .getProcessEngineConfiguration();
    configuration.setUserResourceWhitelistPattern(WHITELIST);
    configuration.setGroupResourceWhitelistPattern(WHITELIST);
    db.insertIncident(INCIDENT);
    when(incidents.find(INCIDENT)).thenReturn(Optional.of(new Incident(INCIDENT, "Root key used from TOR", null,
        "COMPROMISED_ACCOUNT", null, T0, T0, T0, null, null, null, "P1", "PT1H", PLAYBOOK, Incident.OPEN, null, null,
        "{}")));
    user(LEAD, "lead@example.org", Roles.IR_LEAD);
    user(LENA, "lena@example.org", Roles.IT_OPERATIONS);
    user(ARNO, null, Roles.IR_ANALYST);
    SystemContext system = new SystemContext(engine.getIdentityService());
    ImprovementStore store = new ImprovementStore(db.jdbc);
    actions = new ImprovementActions(store, new LessonLines(engine.getRepositoryService(),
        engine.getIdentityService(), system), lifecycle, incidents, engine.getRuntimeService(), system);
    BuiltinNoticeLog log = new BuiltinNoticeLog(db.jdbc);
    ImprovementNotices notices = new ImprovementNotices(actions, log, new NoticeService(log, lifecycle,
        new CommunicationTemplates(), incidents), incidents, lifecycle, engine.getIdentityService(), system);
    engine.register("improvementActions", actions);
    engine.register("postIncidentReviewDue", new PostIncidentReviewDue(new NotificationClock()));
    engine.register("recordLessons", new RecordLessonsDelegate(actions, lifecycle, system));
    engine.register("startImprovementAction", new StartImprovementActionDelegate(actions));
    engine.register("improvementNotice", new ImprovementNoticeDelegate(notices));
    engine.register("recordImprovementDone", new RecordImprovementDoneDelegate(actions, system));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void eachLessonBecomesAnImprovementActionForItsOwnerAndTheReviewDoesNotWaitForThem() {
    ProcessInstance review = startReview("P1");
    Task hold = task(Elements.TASK_HOLD_REVIEW, review);
    assertThat(engine.candidateGroups(hold)).containsExactly(Roles.IR_LEAD);
    // P1: 5 business days after the response ended
    assertThat(hold.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));

    completeAs(LEAD, hold, MFA + "\n\n- Train the on-call in memory capture | changes:training:memory-capture"
        + " | owner:" + ARNO + " | due:2026-03-04\n");
    BpmnAwareTests.assertThat(review).isWaitingAt(Elements.TASK_START_IMPROVEMENT_ACTIONS + "#multiInstanceBody");
    engine.runAsyncJobs(review);
    BpmnAwareTests.assertThat(review).isEnded().hasPassedInOrder(Elements.EVENT_REVIEW_DUE,
        Elements.TASK_HOLD_REVIEW, Elements.TASK_RECORD_LESSONS, Elements.GATEWAY_LESSONS_LEARNED,
        Elements.TASK_START_IMPROVEMENT_ACTIONS, Elements.EVENT_LESSONS_TRACKED);
    assertThat(historic(review, PostIncidentReviewApi.Vars.LESSON_COUNT.name())).isEqualTo(2);
    assertThat(historic(review, PostIncidentReviewApi.Vars.IMPROVEMENT_IDS.name()))
        .isEqualTo(INCIDENT + "-L1," + INCIDENT + "-L2");

    assertThat(actions.forIncident(INCIDENT)).extracting(Improvement::id, Improvement::owner, Improvement::due,
        Improvement::changesKind, Improvement::changesRef, Improvement::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple(INCIDENT + "-L2", ARNO, LocalDate.parse("2026-03-04"),
                Improvement.TRAINING, "memory-capture", Improvement.OPEN),
            org.assertj.core.groups.Tuple.tuple(INCIDENT + "-L1", LENA, LocalDate.parse("2026-04-15"),
                Improvement.PLAYBOOK, PLAYBOOK, Improvement.OPEN));
    Task lena = ownersTask(LENA);
    assertThat(lena.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-04-15T23:59:00Z"));
    assertThat(engine.getTaskService().getVariables(lena.getId())).containsEntry(Vars.LESSON.name(),
        "MFA reset takes too long").containsEntry(Vars.CHANGES.name(), "playbook " + PLAYBOOK)
        .containsEntry(Vars.IMPROVEMENT_ID.name(), INCIDENT + "-L1");
    assertThat(ownersTask(ARNO).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-04T23:59:00Z"));
    ProcessInstance action = instanceOf(INCIDENT + "-L1");
    BpmnAwareTests.assertThat(action).hasBusinessKey(INCIDENT).isWaitingAt(ImprovementActionApi.Elements
        .TASK_WORK_IMPROVEMENT);

    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.LESSON_RECORDED), eq(LEAD),
        eq(INCIDENT + "-L1: 'MFA reset takes too long' changes playbook " + PLAYBOOK + "; owner " + LENA
            + ", due 2026-04-15"));
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.REVIEW_HELD), eq(LEAD),
        eq("2 lesson(s); root causes: No MFA on the root account"));
    assertThat(actions.pendingFor(PLAYBOOK)).isEqualTo("1 open: " + INCIDENT + " 'MFA reset takes too long' ("
        + LENA + ", due 2026-04-15)");
    assertThat(actions.pendingFor("playbook-data-breach")).isEqualTo(ImprovementActions.NONE);
  }

  @Test
  void aReviewWithoutLessonsEndsWithNothingToImproveAndWithoutASeverityIsDueIn15BusinessDays() {
    ProcessInstance review = startReview(null); // as an exercise may call it
    Task hold = task(Elements.TASK_HOLD_REVIEW, review);
    assertThat(hold.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));

    completeAs(LEAD, hold, "  \n");
    BpmnAwareTests.assertThat(review).isEnded().hasPassed(Elements.EVENT_NOTHING_TO_IMPROVE)
        .hasNotPassed(Elements.TASK_START_IMPROVEMENT_ACTIONS);
    assertThat(actions.forIncident(INCIDENT)).isEmpty();
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.REVIEW_HELD), eq(LEAD), contains("0 lesson(s)"));
  }

  @Test
  void aBadLessonLineIsRefusedNamingItAndTheReviewStaysOpenUntilItIsFixed() {
    ProcessInstance review = startReview("P3");
    Task hold = task(Elements.TASK_HOLD_REVIEW, review);
    String bad = String.join("\n", MFA,
        "Rotate keys | changes:playbook-nope | owner:" + LENA + " | due:2026-04-01",
        "Backups | changes:" + PLAYBOOK + " | owner:nobody-here | due:2026-04-01",
        "Late | changes:training | owner:" + LENA + " | due:2026-03-01",
        "No owner | changes:other | due:2026-04-01",
        "Severity table | changes:escalation-policy | owner:" + LENA + " | due:someday",
        "| changes:other | owner:" + LENA + " | due:2026-04-01",
        "Colour | shade:blue | owner:" + LENA + " | due:2026-04-01");

    assertThatThrownBy(() -> completeAs(LEAD, hold, bad)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("line 2: changes:playbook-nope names no deployed playbook or decision")
        .hasMessageContaining("line 3: owner:nobody-here is no user")
        .hasMessageContaining("line 4: due:2026-03-01 is in the past")
        .hasMessageContaining("line 5: 'No owner' needs owner:")
        .hasMessageContaining("line 6: due:someday is no date")
        .hasMessageContaining("line 7: the lesson itself comes first")
        .hasMessageContaining("line 8: 'shade:blue' is none of changes:, owner:, due:")
        .hasMessageContaining(LessonLines.FORMAT)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("line 1:"));
    BpmnAwareTests.assertThat(review).isWaitingAt(Elements.TASK_HOLD_REVIEW);
    assertThat(actions.forIncident(INCIDENT)).isEmpty();
    verify(lifecycle, never()).recordEvent(anyString(), any(), any(), anyString());

    // a decision key and other:<what> are fine too
    completeAs(LEAD, task(Elements.TASK_HOLD_REVIEW, review), MFA + "\nSeverity table | changes:escalation-policy | owner:"
        + LENA + " | due:2026-04-01\nVendor contract | changes:other:IR retainer | owner:" + ARNO + " | due:2026-05-01");
    assertThat(actions.forIncident(INCIDENT)).extracting(Improvement::changes).containsExactly(
        "decision escalation-policy", "playbook " + PLAYBOOK, "other IR retainer");
  }

  @Test
  void theOwnerIsRemindedThreeDaysBeforeTheDueDateOrAtOnceWhenItIsDueSooner() {
    ProcessInstance review = startReview("P1");
    completeAs(LEAD, task(Elements.TASK_HOLD_REVIEW, review), MFA + "\nOn-call rota | changes:other | owner:" + ARNO
        + " | due:2026-03-03");
    engine.runAsyncJobs(review);

    ProcessInstance lena = instanceOf(INCIDENT + "-L1");
    assertThat(job(ImprovementActionApi.Elements.EVENT_DUE_SOON, lena).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-04-12T23:59:00Z"));
    engine.setCurrentTime(Instant.parse("2026-04-12T23:59:00Z"));
    execute(job(ImprovementActionApi.Elements.EVENT_DUE_SOON, lena));
    engine.runAsyncJobs(lena);
    BpmnAwareTests.assertThat(lena).isWaitingAt(ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT)
        .hasPassed(ImprovementActionApi.Elements.TASK_REMIND_OWNER, ImprovementActionApi.Elements.EVENT_OWNER_REMINDED);
    Map<String, Object> notice = notice(NoticeKind.IMPROVEMENT_DUE, INCIDENT + "-L1");
    assertThat(notice).containsEntry("RECIPIENT_ADDRESSES", "lena@example.org").containsEntry("RECIPIENT_GROUPS", "");
    assertThat((String) notice.get("SUBJECT")).isEqualTo("[P1] " + INCIDENT
        + ": improvement action due soon - Root key used from TOR");
    assertThat((String) notice.get("BODY")).startsWith("Improvement action " + INCIDENT + "-L1 'MFA reset takes too"
        + " long' (changes playbook " + PLAYBOOK + ") of " + LENA + " is due 2026-04-15.");
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.NOTICE_SENT), isNull(),
        contains("IMPROVEMENT_DUE to " + LENA));

    // due sooner than three days: reminded at once; without an address, through the owner's groups
    ProcessInstance arno = instanceOf(INCIDENT + "-L2");
    assertThat(job(ImprovementActionApi.Elements.EVENT_DUE_SOON, arno).getDuedate().toInstant()).isEqualTo(T0);
    execute(job(ImprovementActionApi.Elements.EVENT_DUE_SOON, arno));
    engine.runAsyncJobs(arno);
    assertThat(notice(NoticeKind.IMPROVEMENT_DUE, INCIDENT + "-L2")).containsEntry("RECIPIENT_GROUPS",
        Roles.IR_ANALYST);
  }

  @Test
  void anOverdueActionIsEscalatedToTheLeadAndTheProgramOwnerAndOnTheTimelineAndStaysOpen() {
    ProcessInstance review = startReview("P1");
    completeAs(LEAD, task(Elements.TASK_HOLD_REVIEW, review), MFA);
    engine.runAsyncJobs(review);
    ProcessInstance action = instanceOf(INCIDENT + "-L1");

    Instant dueAt = Instant.parse("2026-04-15T23:59:00Z");
    assertThat(job(ImprovementActionApi.Elements.EVENT_OVERDUE, action).getDuedate().toInstant()).isEqualTo(dueAt);
    engine.setCurrentTime(dueAt.plusSeconds(60));
    execute(job(ImprovementActionApi.Elements.EVENT_OVERDUE, action));
    engine.runAsyncJobs(action);

    BpmnAwareTests.assertThat(action).isWaitingAt(ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT).hasPassed(
        ImprovementActionApi.Elements.TASK_ESCALATE_OVERDUE, ImprovementActionApi.Elements.EVENT_OVERDUE_ESCALATED);
    Map<String, Object> notice = notice(NoticeKind.IMPROVEMENT_OVERDUE, INCIDENT + "-L1");
    assertThat(notice).containsEntry("RECIPIENT_GROUPS", Roles.IR_LEAD + "," + Roles.IR_PROGRAM_OWNER);
    assertThat((String) notice.get("BODY")).startsWith("Improvement action " + INCIDENT + "-L1 'MFA reset takes too"
        + " long' (changes playbook " + PLAYBOOK + ") of " + LENA + " was due 2026-04-15.");
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.IMPROVEMENT_OVERDUE), isNull(),
        eq(INCIDENT + "-L1 (" + LENA + ", due 2026-04-15) is overdue: escalated to ir-lead, ir-program-owner"));
    assertThat(actions.get(INCIDENT + "-L1").overdueAt(engine.currentTime())).isTrue();
    assertThat(actions.pendingFor(PLAYBOOK)).endsWith("(" + LENA + ", due 2026-04-15, overdue)");
  }

  @Test
  void theOwnerCompletesItWithTheOutcomeAndItIsDoneWhileAnEmptyOutcomeIsRefused() {
    ProcessInstance review = startReview("P1");
    completeAs(LEAD, task(Elements.TASK_HOLD_REVIEW, review), MFA);
    engine.runAsyncJobs(review);
    ProcessInstance action = instanceOf(INCIDENT + "-L1");

    assertThatThrownBy(() -> completeTask(LENA, ownersTask(LENA), Map.of(Vars.OUTCOME.name(), " ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("the outcome is required");
    BpmnAwareTests.assertThat(action).isWaitingAt(ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT);

    engine.setCurrentTime(Instant.parse("2026-03-20T10:00:00Z"));
    completeTask(LENA, ownersTask(LENA), Map.of(Vars.OUTCOME.name(), "Self-service MFA reset added to step 6"));
    BpmnAwareTests.assertThat(action).isEnded().hasPassedInOrder(ImprovementActionApi.Elements
        .EVENT_LESSON_RECORDED, ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT,
        ImprovementActionApi.Elements.TASK_RECORD_DONE, ImprovementActionApi.Elements.EVENT_IMPROVEMENT_DONE)
        .hasNotPassed(ImprovementActionApi.Elements.TASK_REMIND_OWNER);
    assertThat(jobQuery().processInstanceId(action.getId()).count()).isZero();
    Improvement done = actions.get(INCIDENT + "-L1");
    assertThat(done.status()).isEqualTo(Improvement.DONE);
    assertThat(done.outcome()).isEqualTo("Self-service MFA reset added to step 6");
    assertThat(done.doneAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
    assertThat(db.jdbc.sql("select done_by from improvement_action where id = ?").param(done.id())
        .query(String.class).single()).isEqualTo(LENA);
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.IMPROVEMENT_DONE), eq(LENA),
        eq(INCIDENT + "-L1 'MFA reset takes too long' done: Self-service MFA reset added to step 6"));
    assertThat(actions.pendingFor(PLAYBOOK)).isEqualTo(ImprovementActions.NONE);
    assertThat(actions.forPlaybook(PLAYBOOK)).singleElement().extracting(Improvement::status)
        .isEqualTo(Improvement.DONE);
    assertThat(actions.open()).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  /** As incident-response's call activity (or ir-exercise's) starts it. */
  private ProcessInstance startReview(String severity) {
    Map<String, Object> variables = new HashMap<>();
    IncidentResponseApi.Inputs.INCIDENT_ID.put(variables, INCIDENT);
    if (severity != null) {
      IncidentResponseApi.Decided.SEVERITY.put(variables, severity);
    }
    return engine.getRuntimeService().startProcessInstanceByKey(PostIncidentReviewApi.PROCESS_KEY, INCIDENT,
        variables);
  }

  /** As Tasklist does: the IR lead, signed in, submits the review form. */
  private void completeAs(String userId, Task hold, String lessons) {
    Map<String, Object> form = new HashMap<>();
    PostIncidentReviewApi.Vars.TIMELINE_REVIEWED.put(form, true);
    PostIncidentReviewApi.Vars.WHAT_WENT_WELL.put(form, "Containment within 20 minutes");
    PostIncidentReviewApi.Vars.WHAT_WENT_WRONG.put(form, "MFA reset waited for the service desk");
    PostIncidentReviewApi.Vars.ROOT_CAUSES.put(form, "No MFA on the root account");
    PostIncidentReviewApi.Vars.LESSONS.put(form, lessons);
    completeTask(userId, hold, form);
  }

  private void completeTask(String userId, Task task, Map<String, Object> variables) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, List.of());
    try {
      engine.getFormService().submitTaskForm(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Object historic(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  private Task ownersTask(String owner) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(INCIDENT).taskAssignee(owner)
        .taskDefinitionKey(ImprovementActionApi.Elements.TASK_WORK_IMPROVEMENT).singleResult();
  }

  private ProcessInstance instanceOf(String improvementId) {
    String id = actions.row(improvementId).processInstanceId();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Map<String, Object> notice(NoticeKind kind, String improvementId) {
    return db.jdbc.sql("select * from notice_log where idempotency_key = ?")
        .param(String.join(":", INCIDENT, kind.name(), improvementId)).query().singleRow();
  }

  private void user(String id, String email, String group) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setEmail(email);
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    identity.createMembership(id, group);
  }

  static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
