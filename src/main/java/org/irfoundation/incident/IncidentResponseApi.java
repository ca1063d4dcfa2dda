package org.irfoundation.incident;

import org.irfoundation.engine.Variable;

/**
 * The {@code incident-response} process as code sees it: key, element ids, messages and variables
 * (STYLE.md 6). The process instance's business key is the incident id ({@code INC-2026-0001}).
 */
public final class IncidentResponseApi {

  public static final String PROCESS_KEY = "incident-response";

  /** The decisions it evaluates (dmn/). */
  public static final String DECISION_SEVERITY = "incident-severity";
  public static final String DECISION_PLAYBOOK = "playbook-selection";
  public static final String DECISION_ESCALATION = "escalation-policy";

  /** Correlated whenever the incident's severity is raised ({@link IncidentSeverity}). */
  public static final String MESSAGE_SEVERITY_CHANGED = "SeverityChanged";

  /** Correlated once, when personal data is first known to be involved ({@link PersonalDataHandOff}). */
  public static final String MESSAGE_PERSONAL_DATA_CONFIRMED = "PersonalDataConfirmed";

  /**
   * Correlated to every process of the incident that waits for it (business key) when the incident is closed
   * ({@link IncidentClosure}): e.g. a legal hold, whose review by legal starts then.
   */
  public static final String MESSAGE_INCIDENT_CLOSED = "IncidentClosed";

  /** The playbook that handles personal-data breaches, in parallel with the incident's own playbook. */
  public static final String DATA_BREACH_PLAYBOOK = "playbook-data-breach";

  public static final class Elements {
    /** Collapsed: classify, open ticket and war room, notify the engaged groups. */
    public static final String SUBPROCESS_OPEN = "SubProcess_Open";
    public static final String TASK_CLASSIFY = "Task_ClassifySeverity";
    public static final String TASK_SELECT_PLAYBOOK = "Task_SelectPlaybook";
    public static final String TASK_ESCALATION_POLICY = "Task_EscalationPolicy";
    public static final String TASK_OPEN_TICKET = "Task_OpenTicket";
    public static final String TASK_OPEN_WAR_ROOM = "Task_OpenWarRoom";
    public static final String TASK_NOTIFY_ENGAGED = "Task_NotifyEngagedGroups";
    /** Where the escalation policy engages the cloud provider: a case with its incident response (response-action). */
    public static final String CALL_OPEN_PROVIDER_CASE = "Call_OpenProviderCase";
    public static final String TASK_ACKNOWLEDGE = "Task_Acknowledge";
    public static final String EVENT_ACKNOWLEDGE_OVERDUE = "Event_AcknowledgeOverdue";
    public static final String TASK_CHOOSE_PLAYBOOK = "Task_ChoosePlaybook";
    public static final String CALL_PLAYBOOK = "Call_Playbook";
    /** Calls post-incident-review: ends when the lessons are recorded; their improvement actions live on. */
    public static final String CALL_POST_INCIDENT_REVIEW = "Call_PostIncidentReview";
    public static final String TASK_CLOSE_TICKET = "Task_CloseTicket";
    public static final String TASK_CLOSE_INCIDENT = "Task_CloseIncident";
    public static final String EVENT_STATUS_UPDATE_DUE = "Event_StatusUpdateDue";
    public static final String EVENT_CLOSED = "Event_IncidentClosed";
    // added with the model: what tests and reports refer to besides the contract's ids above
    public static final String EVENT_REPORTED = "Event_IncidentReported";
    public static final String SUBPROCESS_RESPOND = "SubProcess_Respond";
    public static final String TASK_NOTIFY_ACKNOWLEDGE_OVERDUE = "Task_NotifyAcknowledgeOverdue";
    public static final String EVENT_ACKNOWLEDGE_OVERDUE_NOTIFIED = "Event_AcknowledgeOverdueNotified";
    public static final String GATEWAY_PLAYBOOK_KNOWN = "Gateway_PlaybookKnown";
    public static final String TASK_POST_STATUS_REMINDER = "Task_PostStatusReminder";
    public static final String EVENT_STATUS_REMINDER_POSTED = "Event_StatusReminderPosted";
    public static final String SUBPROCESS_SEVERITY_CHANGED = "SubProcess_SeverityChanged";
    public static final String EVENT_SEVERITY_CHANGED = "Event_SeverityChanged";
    public static final String TASK_REASSESS_ESCALATION = "Task_ReassessEscalation";
    public static final String TASK_RECORD_ESCALATION_REASSESSED = "Task_RecordEscalationReassessed";
    public static final String TASK_NOTIFY_SEVERITY_CHANGED = "Task_NotifySeverityChanged";
    public static final String GATEWAY_BREACH_RUNNING = "Gateway_BreachRunning";
    public static final String EVENT_BREACH_HANDLED = "Event_BreachHandled";
    public static final String GATEWAY_BREACH_BEFORE_CLOSE = "Gateway_BreachBeforeClose";
    public static final String EVENT_LATE_BREACH_HANDLED = "Event_LateBreachHandled";
    public static final String SUBPROCESS_DATA_BREACH = "SubProcess_DataBreach";
    public static final String EVENT_PERSONAL_DATA_CONFIRMED = "Event_PersonalDataConfirmed";
    public static final String CALL_DATA_BREACH = "Call_DataBreach";
    public static final String EVENT_BREACH_PLAYBOOK_ENDED = "Event_BreachPlaybookEnded";
    public static final String EVENT_SEVERITY_CHANGE_HANDLED = "Event_SeverityChangeHandled";

