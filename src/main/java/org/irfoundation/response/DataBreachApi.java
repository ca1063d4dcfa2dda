package org.irfoundation.response;

import java.time.Duration;
import java.util.Date;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.ObligationsApi;

/**
 * The {@code playbook-data-breach} process as code sees it (STYLE.md 6). It reads the incident's variables
 * ({@code incidentId}, {@code awareAt}, {@code severity}, ...; see {@code IncidentResponseApi}) and writes the ones
 * below. The notices themselves are the obligations' ({@code regulatory-notification}, started by the app).
 */
public final class DataBreachApi {

  public static final String PROCESS_KEY = IncidentResponseApi.DATA_BREACH_PLAYBOOK;

  /** Hard internal deadlines after awareness (playbooks.md, data breach step 2 and 5). */
  public static final Duration DPO_NOTICE_WITHIN = Duration.ofHours(1);
  public static final Duration SEVERITY_WITHIN = Duration.ofHours(2);
  public static final Duration NOTIFICATION_DECISION_WITHIN = Duration.ofHours(24);

  public static final class Elements {
    public static final String EVENT_STARTED = "Event_BreachReported";
    public static final String TASK_START_CLOCKS = "Task_StartBreachClocks";
    public static final String GATEWAY_SPLIT = "Gateway_BreachSplit";
    public static final String TASK_NOTIFY_DPO = "Task_NotifyDpo";
    public static final String TASK_CONFIRM_DPO_NOTICE = "Task_ConfirmDpoNotice";
    public static final String EVENT_DPO_NOTICE_OVERDUE = "Event_DpoNoticeOverdue";
    public static final String TASK_NOTIFY_DPO_OVERDUE = "Task_NotifyDpoOverdue";
    public static final String EVENT_DPO_OVERDUE_NOTIFIED = "Event_DpoOverdueNotified";
    public static final String TASK_ASSESS_SEVERITY = "Task_AssessSeverity";
    public static final String EVENT_SEVERITY_OVERDUE = "Event_SeverityOverdue";
    public static final String TASK_NOTIFY_SEVERITY_OVERDUE = "Task_NotifySeverityOverdue";
    public static final String EVENT_SEVERITY_OVERDUE_NOTIFIED = "Event_SeverityOverdueNotified";
    public static final String TASK_RAISE_SEVERITY = "Task_RaiseSeverity";
    public static final String GATEWAY_SEVERITY_HIGH = "Gateway_SeverityHigh";
    public static final String TASK_ENGAGE_LEGAL = "Task_EngageLegalAndCommunications";
    public static final String SUBPROCESS_SCOPE_AND_DECIDE = "SubProcess_ScopeAndDecide";
    public static final String TASK_SCOPE = "Task_ScopeBreach";
    public static final String TASK_RECORD_SCOPE = "Task_RecordBreachScope";
    public static final String TASK_DECIDE_NOTIFICATION = "Task_DecideNotification";
    public static final String TASK_RECORD_DECISION = "Task_RecordNotificationDecision";
    public static final String EVENT_DECIDED = "Event_NotificationDecided";
    public static final String EVENT_DECISION_OVERDUE = "Event_NotificationDecisionOverdue";
    public static final String TASK_NOTIFY_DECISION_OVERDUE = "Task_NotifyDecisionOverdue";
    public static final String EVENT_DECISION_OVERDUE_NOTIFIED = "Event_DecisionOverdueNotified";
    public static final String GATEWAY_INDIVIDUALS = "Gateway_IndividualsNotified";
    public static final String TASK_SUPPORT_CHANNEL = "Task_OpenSupportChannel";
    public static final String CALL_EVIDENCE = "Call_PreserveEvidence";
    public static final String EVENT_SCOPE_KNOWN = "Event_ScopeKnown";
    public static final String GATEWAY_ACCESS_ONGOING = "Gateway_AccessOngoing";
    public static final String CALL_CONTAIN = "Call_ContainAccess";
    public static final String GATEWAY_JOIN = "Gateway_BreachJoin";
    public static final String TASK_RECORD_METRICS = "Task_RecordBreachMetrics";
    public static final String EVENT_HANDLED = "Event_BreachHandled";

