package org.irfoundation.response;

import java.util.Date;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.ObligationsApi;

/**
 * The {@code regulatory-notification} process (one instance per obligation of {@code notification-obligations}).
 * The calling playbook passes the obligation's fields and the incident facts below; the process writes the clock,
 * the draft, the approval and the filing.
 */
public final class RegulatoryNotificationApi {

  public static final String PROCESS_KEY = "regulatory-notification";
  public static final String DECISION_KEY = "notification-obligations";

  public static final class Elements {
    public static final String EVENT_STARTED = "Event_ObligationStarted";
    public static final String GATEWAY_CLOCK_KNOWN = "Gateway_ClockKnown";
    public static final String TASK_RECORD_CLOCK_START = "Task_RecordClockStart";
    public static final String TASK_COMPUTE_DEADLINE = "Task_ComputeDeadline";
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
    public static final String TASK_RECORD_PROOF = "Task_RecordProof";
    public static final String EVENT_FILED = "Event_NoticeFiled";

    private Elements() {}
  }

  /** In: one obligation (the decision's output columns). */
  public static final class Obligation {
    public static final Variable<String> REGULATION = ObligationsApi.Outputs.REGULATION;
    public static final Variable<String> RECIPIENT = ObligationsApi.Outputs.RECIPIENT;
    public static final Variable<String> AUDIENCE = ObligationsApi.Outputs.AUDIENCE;
    public static final Variable<String> CLOCK_START = ObligationsApi.Outputs.CLOCK_START;
    public static final Variable<String> DEADLINE = ObligationsApi.Outputs.DEADLINE;
    public static final Variable<String> DEADLINE_KIND = ObligationsApi.Outputs.DEADLINE_KIND;

    private Obligation() {}
  }

  /** Clock-start events whose time is the incident's awareness time; every other one is recorded by a person. */
  public static final java.util.Set<String> CLOCK_STARTS_AT_AWARENESS =
      java.util.Set.of("awareness", "discovery", "confirmed-compromise");

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

    private Vars() {}
  }

  private RegulatoryNotificationApi() {}
}