    private Elements() {}
  }

  /** Variables set at start by the intake. */
  public static final class Inputs {
    public static final Variable<String> INCIDENT_ID = Variable.of("incidentId", String.class);
    public static final Variable<String> TITLE = Variable.of("title", String.class);
    public static final Variable<String> CATEGORY = Variable.of("category", String.class);
    public static final Variable<String> DOMAIN = Variable.of("domain", String.class);
    public static final Variable<String> DETECTED_AT = Variable.of("detectedAt", String.class);
    public static final Variable<String> AWARE_AT = Variable.of("awareAt", String.class);
    // inputs of the incident-severity decision (NIST SP 800-61r2 impact, AWS triage indicators)
    public static final Variable<String> FUNCTIONAL_IMPACT = Variable.of("functionalImpact", String.class);
    public static final Variable<String> INFORMATION_IMPACT = Variable.of("informationImpact", String.class);
    public static final Variable<String> RECOVERABILITY = Variable.of("recoverability", String.class);
    public static final Variable<Boolean> ACTOR_ACTIVE = Variable.of("actorActive", Boolean.class);
    public static final Variable<Boolean> EXFILTRATION = Variable.of("exfiltration", Boolean.class);
    public static final Variable<Boolean> PRIVILEGED_ACCOUNT = Variable.of("privilegedAccount", Boolean.class);
    public static final Variable<Boolean> ROOT_ACCOUNT = Variable.of("rootAccount", Boolean.class);
    public static final Variable<Integer> ACCOUNTS_AFFECTED = Variable.of("accountsAffected", Integer.class);
    public static final Variable<Boolean> PRODUCTION_AFFECTED = Variable.of("productionAffected", Boolean.class);
    public static final Variable<Boolean> ENCRYPTION_OBSERVED = Variable.of("encryptionObserved", Boolean.class);
    public static final Variable<Boolean> PERSONAL_DATA = Variable.of("personalData", Boolean.class);
    public static final Variable<Boolean> CREDENTIALS_PUBLIC = Variable.of("credentialsPublic", Boolean.class);
    public static final Variable<Boolean> PERSISTENCE_FOUND = Variable.of("persistenceFound", Boolean.class);
    public static final Variable<Boolean> LATERAL_MOVEMENT = Variable.of("lateralMovement", Boolean.class);

    private Inputs() {}
  }

  /** Variables the decisions set (outputs of incident-severity, playbook-selection, escalation-policy). */
  public static final class Decided {
    public static final Variable<String> SEVERITY = Variable.of("severity", String.class);
    public static final Variable<String> RESPONSE_SLA = Variable.of("responseSla", String.class);
    public static final Variable<String> PLAYBOOK_KEY = Variable.of("playbookKey", String.class);
    public static final Variable<Boolean> TRIAGE_NEEDED = Variable.of("triageNeeded", Boolean.class);
    public static final Variable<String> ENGAGED_GROUPS = Variable.of("engagedGroups", String.class);
    public static final Variable<String> ACKNOWLEDGE_SLA = Variable.of("acknowledgeSla", String.class);
    public static final Variable<String> STATUS_UPDATE_CADENCE = Variable.of("statusUpdateCadence", String.class);
    public static final Variable<Boolean> EXECUTIVE_NOTICE = Variable.of("executiveNotice", Boolean.class);
    public static final Variable<Boolean> LEGAL_ENGAGED = Variable.of("legalEngaged", Boolean.class);
    public static final Variable<Boolean> PROVIDER_ENGAGED = Variable.of("providerEngaged", Boolean.class);

    private Decided() {}
  }

  /** The data-breach hand-off: when it started, and whether it is running or done. */
  public static final class Breach {
    /** ISO-8601 instant: awareness of the breach, which starts its clocks. */
    public static final Variable<String> BREACH_AWARE_AT = Variable.of("breachAwareAt", String.class);
    public static final Variable<Boolean> BREACH_RUNNING = Variable.of("breachRunning", Boolean.class);
    public static final Variable<Boolean> BREACH_HANDLED = Variable.of("breachHandled", Boolean.class);

    private Breach() {}
  }

  /** References the connectors keep (ids only, never payloads). */
  public static final class Refs {
    public static final Variable<String> TICKET_REF = Variable.of("ticketRef", String.class);
    public static final Variable<String> WAR_ROOM_REF = Variable.of("warRoomRef", String.class);

    private Refs() {}
  }

  private IncidentResponseApi() {}
}