    private Elements() {}
  }

  /** The answers of the forms: yes, no or not known yet. */
  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNKNOWN = "unknown";

  /** Variables the playbook writes (forms and delegates). */
  public static final class Vars {
    // clocks (startBreachClocks)
    public static final Variable<Date> DPO_NOTICE_DUE_AT = Variable.of("dpoNoticeDueAt", Date.class);
    public static final Variable<Date> SEVERITY_DUE_AT = Variable.of("severityDueAt", Date.class);
    public static final Variable<Date> NOTIFICATION_DECISION_DUE_AT = Variable.of("notificationDecisionDueAt", Date.class);
    /** Set by incident-response when another playbook handed the breach over: that playbook contains. */
    public static final Variable<Boolean> BREACH_HANDED_OVER = Variable.of("breachHandedOver", Boolean.class);
    // DPO and severity forms
    public static final Variable<String> DPO_CONTACT = Variable.of("dpoContact", String.class);
    public static final Variable<String> ASSESSED_SEVERITY = Variable.of("assessedSeverity", String.class);
    // scope form (yes / no / unknown answers; counts only with a yes)
    public static final Variable<String> DATA_TIER = Variable.of("dataTier", String.class);
    public static final Variable<Long> PEOPLE_AFFECTED = ObligationsApi.Inputs.PEOPLE_AFFECTED;
    public static final Variable<String> EU_RESIDENTS_INVOLVED = Variable.of("euResidentsInvolved", String.class);
    public static final Variable<Long> EU_RESIDENTS = ObligationsApi.Inputs.EU_RESIDENTS;
    public static final Variable<String> US_RESIDENTS_INVOLVED = Variable.of("usResidentsInvolved", String.class);
    public static final Variable<Long> CALIFORNIA_RESIDENTS = ObligationsApi.Inputs.CALIFORNIA_RESIDENTS;
    public static final Variable<Long> MAX_RESIDENTS_IN_ONE_STATE = ObligationsApi.Inputs.MAX_RESIDENTS_IN_ONE_STATE;
    public static final Variable<String> PHI_INVOLVED = Variable.of("phiInvolved", String.class);
    public static final Variable<String> PAN_INVOLVED = Variable.of("panInvolved", String.class);
    public static final Variable<String> DATA_ENCRYPTED = Variable.of("dataEncrypted", String.class);
    public static final Variable<String> KEY_COMPROMISED = Variable.of("keyCompromised", String.class);
    public static final Variable<String> DATA_LEFT_ENVIRONMENT = Variable.of("dataLeftEnvironment", String.class);
    public static final Variable<String> ACCESS_ONGOING = Variable.of("accessOngoing", String.class);
    /** The obligations the scope found, one line for the decision form (recordBreachScope). */
    public static final Variable<String> OBLIGATIONS_SUMMARY = Variable.of("obligationsSummary", String.class);
    // notification decision form
    /** GDPR: unlikely (to result in a risk), risk, high (risk). */
    public static final Variable<String> GDPR_RISK = Variable.of("gdprRisk", String.class);
    public static final Variable<String> NOTIFICATION_REASONS = Variable.of("notificationReasons", String.class);
    /** Written by recordBreachDecision: an obligation to notify people applies. */
    public static final Variable<Boolean> INDIVIDUALS_TO_NOTIFY = Variable.of("individualsToNotify", Boolean.class);
    // support channel form
    public static final Variable<String> SUPPORT_CHANNEL = Variable.of("supportChannel", String.class);
    public static final Variable<String> CREDIT_MONITORING = Variable.of("creditMonitoring", String.class);

    private Vars() {}
  }

  /** The values of {@link Vars#GDPR_RISK}. */
  public static final String GDPR_UNLIKELY = "unlikely";
  public static final String GDPR_RISK_HIGH = "high";

  private DataBreachApi() {}
}
