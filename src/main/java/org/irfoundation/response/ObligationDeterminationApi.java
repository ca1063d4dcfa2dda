package org.irfoundation.response;

import org.irfoundation.incident.ObligationsApi;

/**
 * The {@code obligation-determination} process: one decision (significant, major, material) for all the obligations
 * of an incident waiting for it, started by the app ({@code incident.Obligations}) when the first of them is found.
 * Its variables are {@link ObligationsApi.Process}'s and {@link RecordDeterminationDelegate#DECISION}.
 */
public final class ObligationDeterminationApi {

  public static final String PROCESS_KEY = ObligationsApi.DETERMINATION_PROCESS;
  public static final String FORM_KEY = "obligation-determination";

  public static final class Elements {
    public static final String EVENT_NEEDED = "Event_DeterminationNeeded";
    public static final String TASK_DETERMINE = "Task_Determine";
    public static final String EVENT_OVERDUE = "Event_DeterminationOverdue";
    public static final String TASK_NOTIFY_OVERDUE = "Task_NotifyDeterminationOverdue";
    public static final String EVENT_OVERDUE_NOTIFIED = "Event_DeterminationOverdueNotified";
    public static final String TASK_RECORD = "Task_RecordDetermination";
    public static final String EVENT_DETERMINED = "Event_Determined";

    private Elements() {}
  }

  private ObligationDeterminationApi() {}
}
