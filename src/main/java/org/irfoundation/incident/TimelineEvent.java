package org.irfoundation.incident;

/**
 * Every kind of entry an incident's timeline holds. Code records these constants; a model records one with the
 * {@code recordTimelineEvent} delegate and its {@code eventType} input parameter, which must name one of them
 * (checked by the model tests before a model is deployed, and by the delegate at run time).
 */
public enum TimelineEvent {

  // intake
  REPORTED("the incident was reported (by a person or a detection tool)"),
  CLASSIFIED("severity, response SLA and playbook decided"),
  ALERT("alerts with the incident's fingerprint arrived: one entry per fingerprint, with their count, first and last"),
  SEVERITY_CHANGED("an alert raised the severity; the escalation policy runs again"),

  // incident-response and its steps
  TASK_COMPLETED("a responder completed a task (actor: who)"),
  ESCALATION_REASSESSED("the escalation policy was applied again after a severity change"),
  CLOSED("the incident was closed"),

  // need-to-know
  TEAM_MEMBER_ADDED("the IR lead named a person to the team"),
  TEAM_MEMBER_REMOVED("the IR lead took a named person off the team"),
  RESTRICTED("the incident was restricted to its named team (insider, HR or legal matter)"),
  UNRESTRICTED("the restriction was lifted"),

  // ticket, chat, notices
  TICKET_OPENED("the incident's ticket was opened"),
  TICKET_COMMENTED("a comment (and maybe a status) went to the ticket"),
  TICKET_CLOSED("the ticket was closed"),
  WAR_ROOM_OPENED("the incident's war room was opened"),
  CHAT_MESSAGE_POSTED("a message went to the war room or a standing channel"),
  STATUS_REMINDER_POSTED("the war room was reminded that a status update is due"),
  NOTICE_SENT("a notice went to groups or addresses"),
  NOTICE_WITHHELD("an exercise's notice was recorded, not sent (regulator notice, or no participant with an address)"),

  // playbooks (recorded by the models)
  SEVERITY_RAISED("a playbook raised the severity"),
  FALSE_POSITIVE("the account playbook closed the case as a false positive"),
  RANSOM_DECISION("executive and legal recorded their ransom decision"),
  AWARENESS_RECORDED("the time of awareness of a data breach was recorded"),
  NOTIFICATION_DECIDED("the breach notification decision was recorded, with its reasons"),
  BREACH_METRICS("the data-breach metrics were recorded"),
  NOTIFICATION_FILED("a regulatory notification was filed"),

  // response actions (response.actions)
  RESPONSE_ACTION_APPROVED("a person approved a disruptive response action on its exact target (actor: who)"),
  RESPONSE_ACTION_REFUSED("a person refused a response action: it is left to a person (actor: who; detail: why)"),
  RESPONSE_ACTION_EXECUTED("a response action was sent (detail: the system, the request sent, the API's answer)"),
  RESPONSE_ACTION_FAILED("a response action was denied or failed: a person does it (detail: the API's message)"),
  RESPONSE_ACTION_WOULD_HAVE("an exercise's response action was recorded, not sent (detail: the request it would have sent)"),
  RESPONSE_ACTION_NOT_AUTOMATED("no adapter is configured for a response action (or its target is not known): a person does it"),

  // obligations
  SCOPE_RECORDED("the people and data the incident concerns were scoped: the obligations are found again"),
  OBLIGATION_FOUND("the notification obligations table found an obligation (from the first minute, any category)"),
  OBLIGATION_DETERMINED("a person decided a determination (significant, major, material, risk) with the reasons"),
  OBLIGATION_WITHDRAWN("an obligation no longer applies to the scope as now known"),

  // evidence
  EVIDENCE_COLLECTED("an item of evidence was stored with its SHA-256"),
  EVIDENCE_VERIFIED("an item was re-hashed and matched"),
  EVIDENCE_MISMATCH("an item was re-hashed and did not match"),
  EVIDENCE_TRANSFERRED("an item was handed over (chain of custody)"),
  EVIDENCE_RELEASED("an item was released from custody"),
  EVIDENCE_OVERDUE("an evidence collection passed its due date"),
  LEGAL_HOLD_PLACED("the incident's evidence was put under legal hold (detail: reason, custodians)"),
  LEGAL_HOLD_RELEASED("legal released the legal hold (actor: who; detail: the reasons)"),

  // post-incident review and improvement actions
  REVIEW_HELD("the post-incident review was held (actor: who recorded it; detail: how many lessons, the root causes)"),
  LESSON_RECORDED("a lesson of the review became an improvement action (detail: what it changes, owner, due date)"),
  IMPROVEMENT_OVERDUE("an improvement action passed its due date open: escalated to the review's accountable roles"),
  IMPROVEMENT_DONE("an improvement action's owner recorded it done (actor: who; detail: the outcome)"),

  // exercise
  EXERCISE_STARTED("an exercise reported the incident: a rehearsal, nothing reaches the outside (detail: scenario, mode)"),
  EXERCISE_INJECT("an inject of the exercise's scenario arrived (detail: what happened)"),
  EXERCISE_ENDED("the exercise ended: by the facilitator, or with the incident's response"),
  EXERCISE_SCORED("the exercise was scored from its expectations (detail: points)");

  private final String meaning;

  TimelineEvent(String meaning) {
    this.meaning = meaning;
  }

  /** What the entry says happened, for the documentation and reports. */
  public String meaning() {
    return meaning;
  }

  /** The constant a model names, with an error that lists the known ones when it names none. */
  public static TimelineEvent named(String name) {
    try {
      return valueOf(name.trim());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("'" + name + "' is no timeline event type; use one of "
          + java.util.Arrays.toString(values()), e);
    }
  }
}
