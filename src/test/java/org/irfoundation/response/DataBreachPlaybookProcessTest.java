package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_DETAIL;
import static org.irfoundation.incident.RecordTimelineEventDelegate.EVENT_TYPE;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_DETAIL;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.irfoundation.response.DataBreachApi.Elements.*;
import static org.irfoundation.testing.ProcessTestEngine.INCIDENT;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.DataBreachApi.Vars;
import org.irfoundation.response.RegulatoryNotificationApi.Obligation;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.irfoundation.testing.StubModels;
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
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(0.95);

  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder recordTimelineEvent = engine.record("recordTimelineEvent");
  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    runtime = engine.getRuntimeService();
    engine.setCurrentTime(AWARE.plusSeconds(600));
    engine.register("startBreachClocks", new StartBreachClocksDelegate());
  }

  @Test
  void anEuBreachWithOngoingAccessIsContainedAndNotifiedToTheAuthorityAndTheDataSubjects() {
    ProcessInstance pi = start("P2");
    runClocks(pi);
    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry(Vars.DPO_NOTICE_DUE_AT.name(), Date.from(AWARE.plusSeconds(3600)))
        .containsEntry(Vars.SEVERITY_DUE_AT.name(), Date.from(AWARE.plusSeconds(2 * 3600)))
        .containsEntry(Vars.NOTIFICATION_DECISION_DUE_AT.name(), Date.from(AWARE.plusSeconds(24 * 3600)));
    assertThat(recordTimelineEvent.of(TASK_RECORD_AWARENESS))
        .containsEntry(EVENT_TYPE.name(), TimelineEvent.AWARENESS_RECORDED.name())
        .containsEntry(EVENT_DETAIL.name(), "Personal-data breach: awareness at " + AWARE
            + "; the regulatory clocks run from here");
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO)).containsEntry(NOTICE_KIND.name(), NoticeKind.BREACH_DPO_NOTICE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");

    // DPO and severity in parallel, each with its own candidate groups from the RACI
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DPO_NOTICE, TASK_ASSESS_SEVERITY);
    BpmnAwareTests.assertThat(task(TASK_CONFIRM_DPO_NOTICE, pi)).hasCandidateGroup("privacy-officer");
    BpmnAwareTests.assertThat(task(TASK_ASSESS_SEVERITY, pi)).hasCandidateGroup("ir-lead");
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Decided.SEVERITY.name(), "P1"));
    execute(job(TASK_ENGAGE_LEGAL, pi));
    assertThat(notifyGroups.of(TASK_ENGAGE_LEGAL))
        .containsEntry(NOTICE_KIND.name(), NoticeKind.BREACH_LEGAL_STANDBY.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal,communications");
    assertThat(runtime.getVariable(pi.getId(), Decided.LEGAL_ENGAGED.name())).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "dpoConfirmedAt")).isInstanceOf(Date.class);

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCOPE).task().hasCandidateGroup("ir-analyst");
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "yes", Vars.EU_RESIDENTS, true, Vars.PII, true));

    // containment through the compromised-account playbook (stub), told not to hand back
    BpmnAwareTests.assertThat(pi).hasPassed(CALL_CONTAIN, CALL_EVIDENCE);
    var contain = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CompromisedAccountPlaybookApi.PROCESS_KEY).superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(contain.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(contain.getId()).variableName(Vars.DATA_BREACH_HANDLED_BY_CALLER.name()).singleResult()
        .getValue())
        .isEqualTo(true);
    var evidence = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EvidenceCollectionApi.PROCESS_KEY).superProcessInstanceId(pi.getId()).singleResult();
    assertThat(evidence.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(evidence.getId()).variableName(EvidenceCollectionApi.Inputs.EVIDENCE_ITEMS.name())
        .singleResult().getValue())
        .contains("Access and audit logs (to write-once storage);").contains("Chain-of-custody record");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION).task().hasCandidateGroup("privacy-officer");
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of(Vars.GDPR_RISK.name(), "high", Vars.NOTIFICATION_REASONS.name(),
        "EU: names and e-mails of 1200 customers, unencrypted; high risk of phishing"));
    execute(job(TASK_RECORD_DECISION, pi));
    assertThat(recordTimelineEvent.of(TASK_RECORD_DECISION))
        .containsEntry(EVENT_TYPE.name(), TimelineEvent.NOTIFICATION_DECIDED.name())
        .containsEntry(EVENT_DETAIL.name(), "Risk to people (GDPR): high. Reasons: EU: names and e-mails of 1200"
            + " customers, unencrypted; high risk of phishing");

    // one regulatory-notification per obligation, with the obligation's own clock and deadline
    assertThat(runtime.getVariable(pi.getId(), "obligationCount")).isEqualTo(2);
    assertThat(runtime.getVariable(pi.getId(), Vars.INDIVIDUALS_TO_NOTIFY.name())).isEqualTo(true);
    List<ProcessInstance> notices = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
    assertThat(notices).hasSize(2).allSatisfy(n -> assertThat(n.getBusinessKey()).isEqualTo(INCIDENT));
    assertThat(notices.stream().map(n -> runtime.getVariables(n.getId())).toList())
        .extracting(Obligation.REGULATION::from, Obligation.CLOCK_START::from, Obligation.DEADLINE::from,
            Inputs.AWARE_AT::from, Vars.DPO_CONTACT::from)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GDPR Art. 33", "awareness", "PT72H", AWARE.toString(), "dpo@example.org"),
            org.assertj.core.groups.Tuple.tuple("GDPR Art. 34", "high-risk-determined", "PT72H", AWARE.toString(),
                "dpo@example.org"));
    for (ProcessInstance notice : notices) {
      complete(task(StubModels.TASK_FILE_STUB, notice));
    }

    // data subjects: a support channel, and credit monitoring when offered
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SUPPORT_CHANNEL).task().hasCandidateGroup("communications");
    complete(task(TASK_SUPPORT_CHANNEL, pi), Map.of(Vars.SUPPORT_CHANNEL.name(), "https://example.org/incident",
        Vars.CREDIT_MONITORING.name(), "yes"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CREDIT_MONITORING).task().hasCandidateGroup("communications");
    complete(task(TASK_CREDIT_MONITORING, pi), Map.of("creditMonitoringProvider", "Monitor Inc., 24 months"));

    execute(job(TASK_RECORD_METRICS, pi));
    assertThat(EVENT_DETAIL.from(recordTimelineEvent.of(TASK_RECORD_METRICS)))
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
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Decided.SEVERITY.name(), "P4"));
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "no", Vars.EU_RESIDENTS, true, Vars.PII, true,
        Vars.DATA_ENCRYPTED, "yes", Vars.KEY_COMPROMISED, "no"));
    BpmnAwareTests.assertThat(pi).hasNotPassed(TASK_ENGAGE_LEGAL, CALL_CONTAIN).hasPassed(CALL_EVIDENCE);
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of(Vars.GDPR_RISK.name(), "unlikely",
        Vars.NOTIFICATION_REASONS.name(),
        "EU: encrypted backup, key in the HSM, unlikely to result in a risk: not notified"));
    execute(job(TASK_RECORD_DECISION, pi));
    assertThat(runtime.getVariable(pi.getId(), "obligationCount")).isEqualTo(0);
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_ANY_OBLIGATION, GATEWAY_INDIVIDUALS)
        .hasNotPassed(CALL_REGULATORY_NOTIFICATION, TASK_SUPPORT_CHANNEL);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RegulatoryNotificationApi.PROCESS_KEY).count())
        .isZero();
  }

  @Test
  void californiaResidentsGetASupportChannelWithoutCreditMonitoring() {
    ProcessInstance pi = start("P1");
    runClocks(pi);
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Decided.SEVERITY.name(), "P2"));
    execute(job(TASK_ENGAGE_LEGAL, pi));
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "no", Vars.PII, true, Vars.CALIFORNIA_RESIDENTS, 40L,
        Vars.DATA_ENCRYPTED, "no"));
    complete(task(TASK_DECIDE_NOTIFICATION, pi),
        Map.of(Vars.NOTIFICATION_REASONS.name(), "US-CA: unencrypted, 40 residents"));
    execute(job(TASK_RECORD_DECISION, pi));
    ProcessInstance notice = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(notice.getId(), Obligation.REGULATION.name()))
        .isEqualTo("California Civ. Code 1798.82");
    complete(task(TASK_SUPPORT_CHANNEL, pi), Map.of(Vars.SUPPORT_CHANNEL.name(), "+1 800 555 0100",
        Vars.CREDIT_MONITORING.name(), "no"));
    complete(task(StubModels.TASK_FILE_STUB, notice));
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_CREDIT_MONITORING).hasNotPassed(TASK_CREDIT_MONITORING);
  }

  @Test
  void missedInternalDeadlinesEscalateToTheAccountableRoleAndTheWorkGoesOn() {
    ProcessInstance pi = start("P1");
    runClocks(pi);

    Job dpo = job(EVENT_DPO_NOTICE_OVERDUE, pi);
    assertThat(dpo.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(3600)));
    engine.setCurrentTime(dpo.getDuedate());
    execute(dpo);
    execute(job(TASK_NOTIFY_DPO_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO_OVERDUE)).containsEntry(NOTICE_KIND.name(),
        NoticeKind.BREACH_CLOCK_MISSED.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");

    Job severity = job(EVENT_SEVERITY_OVERDUE, pi);
    assertThat(severity.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(2 * 3600)));
    engine.setCurrentTime(severity.getDuedate());
    execute(severity);
    execute(job(TASK_NOTIFY_SEVERITY_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_SEVERITY_OVERDUE)).containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");
    assertThat(NOTICE_DETAIL.from(notifyGroups.of(TASK_NOTIFY_SEVERITY_OVERDUE)))
        .startsWith("The breach severity was not assessed within 2 h of awareness");

    // non-interrupting: both tasks are still there
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Decided.SEVERITY.name(), "P3"));
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "no", Vars.SEC_REGISTRANT, true));

    Job decision = job(EVENT_DECISION_OVERDUE, pi);
    assertThat(decision.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(24 * 3600)));
    engine.setCurrentTime(decision.getDuedate());
    execute(decision);
    execute(job(TASK_NOTIFY_DECISION_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DECISION_OVERDUE)).containsEntry(RECIPIENT_GROUPS.name(), "legal");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION).hasPassed(EVENT_DPO_OVERDUE_NOTIFIED,
        EVENT_SEVERITY_OVERDUE_NOTIFIED, EVENT_DECISION_OVERDUE_NOTIFIED);
    complete(task(TASK_DECIDE_NOTIFICATION, pi),
        Map.of(Vars.NOTIFICATION_REASONS.name(), "SEC: materiality under review"));
    execute(job(TASK_RECORD_DECISION, pi));
    ProcessInstance notice = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(runtime.getVariable(notice.getId(), Obligation.CLOCK_START.name())).isEqualTo("materiality");
    complete(task(StubModels.TASK_FILE_STUB, notice));
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void withoutAnAwarenessTimeTheClocksStartNow() {
    Map<String, Object> v = incident("P2");
    Inputs.AWARE_AT.put(v, null);
    ProcessInstance pi = runtime.startProcessInstanceByKey(DataBreachApi.PROCESS_KEY, INCIDENT, v);
    runClocks(pi);
    Instant now = AWARE.plusSeconds(600);
    assertThat(runtime.getVariable(pi.getId(), Inputs.AWARE_AT.name())).isEqualTo(now.toString());
    assertThat(job(EVENT_DPO_NOTICE_OVERDUE, pi).getDuedate()).isEqualTo(Date.from(now.plusSeconds(3600)));
  }

  private ProcessInstance start(String severity) {
    return runtime.startProcessInstanceByKey(DataBreachApi.PROCESS_KEY, INCIDENT, incident(severity));
  }

  private static Map<String, Object> incident(String severity) {
    Map<String, Object> v = new HashMap<>();
    Inputs.INCIDENT_ID.put(v, INCIDENT);
    Inputs.TITLE.put(v, "Customer table exported");
    Inputs.CATEGORY.put(v, "DATA_BREACH");
    Decided.SEVERITY.put(v, severity);
    Inputs.DETECTED_AT.put(v, "2026-03-02T08:40:00Z");
    Inputs.AWARE_AT.put(v, AWARE.toString());
    Inputs.PERSONAL_DATA.put(v, true);
    return v;
  }

  private void runClocks(ProcessInstance pi) {
    execute(job(TASK_START_CLOCKS, pi));
    execute(job(TASK_RECORD_AWARENESS, pi));
    execute(job(TASK_NOTIFY_DPO, pi));
  }

  /** The scope form: nothing applies unless given ({@code Variable}, value, ...). */
  private static Map<String, Object> scope(Object... variablesAndValues) {
    Map<String, Object> v = new HashMap<>();
    Vars.DATA_TIER.put(v, "high");
    Vars.PEOPLE_AFFECTED.put(v, 1200L);
    v.put(Vars.EU_RESIDENTS.name(), false); // the scope form's checkbox until the table counts residents
    for (Variable<Boolean> flag : List.of(Vars.PII, Vars.PHI, Vars.PAN, Vars.NIS2_ENTITY,
        Vars.DORA_ENTITY, Vars.SEC_REGISTRANT, Vars.PCI_MERCHANT)) {
      flag.put(v, false);
    }
    Vars.CALIFORNIA_RESIDENTS.put(v, 0L);
    Vars.MAX_RESIDENTS_IN_ONE_STATE.put(v, 0L);
    Vars.DATA_ENCRYPTED.put(v, "no");
    Vars.KEY_COMPROMISED.put(v, "unknown");
    Vars.DATA_LEFT_ENVIRONMENT.put(v, "yes");
    for (int i = 0; i < variablesAndValues.length; i += 2) {
      v.put(((Variable<?>) variablesAndValues[i]).name(), variablesAndValues[i + 1]);
    }
    return v;
  }

}
