package org.irfoundation.evidence;

import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi;

/**
 * The {@code legal-hold} process (bpmn/legal-hold.bpmn) as code sees it (STYLE.md 6). Started by the app when an
 * evidence collection places a new hold ({@link LegalHolds}), business key = incident id: the custodians get the
 * legal-hold notice, and once the incident is closed legal reviews the hold until it releases it.
 */
public final class LegalHoldApi {

  public static final String PROCESS_KEY = "legal-hold";
  public static final String FORM_KEY = "legal-hold-review";
  /** The RACI row of the review task: who releases a hold. */
  public static final String RACI_RELEASE = "legal-hold-release";
  /** What the hold waits for before legal reviews it (correlated by the incident's closure). */
  public static final String MESSAGE_INCIDENT_CLOSED = IncidentResponseApi.MESSAGE_INCIDENT_CLOSED;

  public static final class Elements {
    public static final String EVENT_PLACED = "Event_LegalHoldPlaced";
    public static final String GATEWAY_SPLIT = "Gateway_HoldSplit";
    public static final String TASK_SEND_NOTICE = "Task_SendLegalHoldNotice";
    public static final String EVENT_CUSTODIANS_NOTIFIED = "Event_CustodiansNotified";
    public static final String EVENT_INCIDENT_CLOSED = "Event_IncidentClosed";
    public static final String GATEWAY_REVIEW_MERGE = "Gateway_ReviewMerge";
    public static final String TASK_REVIEW = "Task_ReviewLegalHold";
    public static final String GATEWAY_RELEASE = "Gateway_ReleaseHold";
    public static final String TASK_RECORD_RELEASE = "Task_RecordHoldRelease";
    public static final String EVENT_RELEASED = "Event_HoldReleased";
    public static final String EVENT_REVIEW_AGAIN = "Event_ReviewAgain";

    private Elements() {}
  }

  /** Set at start from the hold and the incident record; the form's answers. */
  public static final class Variables {
    /** Why the hold was placed (also an optional input of evidence-collection). */
    public static final Variable<String> REASON = Variable.of("legalHoldReason", String.class);
    /** ISO-8601 instant the hold was placed. */
    public static final Variable<String> PLACED_AT = Variable.of("legalHoldPlacedAt", String.class);
    /** Custodian groups and addresses, comma-separated: the notice's recipients. */
    public static final Variable<String> CUSTODIAN_GROUPS = Variable.of("custodianGroups", String.class);
    public static final Variable<String> CUSTODIAN_ADDRESSES = Variable.of("custodianAddresses", String.class);
    /** The review: yes releases the hold now, no keeps it for another review. */
    public static final Variable<String> RELEASE = Variable.of("releaseHold", String.class);
    public static final Variable<String> REVIEW_REASONS = Variable.of("holdReviewReasons", String.class);

    private Variables() {}
  }

  private LegalHoldApi() {}
}
