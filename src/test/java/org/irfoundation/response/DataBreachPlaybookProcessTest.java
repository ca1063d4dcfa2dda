package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.irfoundation.response.DataBreachApi.Elements.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.irfoundation.engine.Raci;
import org.irfoundation.response.PlaybookTestSupport.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code playbook-data-breach}, with the real notification-obligations and RACI decisions and stubs
 * for the called processes (containment, evidence, one regulatory-notification per obligation).
 */
@Deployment(resources = {
    "bpmn/playbook-data-breach.bpmn",
    "stub-bpmn/playbook-compromised-account-instant.bpmn",
    "stub-bpmn/evidence-collection.bpmn",
    "stub-bpmn/regulatory-notification.bpmn",
    "dmn/notification-obligations.dmn",
    "dmn/raci.dmn"})
class DataBreachPlaybookProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(PlaybookTestSupport.coverageEngineConfiguration("irf-data-breach-coverage"))
      .assertClassCoverageAtLeast(0.95)
      .build();

  static final String INCIDENT = "INC-2026-0007";
  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = new Recorder();
  final Recorder recordTimelineEvent = new Recorder();
  ProcessEngine engine;
  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    ClockUtil.setCurrentTime(Date.from(AWARE.plusSeconds(600)));
    Mocks.register("notifyGroups", notifyGroups);
    Mocks.register("recordTimelineEvent", recordTimelineEvent);
    Mocks.register("startBreachClocks", new StartBreachClocksDelegate());
    Mocks.register("raci", new Raci(engine.getDecisionService()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void anEuBreachWithOngoingAccessIsContainedAndNotifiedToTheAuthorityAndTheDataSubjects() {
    ProcessInstance pi = start("P2");
    runClocks(pi);
    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry("dpoNoticeDueAt", Date.from(AWARE.plusSeconds(3600)))
        .containsEntry("severityDueAt", Date.from(AWARE.plusSeconds(2 * 3600)))
        .containsEntry("notificationDecisionDueAt", Date.from(AWARE.plusSeconds(24 * 3600)));
    assertThat(recordTimelineEvent.of(TASK_RECORD_AWARENESS)).containsEntry("eventType", "AWARENESS_RECORDED")
        .containsEntry("eventDetail", "Personal-data breach: awareness at " + AWARE
            + "; the regulatory clocks run from here");
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO)).containsEntry("noticeKind", "BREACH_DPO_NOTICE")
        .containsEntry("recipientGroups", "privacy-officer");

    // DPO and severity in parallel, each with its own candidate groups from the RACI
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DPO_NOTICE, TASK_ASSESS_SEVERITY);
    BpmnAwareTests.assertThat(task(TASK_CONFIRM_DPO_NOTICE, pi)).hasCandidateGroup("privacy-officer");
    BpmnAwareTests.assertThat(task(TASK_ASSESS_SEVERITY, pi)).hasCandidateGroup("ir-lead");
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of("dpoContact", "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of("severity", "P1"));
    execute(job(TASK_ENGAGE_LEGAL, pi));
    assertThat(notifyGroups.of(TASK_ENGAGE_LEGAL)).containsEntry("noticeKind", "BREACH_LEGAL_STANDBY")
        .containsEntry("recipientGroups", "legal,communications");
    assertThat(runtime.getVariable(pi.getId(), "legalEngaged")).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "dpoConfirmedAt")).isInstanceOf(Date.class);

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCOPE).task().hasCandidateGroup("ir-analyst");
    complete(task(TASK_SCOPE, pi), scope("accessOngoing", "yes", "euResidents", true, "pii", true));

    // containment through the compromised-account playbook (stub), told not to hand back
    BpmnAwareTests.assertThat(pi).hasPassed(CALL_CONTAIN, CALL_EVIDENCE);
    var contain = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("playbook-compromised-account").superProcessInstanceId(pi.getId()).singleResult();
    assertThat(contain.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(contain.getId()).variableName("dataBreachHandledByCaller").singleResult().getValue())
        .isEqualTo(true);
    var evidence = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("evidence-collection").superProcessInstanceId(pi.getId()).singleResult();
    assertThat(evidence.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(evidence.getId()).variableName("evidenceItems").singleResult().getValue())
        .contains("Access and audit logs (to write-once storage);").contains("Chain-of-custody record");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION).task().hasCandidateGroup("privacy-officer");
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of("gdprRisk", "high",
        "notificationReasons", "EU: names and e-mails of 1200 customers, unencrypted; high risk of phishing"));
    execute(job(TASK_RECORD_DECISION, pi));
    assertThat(recordTimelineEvent.of(TASK_RECORD_DECISION)).containsEntry("eventType", "NOTIFICATION_DECIDED")
        .containsEntry("eventDetail", "Risk to people (GDPR): high. Reasons: EU: names and e-mails of 1200 customers,"
            + " unencrypted; high risk of phishing");

    // one regulatory-notification per obligation, with the obligation's own clock and deadline
    assertThat(runtime.getVariable(pi.getId(), "obligationCount")).isEqualTo(2);
    assertThat(runtime.getVariable(pi.getId(), "individualsToNotify")).isEqualTo(true);
    List<ProcessInstance> notices = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
    assertThat(notices).hasSize(2).allSatisfy(n -> assertThat(n.getBusinessKey()).isEqualTo(INCIDENT));
    assertThat(notices.stream().map(n -> runtime.getVariables(n.getId())).toList())
        .extracting(v -> v.get("regulation"), v -> v.get("clockStart"), v -> v.get("deadline"), v -> v.get("awareAt"),
            v -> v.get("dpoContact"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GDPR Art. 33", "awareness", "PT72H", AWARE.toString(), "dpo@example.org"),
            org.assertj.core.groups.Tuple.tuple("GDPR Art. 34", "high-risk-determined", "PT72H", AWARE.toString(),
                "dpo@example.org"));
    for (ProcessInstance notice : notices) {
      complete(task("Task_FileStub", notice));
    }

    // data subjects: a support channel, and credit monitoring when offered
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SUPPORT_CHANNEL).task().hasCandidateGroup("communications");
    complete(task(TASK_SUPPORT_CHANNEL, pi), Map.of("supportChannel", "https://example.org/incident",
        "creditMonitoring", "yes"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CREDIT_MONITORING).task().hasCandidateGroup("communications");
    complete(task(TASK_CREDIT_MONITORING, pi), Map.of("creditMonitoringProvider", "Monitor Inc., 24 months"));

    execute(job(TASK_RECORD_METRICS, pi));
    assertThat((String) recordTimelineEvent.of(TASK_RECORD_METRICS).get("eventDetail"))
        .startsWith("Detected 2026-03-02T08:40:00Z; aware " + AWARE).contains("2 notification(s) filed");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_SEVERITY_HIGH, TASK_ENGAGE_LEGAL,
        GATEWAY_ACCESS_ONGOING, CALL_CONTAIN, CALL_REGULATORY_NOTIFICATION, GATEWAY_CREDIT_MONITORING,
        TASK_CREDIT_MONITORING, EVENT_HANDLED).hasNotPassed(EVENT_DPO_NOTICE_OVERDUE, EVENT_SEVERITY_OVERDUE,
        EVENT_DECISION_OVERDUE);
  }

  @Test
  void aLowSeverityBreachWithoutObligationsGoesStraightToTheMetrics() {
    ProcessInstance pi = start(null);
    runClocks(pi);
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of("dpoContact", "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of("severity", "P4"));
    complete(task(TASK_SCOPE, pi), scope("accessOngoing", "no", "euResidents", true, "pii", true,
        "dataEncrypted", "yes", "keyCompromised", "no"));
    BpmnAwareTests.assertThat(pi).hasNotPassed(TASK_ENGAGE_LEGAL, CALL_CONTAIN).hasPassed(CALL_EVIDENCE);
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of("gdprRisk", "unlikely",
        "notificationReasons", "EU: encrypted backup, key in the HSM, unlikely to result in a risk: not notified"));
    execute(job(TASK_RECORD_DECISION, pi));
    assertThat(runtime.getVariable(pi.getId(), "obligationCount")).isEqualTo(0);
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_ANY_OBLIGATION, GATEWAY_INDIVIDUALS)
        .hasNotPassed(CALL_REGULATORY_NOTIFICATION, TASK_SUPPORT_CHANNEL);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("regulatory-notification").count()).isZero();
  }

  @Test
  void californiaResidentsGetASupportChannelWithoutCreditMonitoring() {
    ProcessInstance pi = start("P1");
    runClocks(pi);
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of("dpoContact", "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of("severity", "P2"));
    execute(job(TASK_ENGAGE_LEGAL, pi));
    complete(task(TASK_SCOPE, pi), scope("accessOngoing", "no", "pii", true, "californiaResidents", 40L,
        "dataEncrypted", "no"));
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of("notificationReasons", "US-CA: unencrypted, 40 residents"));
    execute(job(TASK_RECORD_DECISION, pi));
    ProcessInstance notice = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(notice.getId(), "regulation")).isEqualTo("California Civ. Code 1798.82");
    complete(task(TASK_SUPPORT_CHANNEL, pi), Map.of("supportChannel", "+1 800 555 0100", "creditMonitoring", "no"));
    complete(task("Task_FileStub", notice));
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_CREDIT_MONITORING).hasNotPassed(TASK_CREDIT_MONITORING);
  }

  @Test
  void missedInternalDeadlinesEscalateToTheAccountableRoleAndTheWorkGoesOn() {
    ProcessInstance pi = start("P1");
    runClocks(pi);

    Job dpo = job(EVENT_DPO_NOTICE_OVERDUE, pi);
    assertThat(dpo.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(3600)));
    ClockUtil.setCurrentTime(dpo.getDuedate());
    execute(dpo);
    execute(job(TASK_NOTIFY_DPO_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO_OVERDUE)).containsEntry("noticeKind", "BREACH_CLOCK_MISSED")
        .containsEntry("recipientGroups", "privacy-officer");

    Job severity = job(EVENT_SEVERITY_OVERDUE, pi);
    assertThat(severity.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(2 * 3600)));
    ClockUtil.setCurrentTime(severity.getDuedate());
    execute(severity);
    execute(job(TASK_NOTIFY_SEVERITY_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_SEVERITY_OVERDUE)).containsEntry("recipientGroups", "privacy-officer");
    assertThat((String) notifyGroups.of(TASK_NOTIFY_SEVERITY_OVERDUE).get("noticeDetail"))
        .startsWith("The breach severity was not assessed within 2 h of awareness");

    // non-interrupting: both tasks are still there
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of("dpoContact", "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of("severity", "P3"));
    complete(task(TASK_SCOPE, pi), scope("accessOngoing", "no", "secRegistrant", true));

    Job decision = job(EVENT_DECISION_OVERDUE, pi);
    assertThat(decision.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(24 * 3600)));
    ClockUtil.setCurrentTime(decision.getDuedate());
    execute(decision);
    execute(job(TASK_NOTIFY_DECISION_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DECISION_OVERDUE)).containsEntry("recipientGroups", "legal");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION).hasPassed("Event_DpoOverdueNotified",
        "Event_SeverityOverdueNotified", "Event_DecisionOverdueNotified");
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of("notificationReasons", "SEC: materiality under review"));
    execute(job(TASK_RECORD_DECISION, pi));
    ProcessInstance notice = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(notice.getId(), "clockStart")).isEqualTo("materiality");
    complete(task("Task_FileStub", notice));
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void withoutAnAwarenessTimeTheClocksStartNow() {
    Map<String, Object> v = incident("P2");
    v.put("awareAt", null);
    ProcessInstance pi = runtime.startProcessInstanceByKey(DataBreachApi.PROCESS_KEY, INCIDENT, v);
    runClocks(pi);
    Instant now = AWARE.plusSeconds(600);
    assertThat(runtime.getVariable(pi.getId(), "awareAt")).isEqualTo(now.toString());
    assertThat(job(EVENT_DPO_NOTICE_OVERDUE, pi).getDuedate()).isEqualTo(Date.from(now.plusSeconds(3600)));
  }

  private ProcessInstance start(String severity) {
    return runtime.startProcessInstanceByKey(DataBreachApi.PROCESS_KEY, INCIDENT, incident(severity));
  }

  private static Map<String, Object> incident(String severity) {
    Map<String, Object> v = new HashMap<>();
    v.put("incidentId", INCIDENT);
    v.put("title", "Customer table exported");
    v.put("category", "DATA_BREACH");
    v.put("severity", severity);
    v.put("detectedAt", "2026-03-02T08:40:00Z");
    v.put("awareAt", AWARE.toString());
    v.put("personalData", true);
    return v;
  }

  private void runClocks(ProcessInstance pi) {
    execute(job(TASK_START_CLOCKS, pi));
    execute(job(TASK_RECORD_AWARENESS, pi));
    execute(job(TASK_NOTIFY_DPO, pi));
  }

  /** The scope form: nothing applies unless given. */
  private static Map<String, Object> scope(Object... keysAndValues) {
    Map<String, Object> v = new HashMap<>();
    v.put("dataTier", "high");
    v.put("peopleAffected", 1200L);
    for (String flag : List.of("euResidents", "pii", "phi", "pan", "nis2Entity", "doraEntity", "secRegistrant",
        "pciMerchant")) {
      v.put(flag, false);
    }
    v.put("californiaResidents", 0L);
    v.put("maxResidentsInOneState", 0L);
    v.put("dataEncrypted", "no");
    v.put("keyCompromised", "unknown");
    v.put("dataLeftEnvironment", "yes");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      v.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return v;
  }

}
