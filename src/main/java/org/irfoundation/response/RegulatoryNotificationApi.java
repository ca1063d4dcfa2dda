package org.irfoundation.response;

import java.util.Date;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.ObligationsApi;

/**
 * The {@code regulatory-notification} process: one instance per notification obligation, started by the app
 * ({@code incident.Obligations}) as soon as the obligation is found. Its inputs are the obligation's columns
 * ({@link ObligationsApi.Outputs}) and the incident id and awareness time; it writes the clock, the draft, the
 * approval and the filing.
 */
public final class RegulatoryNotificationApi {

  public static final String PROCESS_KEY = ObligationsApi.NOTIFICATION_PROCESS;
  public static final String DECISION_KEY = ObligationsApi.DECISION_KEY;

  public static final class Elements {
    public static final String EVENT_STARTED = "Event_ObligationStarted";
    public static final String GATEWAY_DETERMINATION_NEEDED = "Gateway_DeterminationNeeded";
    public static final String EVENT_DETERMINED = "Event_Determined";
    public static final String GATEWAY_APPLIES = "Gateway_Applies";
    public static final String EVENT_NOT_TRIGGERED = "Event_NotTriggered";
    public static final String GATEWAY_CLOCK_AT_FILING = "Gateway_ClockAtFiling";
    public static final String EVENT_PREDECESSOR_FILED = "Event_PredecessorFiled";
    public static final String TASK_COMPUTE_DEADLINE = "Task_ComputeDeadline";
    public static final String TASK_DRAFT_FROM_TEMPLATE = "Task_DraftFromTemplate";
    public static final String SUBPROCESS_NOTIFY = "SubProcess_PrepareAndFile";
    public static final String TASK_DRAFT = "Task_DraftNotice";
    public static final String TASK_APPROVE = "Task_ApproveNotice";
    public static final String GATEWAY_APPROVED = "Gateway_NoticeApproved";
    public static final String TASK_FILE = "Task_FileNotice";
    public static final String EVENT_REMINDER = "Event_DeadlineApproaching";
    public static final String TASK_NOTIFY_REMINDER = "Task_NotifyDeadlineApproaching";
    public static final String EVENT_REMINDER_SENT = "Event_ReminderSent";
    public static final String EVENT_DEADLINE_MISSED = "Event_DeadlineMissed";
    public static final String TASK_NOTIFY_MISSED = "Task_NotifyDeadlineMissed";
    public static final String EVENT_MISSED_ESCALATED = "Event_MissedEscalated";
    public static final String GATEWAY_FILED_IN_TIME = "Gateway_FiledInTime";
    public static final String TASK_EXPLAIN_DELAY = "Task_ExplainDelay";
    public static final String TASK_RECORD_PROOF = "Task_RecordProof";
    public static final String EVENT_FILED = "Event_NoticeFiled";
    public static final String EVENT_WITHDRAWN = "Event_Withdrawn";
    public static final String EVENT_WITHDRAWN_ENDED = "Event_WithdrawnEnded";

    private Elements() {}
  }

  /** In: one obligation (the decision's output columns). */
  public static final class Obligation {
    public static final Variable<String> CODE = ObligationsApi.Outputs.CODE;
    public static final Variable<String> REGULATION = ObligationsApi.Outputs.REGULATION;
    public static final Variable<String> RECIPIENT = ObligationsApi.Outputs.RECIPIENT;
    public static final Variable<String> AUDIENCE = ObligationsApi.Outputs.AUDIENCE;
    public static final Variable<String> CLOCK_START = ObligationsApi.Outputs.CLOCK_START;
    public static final Variable<String> DETERMINATION = ObligationsApi.Outputs.DETERMINATION;
    public static final Variable<String> DEADLINE = ObligationsApi.Outputs.DEADLINE;
    public static final Variable<String> DEADLINE_KIND = ObligationsApi.Outputs.DEADLINE_KIND;

    private Obligation() {}
  }

  /** Written by the process. */
  public static final class Vars {
    public static final Variable<String> CLOCK_STARTED_AT = Variable.of("clockStartedAt", String.class);
    public static final Variable<Date> DUE_AT = Variable.of("dueAt", Date.class);
    public static final Variable<Date> REMIND_AT = Variable.of("remindAt", Date.class);
    public static final Variable<String> NOTICE_DRAFT = Variable.of("noticeDraft", String.class);
    public static final Variable<String> APPROVAL = Variable.of("approval", String.class);
    public static final Variable<String> APPROVAL_COMMENT = Variable.of("approvalComment", String.class);
    public static final Variable<String> FILING_REFERENCE = Variable.of("filingReference", String.class);
    public static final Variable<String> FILED_AT = Variable.of("filedAt", String.class);
    /** Filed late: why (GDPR Art. 33(1)). */
    public static final Variable<String> LATE_REASONS = Variable.of("lateReasons", String.class);
    public static final Variable<Boolean> FILED_IN_TIME = Variable.of("filedInTime", Boolean.class);

    private Vars() {}
  }

  private RegulatoryNotificationApi() {}
}
