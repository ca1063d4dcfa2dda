package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.evidence.EvidenceCollectionApi;
import org.irfoundation.incident.DataScope;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.ObligationsApi;
import org.irfoundation.incident.RaiseSeverityDelegate;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.response.DataBreachApi.Vars;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.Recorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code playbook-data-breach}: its real delegates over a stand-in for the obligations, the real RACI,
 * stubs for the called processes (containment, evidence). Everything after the clocks runs at once: DPO, severity,
 * scope and decision, evidence, and containment as soon as the scope says access is ongoing.
 */
@Deployment(resources = {
    "bpmn/playbook-data-breach.bpmn",
    "stub-bpmn/playbook-compromised-account-instant.bpmn",
    "stub-bpmn/evidence-collection.bpmn",
    "dmn/raci.dmn"})
class DataBreachPlaybookProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  static final Instant AWARE = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant NOW = AWARE.plusSeconds(600);
  static final Obligation.Status AWAITING = Obligation.Status.AWAITING_DETERMINATION;

  final Recorder notifyGroups = engine.record("notifyGroups");
  final Recorder recordTimelineEvent = engine.record("recordTimelineEvent");
  final Recorder raiseSeverity = engine.record("raiseSeverity", e -> Decided.SEVERITY.set(e,
      RaiseSeverityDelegate.NEW_SEVERITY.get(e)));
  final Obligations obligations = mock(Obligations.class);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final SystemContext system = mock(SystemContext.class);
  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    runtime = engine.getRuntimeService();
    engine.setCurrentTime(NOW);
    when(system.currentUserId()).thenReturn("dora");
    engine.register("startBreachClocks", new StartBreachClocksDelegate(lifecycle));
    engine.register("recordBreachScope", new RecordBreachScopeDelegate(obligations));
    engine.register("recordBreachDecision", new RecordBreachDecisionDelegate(obligations, lifecycle, system));
  }

  @Test
  void everythingRunsAtOnceAndOngoingAccessIsContainedAsSoonAsTheScopeSaysSo() {
    ProcessInstance pi = start(incident("P2"));
    execute(job(TASK_START_CLOCKS, pi));
    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry(Vars.DPO_NOTICE_DUE_AT.name(), Date.from(AWARE.plusSeconds(3600)))
        .containsEntry(Vars.SEVERITY_DUE_AT.name(), Date.from(AWARE.plusSeconds(2 * 3600)))
        .containsEntry(Vars.NOTIFICATION_DECISION_DUE_AT.name(), Date.from(AWARE.plusSeconds(24 * 3600)));
    verify(lifecycle).recordEvent(INCIDENT, TimelineEvent.AWARENESS_RECORDED, null,
        "Personal-data breach: awareness at " + AWARE + "; the regulatory clocks run from here");

    // the DPO notice, the severity, the scope and evidence all at once; the tasks are due when their clocks say
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_NOTIFY_DPO, TASK_ASSESS_SEVERITY, TASK_SCOPE, EVENT_SCOPE_KNOWN)
        .hasPassed(CALL_EVIDENCE);
    execute(job(TASK_NOTIFY_DPO, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO)).containsEntry(NOTICE_KIND.name(), NoticeKind.BREACH_DPO_NOTICE.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");
    BpmnAwareTests.assertThat(task(TASK_CONFIRM_DPO_NOTICE, pi)).hasCandidateGroup("privacy-officer")
        .hasDueDate(Date.from(AWARE.plusSeconds(3600)));
    BpmnAwareTests.assertThat(task(TASK_ASSESS_SEVERITY, pi)).hasCandidateGroup("ir-lead")
        .hasDueDate(Date.from(AWARE.plusSeconds(2 * 3600)));
    BpmnAwareTests.assertThat(task(TASK_SCOPE, pi)).hasCandidateGroup("ir-analyst");

    // evidence under legal hold, beside the rest
    var evidence = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EvidenceCollectionApi.PROCESS_KEY).superProcessInstanceId(pi.getId()).singleResult();
    assertThat(evidence.getBusinessKey()).isEqualTo(INCIDENT);
    assertThat(engine.historicVariables(evidence.getId())).containsEntry("legalHold", true)
        .hasEntrySatisfying(EvidenceCollectionApi.Inputs.EVIDENCE_ITEMS.name(),
            items -> assertThat((String) items).contains("Access and audit logs (to write-once storage)"));

    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Vars.ASSESSED_SEVERITY.name(), "P1", "severityReason",
        "customer data accessed"));
    execute(job(TASK_RAISE_SEVERITY, pi));
    assertThat(raiseSeverity.single()).containsEntry(RaiseSeverityDelegate.NEW_SEVERITY.name(), "P1")
        .containsEntry(RaiseSeverityDelegate.SEVERITY_REASON.name(), "Breach severity assessment: customer data accessed");
    execute(job(TASK_ENGAGE_LEGAL, pi));
    assertThat(notifyGroups.of(TASK_ENGAGE_LEGAL))
        .containsEntry(NOTICE_KIND.name(), NoticeKind.BREACH_LEGAL_STANDBY.name())
        .containsEntry(RECIPIENT_GROUPS.name(), "legal,communications");

    // EU counted, US not known yet (the worst case: everyone), no health data, card data not known (involved)
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "yes", Vars.EU_RESIDENTS_INVOLVED, "yes",
        Vars.EU_RESIDENTS, 800L, Vars.PAN_INVOLVED, "unknown"));
    // containment at once, before anything is decided
    BpmnAwareTests.assertThat(pi).hasPassed(CALL_CONTAIN).isWaitingAt(TASK_RECORD_SCOPE);
    var contain = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CompromisedAccountPlaybookApi.PROCESS_KEY).superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(contain.getBusinessKey()).isEqualTo(INCIDENT);

    when(obligations.of(INCIDENT)).thenReturn(List.of(
        obligation("GDPR_ART33", "GDPR Art. 33", "authority", ObligationsApi.RISK, AWAITING),
        obligation("GDPR_ART34", "GDPR Art. 34", "individuals", ObligationsApi.HIGH_RISK, AWAITING)));
    execute(job(TASK_RECORD_SCOPE, pi));
    verify(obligations).scopeChanged(INCIDENT, new DataScope(true, 800, 1200, 1200, 1200, false, true), null);
    assertThat(runtime.getVariable(pi.getId(), Vars.OBLIGATIONS_SUMMARY.name())).isEqualTo(
        "GDPR Art. 33 (awaits the determination 'risk'); GDPR Art. 34 (awaits the determination 'high-risk')");

    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION).task().hasCandidateGroup("privacy-officer")
        .hasDueDate(Date.from(AWARE.plusSeconds(24 * 3600)));
    when(obligations.of(INCIDENT)).thenReturn(List.of(
        obligation("GDPR_ART33", "GDPR Art. 33", "authority", ObligationsApi.RISK, Obligation.Status.DUE),
        obligation("GDPR_ART34", "GDPR Art. 34", "individuals", ObligationsApi.HIGH_RISK, Obligation.Status.DUE)));
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of(Vars.GDPR_RISK.name(), "high",
        Vars.NOTIFICATION_REASONS.name(), "EU: names and e-mails of 800 customers, unencrypted; high risk of phishing"));
    verify(obligations).determined(INCIDENT, ObligationsApi.RISK, true,
        "EU: names and e-mails of 800 customers, unencrypted; high risk of phishing", NOW, "dora");
    verify(obligations).determined(INCIDENT, ObligationsApi.HIGH_RISK, true,
        "EU: names and e-mails of 800 customers, unencrypted; high risk of phishing", NOW, "dora");
    verify(lifecycle).recordEvent(INCIDENT, TimelineEvent.NOTIFICATION_DECIDED, "dora",
        "Risk to people (GDPR): high. Reasons: EU: names and e-mails of 800 customers, unencrypted; high risk of phishing");

    // people to notify: a support channel first
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SUPPORT_CHANNEL).task().hasCandidateGroup("communications");
    complete(task(TASK_SUPPORT_CHANNEL, pi), Map.of(Vars.SUPPORT_CHANNEL.name(), "https://example.org/incident",
        Vars.CREDIT_MONITORING.name(), "yes"));
    execute(job(TASK_RECORD_METRICS, pi));
    assertThat(recordTimelineEvent.of(TASK_RECORD_METRICS)).containsEntry(EVENT_TYPE.name(),
        TimelineEvent.BREACH_METRICS.name());
    assertThat(EVENT_DETAIL.from(recordTimelineEvent.of(TASK_RECORD_METRICS)))
        .startsWith("Detected 2026-03-02T08:40:00Z; breach aware " + AWARE).contains("severity P1 assessed");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_SEVERITY_HIGH, TASK_ENGAGE_LEGAL,
        GATEWAY_ACCESS_ONGOING, CALL_CONTAIN, GATEWAY_INDIVIDUALS, TASK_SUPPORT_CHANNEL, EVENT_HANDLED)
        .hasNotPassed(EVENT_DPO_NOTICE_OVERDUE, EVENT_SEVERITY_OVERDUE, EVENT_DECISION_OVERDUE);
  }

  @Test
  void handedOverTheContainmentStaysWithThePlaybookThatFoundTheDataAndNobodyIsNotifiedWhenTheRiskIsUnlikely() {
    Map<String, Object> v = incident("P3");
    Vars.BREACH_HANDED_OVER.put(v, true);
    ProcessInstance pi = start(v);
    execute(job(TASK_START_CLOCKS, pi));
    verify(lifecycle, never()).recordEvent(anyString(), eq(TimelineEvent.AWARENESS_RECORDED), any(), anyString());
    execute(job(TASK_NOTIFY_DPO, pi));
    complete(task(TASK_CONFIRM_DPO_NOTICE, pi), Map.of(Vars.DPO_CONTACT.name(), "dpo@example.org"));
    complete(task(TASK_ASSESS_SEVERITY, pi), Map.of(Vars.ASSESSED_SEVERITY.name(), "P4", "severityReason",
        "internal test data only"));
    execute(job(TASK_RAISE_SEVERITY, pi));
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "yes", Vars.EU_RESIDENTS_INVOLVED, "unknown",
        Vars.DATA_ENCRYPTED, "yes", Vars.KEY_COMPROMISED, "no"));
    BpmnAwareTests.assertThat(pi).hasPassed(GATEWAY_ACCESS_ONGOING).hasNotPassed(CALL_CONTAIN);
    when(obligations.of(INCIDENT)).thenReturn(List.of());
    execute(job(TASK_RECORD_SCOPE, pi));
    verify(obligations).scopeChanged(INCIDENT, new DataScope(true, 1200, 1200, 1200, 1200, false, false), null);
    assertThat(runtime.getVariable(pi.getId(), Vars.OBLIGATIONS_SUMMARY.name())).isEqualTo("none");
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of(Vars.GDPR_RISK.name(), "unlikely",
        Vars.NOTIFICATION_REASONS.name(), "EU: encrypted backup, key in the HSM: unlikely to result in a risk"));
    verify(obligations).determined(eq(INCIDENT), eq(ObligationsApi.RISK), eq(false), anyString(), eq(NOW), eq("dora"));
    verify(obligations).determined(eq(INCIDENT), eq(ObligationsApi.HIGH_RISK), eq(false), anyString(), eq(NOW),
        eq("dora"));
    execute(job(TASK_RECORD_METRICS, pi));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(GATEWAY_INDIVIDUALS).hasNotPassed(TASK_ENGAGE_LEGAL,
        TASK_SUPPORT_CHANNEL);
  }

  @Test
  void withoutEuResidentsTheGdprRiskIsNotAskedButWhileAGdprObligationWaitsItIsRequired() {
    ProcessInstance pi = start(incident("P1"));
    execute(job(TASK_START_CLOCKS, pi));
    complete(task(TASK_SCOPE, pi), scope(Vars.ACCESS_ONGOING, "no", Vars.US_RESIDENTS_INVOLVED, "yes",
        Vars.CALIFORNIA_RESIDENTS, 40L, Vars.MAX_RESIDENTS_IN_ONE_STATE, 40L));
    when(obligations.of(INCIDENT)).thenReturn(List.of(
        obligation("GDPR_ART33", "GDPR Art. 33", "authority", ObligationsApi.RISK, AWAITING)));
    execute(job(TASK_RECORD_SCOPE, pi));
    verify(obligations).scopeChanged(INCIDENT, new DataScope(true, 0, 40, 40, 1200, false, false), null);

    var decide = task(TASK_DECIDE_NOTIFICATION, pi);
    assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(), Map.of(
        Vars.NOTIFICATION_REASONS.name(), "US-CA: 40 residents, unencrypted")))
        .hasMessageContaining("gdprRisk is required");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_DECIDE_NOTIFICATION);

    when(obligations.of(INCIDENT)).thenReturn(List.of(new Obligation(INCIDENT, "US_CA_RESIDENTS",
        "California Civ. Code 1798.82", "California residents", "individuals", "awareness", null, null, "P30D",
        "elapsed", null, null, Obligation.Status.DUE, null, AWARE, AWARE.plusSeconds(30 * 86400), null, null, null,
        null, null, null, null, null, "pi", AWARE)));
    complete(task(TASK_DECIDE_NOTIFICATION, pi), Map.of(Vars.NOTIFICATION_REASONS.name(),
        "US-CA: 40 residents, unencrypted"));
    verify(obligations, never()).determined(anyString(), anyString(), anyBoolean(), anyString(), any(), any());
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.NOTIFICATION_DECIDED), eq("dora"),
        eq("Risk to people (GDPR): not asked (no EU/EEA residents). Reasons: US-CA: 40 residents, unencrypted"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SUPPORT_CHANNEL);
  }

  @Test
  void missedInternalDeadlinesEscalateToTheAccountableRoleAndTheWorkGoesOn() {
    ProcessInstance pi = start(incident("P1"));
    execute(job(TASK_START_CLOCKS, pi));
    execute(job(TASK_NOTIFY_DPO, pi));

    var dpo = job(EVENT_DPO_NOTICE_OVERDUE, pi);
    assertThat(dpo.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(3600)));
    engine.setCurrentTime(dpo.getDuedate());
    execute(dpo);
    execute(job(TASK_NOTIFY_DPO_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DPO_OVERDUE)).containsEntry(NOTICE_KIND.name(),
        NoticeKind.BREACH_CLOCK_MISSED.name()).containsEntry(RECIPIENT_GROUPS.name(), "privacy-officer");

    var severity = job(EVENT_SEVERITY_OVERDUE, pi);
    assertThat(severity.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(2 * 3600)));
    engine.setCurrentTime(severity.getDuedate());
    execute(severity);
    execute(job(TASK_NOTIFY_SEVERITY_OVERDUE, pi));
    assertThat(NOTICE_DETAIL.from(notifyGroups.of(TASK_NOTIFY_SEVERITY_OVERDUE)))
        .startsWith("The breach severity was not assessed within 2 h of awareness");

    // the 24 h clock runs over scoping too: nothing scoped yet, and it still escalates
    var decision = job(EVENT_DECISION_OVERDUE, pi);
    assertThat(decision.getDuedate()).isEqualTo(Date.from(AWARE.plusSeconds(24 * 3600)));
    engine.setCurrentTime(decision.getDuedate());
    execute(decision);
    execute(job(TASK_NOTIFY_DECISION_OVERDUE, pi));
    assertThat(notifyGroups.of(TASK_NOTIFY_DECISION_OVERDUE)).containsEntry(RECIPIENT_GROUPS.name(), "legal");
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_SCOPE, TASK_CONFIRM_DPO_NOTICE, TASK_ASSESS_SEVERITY)
        .hasPassed(EVENT_DPO_OVERDUE_NOTIFIED, EVENT_SEVERITY_OVERDUE_NOTIFIED, EVENT_DECISION_OVERDUE_NOTIFIED);
  }

  @Test
  void withoutAnAwarenessTimeTheClocksStartNow() {
    Map<String, Object> v = incident("P2");
    Inputs.AWARE_AT.put(v, null);
    ProcessInstance pi = start(v);
    execute(job(TASK_START_CLOCKS, pi));
    assertThat(runtime.getVariable(pi.getId(), Inputs.AWARE_AT.name())).isEqualTo(NOW.toString());
    execute(job(TASK_NOTIFY_DPO, pi));
    assertThat(job(EVENT_DPO_NOTICE_OVERDUE, pi).getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(3600)));
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.AWARENESS_RECORDED), isNull(), anyString());
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(DataBreachApi.PROCESS_KEY, INCIDENT, variables);
  }

  private static Obligation obligation(String code, String regulation, String audience, String determination,
      Obligation.Status status) {
    return new Obligation(INCIDENT, code, regulation, "recipient", audience, "awareness", determination, null,
        "PT72H", "elapsed", null, null, status, AWARE.plusSeconds(72 * 3600), null,
        null, null, null, null, null, null, null, null, null, "pi-" + code, AWARE);
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

  /** The scope form: 1200 people, no EU or US residents, no health or card data unless given. */
  private static Map<String, Object> scope(Object... variablesAndValues) {
    Map<String, Object> v = new HashMap<>();
    Vars.DATA_TIER.put(v, "high");
    Vars.PEOPLE_AFFECTED.put(v, 1200L);
    Vars.EU_RESIDENTS_INVOLVED.put(v, "no");
    Vars.US_RESIDENTS_INVOLVED.put(v, "unknown");
    Vars.PHI_INVOLVED.put(v, "no");
    Vars.PAN_INVOLVED.put(v, "no");
    Vars.DATA_ENCRYPTED.put(v, "no");
    Vars.DATA_LEFT_ENVIRONMENT.put(v, "yes");
    for (int i = 0; i < variablesAndValues.length; i += 2) {
      v.put(((org.irfoundation.engine.Variable<?>) variablesAndValues[i]).name(), variablesAndValues[i + 1]);
    }
    return v;
  }
}
