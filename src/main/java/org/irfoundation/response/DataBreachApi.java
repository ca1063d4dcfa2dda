package org.irfoundation.response;

import java.time.Duration;
import java.util.Date;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.ObligationsApi;

/**
 * The {@code playbook-data-breach} process as code sees it (STYLE.md 6). It reads the incident's variables
 * ({@code incidentId}, {@code awareAt}, {@code severity}, ...; see {@code IncidentResponseApi}) and writes the ones
 * below; everything flows back to {@code incident-response}.
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
    public static final String TASK_RECORD_AWARENESS = "Task_RecordAwareness";
    public static final String TASK_NOTIFY_DPO = "Task_NotifyDpo";
    public static final String TASK_CONFIRM_DPO_NOTICE = "Task_ConfirmDpoNotice";
    public static final String EVENT_DPO_NOTICE_OVERDUE = "Event_DpoNoticeOverdue";
    public static final String TASK_NOTIFY_DPO_OVERDUE = "Task_NotifyDpoOverdue";
    public static final String EVENT_DPO_OVERDUE_NOTIFIED = "Event_DpoOverdueNotified";
    public static final String TASK_ASSESS_SEVERITY = "Task_AssessSeverity";
    public static final String EVENT_SEVERITY_OVERDUE = "Event_SeverityOverdue";
    public static final String TASK_NOTIFY_SEVERITY_OVERDUE = "Task_NotifySeverityOverdue";
    public static final String EVENT_SEVERITY_OVERDUE_NOTIFIED = "Event_SeverityOverdueNotified";
    public static final String GATEWAY_SEVERITY_HIGH = "Gateway_SeverityHigh";
    public static final String TASK_ENGAGE_LEGAL = "Task_EngageLegalAndCommunications";
    public static final String TASK_SCOPE = "Task_ScopeBreach";
    public static final String GATEWAY_ACCESS_ONGOING = "Gateway_AccessOngoing";
    public static final String CALL_CONTAIN = "Call_ContainAccess";
    public static final String CALL_EVIDENCE = "Call_PreserveEvidence";
    public static final String TASK_DECIDE_NOTIFICATION = "Task_DecideNotification";
    public static final String EVENT_DECISION_OVERDUE = "Event_NotificationDecisionOverdue";
    public static final String TASK_NOTIFY_DECISION_OVERDUE = "Task_NotifyDecisionOverdue";
    public static final String EVENT_DECISION_OVERDUE_NOTIFIED = "Event_DecisionOverdueNotified";
    public static final String TASK_RECORD_DECISION = "Task_RecordNotificationDecision";
    public static final String TASK_EVALUATE_OBLIGATIONS = "Task_EvaluateObligations";
    public static final String GATEWAY_ANY_OBLIGATION = "Gateway_AnyObligation";
    public static final String CALL_REGULATORY_NOTIFICATION = "Call_RegulatoryNotification";
    public static final String GATEWAY_INDIVIDUALS = "Gateway_IndividualsNotified";
    public static final String TASK_SUPPORT_CHANNEL = "Task_OpenSupportChannel";
    public static final String GATEWAY_CREDIT_MONITORING = "Gateway_CreditMonitoring";
    public static final String TASK_CREDIT_MONITORING = "Task_OfferCreditMonitoring";
    public static final String TASK_RECORD_METRICS = "Task_RecordBreachMetrics";
    public static final String EVENT_HANDLED = "Event_BreachHandled";

    private Elements() {}
  }

  /** Variables the playbook writes (forms and delegates). */
  public static final class Vars {
    // clocks (startBreachClocks)
    public static final Variable<Date> DPO_NOTICE_DUE_AT = Variable.of("dpoNoticeDueAt", Date.class);
    public static final Variable<Date> SEVERITY_DUE_AT = Variable.of("severityDueAt", Date.class);
    public static final Variable<Date> NOTIFICATION_DECISION_DUE_AT = Variable.of("notificationDecisionDueAt", Date.class);
    // DPO
    public static final Variable<String> DPO_CONTACT = Variable.of("dpoContact", String.class);
    // scope form: the inputs of notification-obligations
    public static final Variable<String> DATA_TIER = Variable.of("dataTier", String.class);
    public static final Variable<Long> PEOPLE_AFFECTED = ObligationsApi.Inputs.PEOPLE_AFFECTED;
    public static final Variable<Long> EU_RESIDENTS = ObligationsApi.Inputs.EU_RESIDENTS;
    public static final Variable<Long> CALIFORNIA_RESIDENTS = ObligationsApi.Inputs.CALIFORNIA_RESIDENTS;
    public static final Variable<Long> MAX_RESIDENTS_IN_ONE_STATE = ObligationsApi.Inputs.MAX_RESIDENTS_IN_ONE_STATE;
    public static final Variable<Boolean> PII = Variable.of("pii", Boolean.class);
    public static final Variable<Boolean> PHI = ObligationsApi.Inputs.PHI;
    public static final Variable<Boolean> PAN = ObligationsApi.Inputs.PAN;
    public static final Variable<String> DATA_ENCRYPTED = Variable.of("dataEncrypted", String.class);
    public static final Variable<String> KEY_COMPROMISED = Variable.of("keyCompromised", String.class);
    public static final Variable<String> DATA_LEFT_ENVIRONMENT = Variable.of("dataLeftEnvironment", String.class);
    public static final Variable<String> ACCESS_ONGOING = Variable.of("accessOngoing", String.class);
    public static final Variable<Boolean> NIS2_ENTITY = ObligationsApi.Inputs.NIS2_ENTITY;
    public static final Variable<Boolean> DORA_ENTITY = ObligationsApi.Inputs.DORA_ENTITY;
    public static final Variable<Boolean> SEC_REGISTRANT = ObligationsApi.Inputs.SEC_REGISTRANT;
    public static final Variable<Boolean> PCI_MERCHANT = ObligationsApi.Inputs.PCI_MERCHANT;
    // notification decision form
    public static final Variable<String> GDPR_RISK = Variable.of("gdprRisk", String.class);
    public static final Variable<String> NOTIFICATION_REASONS = Variable.of("notificationReasons", String.class);
    // decision outputs (Spin JSON list, and what the gateways read)
    public static final String NOTIFICATION_OBLIGATIONS = "notificationObligations";
    public static final Variable<Boolean> INDIVIDUALS_TO_NOTIFY = Variable.of("individualsToNotify", Boolean.class);
    public static final String OBLIGATION = "obligation";
    // support channel form
    public static final Variable<String> SUPPORT_CHANNEL = Variable.of("supportChannel", String.class);
    public static final Variable<String> CREDIT_MONITORING = Variable.of("creditMonitoring", String.class);
    /**
     * Tells the called compromised-account playbook not to start the data-breach playbook: the caller (this
     * playbook, or the ransomware playbook with its own personal-data question) handles the breach.
     */
    /** Set by incident-response when another playbook handed the breach over: that playbook contains. */
    public static final Variable<Boolean> BREACH_HANDED_OVER = Variable.of("breachHandedOver", Boolean.class);
    public static final Variable<Boolean> DATA_BREACH_HANDLED_BY_CALLER =
        Variable.of("dataBreachHandledByCaller", Boolean.class);

    private Vars() {}
  }

  private DataBreachApi() {}
}
