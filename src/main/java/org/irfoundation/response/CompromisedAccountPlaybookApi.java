package org.irfoundation.response;

import org.irfoundation.engine.Variable;
import org.irfoundation.evidence.EvidenceCollectionApi;

/**
 * The {@code playbook-compromised-account} process as code sees it (STYLE.md 6): key, element ids and the
 * variables its forms set and its gateways read. Called by incident-response (business key = incident id,
 * all variables in and out); it reads {@code severity} and {@code incidentId} from there. Personal data accessed
 * hands off to the data-breach playbook the moment it is recorded ({@code confirmPersonalData}, once per incident),
 * in parallel with the playbook; severity raises are the incident's ({@code raiseSeverity}).
 */
public final class CompromisedAccountPlaybookApi {

  public static final String PROCESS_KEY = "playbook-compromised-account";

  public static final class Elements {
    public static final String EVENT_STARTED = "Event_PlaybookStarted";
    public static final String TASK_TRIAGE = "Task_TriageAccount";
    public static final String EVENT_TRIAGE_OVERDUE = "Event_TriageOverdue";
    public static final String TASK_NOTIFY_TRIAGE_OVERDUE = "Task_NotifyTriageOverdue";
    public static final String EVENT_TRIAGE_OVERDUE_NOTIFIED = "Event_TriageOverdueNotified";
    /** What triage found acts at once, in parallel: scoping, escalation, the personal-data hand-off. */
    public static final String GATEWAY_TRIAGE_FINDINGS = "Gateway_TriageFindings";
    public static final String TASK_CONFIRM_PERSONAL_DATA_AT_TRIAGE = "Task_ConfirmPersonalDataAtTriage";
    public static final String EVENT_HANDED_OFF_AT_TRIAGE = "Event_HandedOffAtTriage";

    /** Escalation by severity, a side branch: admin rights + unauthorised use -> P1; P1/P2 -> owner and legal. */
    public static final String SUB_PROCESS_ESCALATE = "SubProcess_Escalate";
    public static final String TASK_RAISE_SEVERITY = "Task_RaiseSeverity";
    public static final String TASK_NOTIFY_OWNER_AND_LEGAL = "Task_NotifyOwnerAndLegal";
    public static final String EVENT_ESCALATED = "Event_Escalated";

    public static final String SUB_PROCESS_SCOPE = "SubProcess_Scope";
    public static final String TASK_ASSESS_USE = "Task_AssessUse";
    public static final String EVENT_STILL_UNCLEAR = "Event_StillUnclear";
    public static final String TASK_ENGAGE_OUTSIDE_HELP = "Task_EngageOutsideHelp";
    public static final String TASK_INVESTIGATE_FIRST = "Task_InvestigateFirst";
    public static final String TASK_RECORD_FALSE_POSITIVE = "Task_RecordFalsePositive";
    public static final String EVENT_FALSE_POSITIVE = "Event_FalsePositive";

    public static final String SUB_PROCESS_CONTAIN = "SubProcess_Contain";
    public static final String GATEWAY_CREDENTIAL_TYPE = "Gateway_CredentialType";
    /** Automated containment ({@code response-action}) before each manual step, with the target named at triage. */
    public static final String CALL_DEACTIVATE_ACCESS_KEY = "Call_DeactivateAccessKey";
    public static final String CALL_DISABLE_USER = "Call_DisableUser";
    public static final String CALL_REVOKE_SESSIONS = "Call_RevokeSessions";
    public static final String TASK_DEACTIVATE_ACCESS_KEY = "Task_DeactivateAccessKey";
    public static final String TASK_BLOCK_SIGN_IN = "Task_BlockSignIn";
    public static final String TASK_REVOKE_SESSION_TOKENS = "Task_RevokeSessionTokens";
    public static final String TASK_CLEAN_MAILBOX = "Task_CleanMailbox";
    public static final String TASK_RESTRICT_INCIDENT = "Task_RestrictIncident";
    public static final String TASK_INSIDER_REVIEW = "Task_InsiderReview";
    public static final String CALL_COLLECT_EVIDENCE = "Call_CollectEvidence";
    public static final String EVENT_WATCH_WINDOW = "Event_WatchWindow";
    public static final String TASK_REVIEW_ACTIVITY_LOGS = "Task_ReviewActivityLogs";

