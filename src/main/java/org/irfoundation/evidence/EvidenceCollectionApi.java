package org.irfoundation.evidence;

import java.util.Date;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi;

/**
 * The {@code evidence-collection} process (bpmn/evidence-collection.bpmn) as code sees it (STYLE.md 6). A
 * playbook calls it with the incident id as business key and the list of items to collect; it ends when every
 * required item is registered and verified through the evidence API. With {@code legalHold} true it first puts the
 * incident's evidence under legal hold ({@link LegalHoldApi}).
 */
public final class EvidenceCollectionApi {

  public static final String PROCESS_KEY = "evidence-collection";
  public static final String FORM_KEY = "collect-evidence";

  /** Correlated (business key = incident id) whenever evidence of the incident is registered or verified. */
  public static final String MESSAGE_EVIDENCE_REGISTERED = "EvidenceRegistered";

  public static final class Elements {
    public static final String EVENT_REQUESTED = "Event_CollectionRequested";
    public static final String TASK_PLAN = "Task_PlanCollection";
    public static final String GATEWAY_LEGAL_HOLD = "Gateway_LegalHold";
    public static final String TASK_PLACE_LEGAL_HOLD = "Task_PlaceLegalHold";
    public static final String GATEWAY_LEGAL_HOLD_MERGE = "Gateway_LegalHoldMerge";
    public static final String GATEWAY_ALREADY_COMPLETE = "Gateway_AlreadyComplete";
    public static final String SUBPROCESS_COLLECT = "SubProcess_CollectEvidence";
    public static final String GATEWAY_COLLECT_MERGE = "Gateway_CollectMerge";
    public static final String TASK_COLLECT = "Task_CollectEvidence";
    public static final String TASK_CHECK = "Task_CheckEvidence";
    public static final String GATEWAY_COMPLETE = "Gateway_EvidenceComplete";
    public static final String EVENT_REGISTERED = "Event_EvidenceRegistered";
    public static final String TASK_CHECK_REGISTERED = "Task_CheckRegisteredEvidence";
    public static final String GATEWAY_COMPLETE_AFTER_UPLOAD = "Gateway_CompleteAfterUpload";
    public static final String EVENT_ALL_VERIFIED = "Event_AllVerified";
    public static final String EVENT_STILL_MISSING = "Event_StillMissing";
    public static final String EVENT_TASK_DONE = "Event_CollectionTaskDone";
    public static final String EVENT_OVERDUE = "Event_CollectionOverdue";
    public static final String TASK_RECORD_OVERDUE = "Task_RecordOverdue";
    public static final String TASK_FOLLOW_UP = "Task_FollowUpOverdueEvidence";
    public static final String EVENT_FOLLOWED_UP = "Event_OverdueFollowedUp";
    public static final String EVENT_COLLECTED = "Event_EvidenceCollected";
    public static final String EVENT_NOTHING_TO_COLLECT = "Event_NothingToCollect";

    private Elements() {}
  }

  /** Set by the calling playbook step ({@code camunda:in}). */
  public static final class Inputs {
    /**
     * What to collect: JSON {@code [{"name": "memory-image", "required": true}, …]} (a plain name counts as
     * required); a JSON string, a Spin JSON value or a list.
     */
    public static final Variable<Object> EVIDENCE_ITEMS = Variable.of("evidenceItems", Object.class);
    /** ISO-8601 duration until the collection is overdue and escalates to the IR lead; default P1D. */
    public static final Variable<String> EVIDENCE_DUE = Variable.of("evidenceDue", String.class);
    /** Candidate groups of the collect task (comma-separated); default {@link #DEFAULT_COLLECTORS}. */
    public static final Variable<String> EVIDENCE_COLLECTORS = Variable.of("evidenceCollectors", String.class);

    /** True: the incident's evidence goes under legal hold ({@link LegalHolds}) before it is collected. */
    public static final Variable<Boolean> LEGAL_HOLD = Variable.of("legalHold", Boolean.class);
    /** Why, for legal's review and the timeline; default: the evidence may be needed in legal proceedings. */
    public static final Variable<String> LEGAL_HOLD_REASON = LegalHoldApi.Variables.REASON;
    /** Custodians besides the collectors and legal: comma-separated e-mail addresses. */
    public static final Variable<String> LEGAL_HOLD_CUSTODIANS = Variable.of("legalHoldCustodians", String.class);

    public static final String DEFAULT_DUE = "P1D";
    public static final String DEFAULT_COLLECTORS = "ir-analyst,it-operations";

    private Inputs() {}
  }

  /** Set by the process; {@code collectedEvidence} and {@code evidenceComplete} are its outputs. */
  public static final class State {
    public static final Variable<String> INCIDENT_ID = IncidentResponseApi.Inputs.INCIDENT_ID;
    /** JSON array of the required item names. */
    public static final Variable<String> REQUIRED_ITEMS = Variable.of("requiredItems", String.class);
    /** The required items still missing, comma-separated, for the form. */
    public static final Variable<String> MISSING_ITEMS = Variable.of("missingItems", String.class);
    public static final Variable<Boolean> EVIDENCE_COMPLETE = Variable.of("evidenceComplete", Boolean.class);
    /** JSON array of {item, evidenceId, sha256, location}: references only. */
    public static final Variable<String> COLLECTED_EVIDENCE = Variable.of("collectedEvidence", String.class);
    public static final Variable<Date> EVIDENCE_DUE_AT = Variable.of("evidenceDueAt", Date.class);

    private State() {}
  }

  private EvidenceCollectionApi() {}
}
