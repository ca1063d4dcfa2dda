package org.irfoundation.response.actions;

import org.irfoundation.engine.Variable;

/**
 * The {@code response-action} process as code sees it (STYLE.md 6): one response action of a playbook, called with
 * the incident id as business key. It plans the action (adapter, exercise, approval or standing authority), asks
 * for the approval a disruptive action needs, runs it (an exercise records what it would have sent) and hands it to
 * a person when the product denied it or failed. Without an adapter (or a target) it ends at once: the playbook's
 * own task for the step is the manual path.
 */
public final class ResponseActionApi {

  public static final String PROCESS_KEY = "response-action";
  /** The element template of the call activity ({@code bpmn/.camunda/element-templates/response-action.json}). */
  public static final String TEMPLATE_ID = "org.irfoundation.responseAction";

  public static final class Elements {
    public static final String EVENT_STARTED = "Event_ActionRequested";
    public static final String TASK_PLAN = "Task_PlanAction";
    public static final String GATEWAY_ROUTE = "Gateway_ActionRoute";
    public static final String EVENT_NOT_AUTOMATED = "Event_NotAutomated";
    public static final String TASK_APPROVE = "Task_ApproveAction";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String EVENT_REFUSED = "Event_ActionRefused";
    public static final String GATEWAY_RUN_MERGE = "Gateway_RunMerge";
    public static final String TASK_RUN = "Task_RunAction";
    public static final String GATEWAY_DONE = "Gateway_ActionDone";
    public static final String EVENT_DONE = "Event_ActionDone";
    public static final String GATEWAY_BY_HAND_MERGE = "Gateway_ByHandMerge";
    public static final String TASK_BY_HAND = "Task_ActByHand";
    public static final String EVENT_BY_HAND = "Event_ActedByHand";

    private Elements() {}
  }

  /** What the caller passes in ({@code camunda:in}). */
  public static final class Inputs {
    /** A {@link ResponseAction} name, e.g. DEACTIVATE_ACCESS_KEY. */
    public static final Variable<String> ACTION = Variable.of("actionName", String.class);
    /** The key id, user, host or title the action works on; blank: not known, left to the playbook's task. */
    public static final Variable<String> TARGET = Variable.of("actionTarget", String.class);
    /** What the action needs besides the target, one {@code name=value} a line (or separated by ';'). */
    public static final Variable<String> PARAMETERS = Variable.of("actionParameters", String.class);
    /** The adapter's system ("AWS IAM", "Okta") where two configured adapters support the action; else empty. */
    public static final Variable<String> SYSTEM = Variable.of("actionSystem", String.class);

    private Inputs() {}
  }

  public static final class Variables {
    /** The plan: {@link Route} name. */
    public static final Variable<String> ROUTE = Variable.of("actionRoute", String.class);
    /** "Deactivate access key AKIA... (userName=j.doe) with AWS IAM": what the approval and the manual task name. */
    public static final Variable<String> LABEL = Variable.of("actionLabel", String.class);
    /** The approval form's answer: "yes" or "no". */
    public static final Variable<String> APPROVED = Variable.of("actionApproved", String.class);
    public static final Variable<String> APPROVAL_NOTE = Variable.of("actionApprovalNote", String.class);
    /** Who approved (set by the approval task's listener); empty under standing authority. */
    public static final Variable<String> APPROVED_BY = Variable.of("actionApprovedBy", String.class);
    /** Why the step is left to a person: the API's message, or why nothing could be automated. */
    public static final Variable<String> MESSAGE = Variable.of("actionMessage", String.class);
    /** Ids the product returned (snapshot ids, the provider's case id), comma-separated. */
    public static final Variable<String> REFERENCES = Variable.of("actionReferences", String.class);
    /** The outcome the caller gets back: a {@link Result} name. */
    public static final Variable<String> RESULT = Variable.of("actionResult", String.class);

    private Variables() {}
  }

  /** How the plan says the action runs (the route gateway's branches). */
  public enum Route { NOT_AUTOMATED, BY_HAND, APPROVE, RUN }

  /** How it ended, for the caller. */
  public enum Result { NOT_AUTOMATED, REFUSED, EXECUTED, WOULD_HAVE, FAILED, BY_HAND }

  /** The RACI activities of the process's user tasks. */
  public static final String RACI_APPROVE = "response-action-approve";
  public static final String RACI_BY_HAND = "response-action-by-hand";
  public static final String FORM_APPROVE = "response-action-approve";
  public static final String FORM_BY_HAND = "response-action-by-hand";

  private ResponseActionApi() {}
}