    public static final String TASK_ERADICATE = "Task_EradicateAccount";
    public static final String TASK_CONFIRM_PERSONAL_DATA_AT_ERADICATION = "Task_ConfirmPersonalDataAtEradication";
    public static final String EVENT_HANDED_OFF_AT_ERADICATION = "Event_HandedOffAtEradication";

    public static final String SUB_PROCESS_QUIET = "SubProcess_Quiet";
    public static final String EVENT_QUIET_WINDOW = "Event_QuietWindow";
    public static final String TASK_CHECK_QUIET = "Task_CheckQuiet";
    public static final String TASK_RECOVER = "Task_RecoverAccount";
    /** Recovery lifts the sign-in block (console / SSO login only). */
    public static final String CALL_ENABLE_USER = "Call_EnableUser";
    public static final String EVENT_COMPLETED = "Event_PlaybookCompleted";

    private Elements() {}
  }

  /** Called processes. */
  public static final String EVIDENCE_COLLECTION_KEY = EvidenceCollectionApi.PROCESS_KEY;

  /** Variables set by the playbook's forms (string enums, see the values) and by its steps. */
  public static final class Variables {
    /** accessKey, consoleLogin, sessionTokens, mailbox. */
    public static final Variable<String> CREDENTIAL_TYPE = Variable.of("credentialType", String.class);
    /** Triage: the access key to deactivate, and the user (or role) of the credential; empty: done by hand. */
    public static final Variable<String> ACCESS_KEY_ID = Variable.of("accessKeyId", String.class);
    public static final Variable<String> ACCOUNT_USER = Variable.of("accountUser", String.class);
    public static final Variable<String> ADMIN_RIGHTS = Variable.of("adminRights", String.class);
    public static final Variable<String> UNAUTHORISED_USE = Variable.of("unauthorisedUse", String.class);
    /**
     * yes, no, unknown (triage, required): yes hands off to the data-breach playbook at once; unknown asks again in
     * eradication. Not the intake's boolean {@code personalData}.
     */
    public static final Variable<String> PERSONAL_DATA_ACCESSED = Variable.of("personalDataAccessed", String.class);
    /** yes, no: asked in eradication when {@link #PERSONAL_DATA_ACCESSED} was unknown; yes hands off then. */
    public static final Variable<String> PERSONAL_DATA_ACCESSED_AT_ERADICATION =
        Variable.of("personalDataAccessedAtEradication", String.class);
    /** confirmed, exposed, anomalous, legitimate. */
    public static final Variable<String> USE_ASSESSMENT = Variable.of("useAssessment", String.class);
    public static final Variable<String> INSIDER_INDICATORS = Variable.of("insiderIndicators", String.class);
    /** yes/no from the watch window; not the intake's boolean indicator {@code lateralMovement}. */
    public static final Variable<String> LATERAL_MOVEMENT_FOUND = Variable.of("lateralMovementFound", String.class);
    public static final Variable<String> NEW_CREDENTIALS_FOUND = Variable.of("newCredentialsFound", String.class);
    public static final Variable<String> MALICIOUS_ACTIVITY = Variable.of("maliciousActivity", String.class);
    /** Passed to evidence-collection: semicolon-separated item names, and whether they are under legal hold. */
    public static final Variable<Object> EVIDENCE_ITEMS = EvidenceCollectionApi.Inputs.EVIDENCE_ITEMS;
    public static final Variable<Boolean> LEGAL_HOLD = EvidenceCollectionApi.Inputs.LEGAL_HOLD;

    private Variables() {}
  }

  private CompromisedAccountPlaybookApi() {}
}
