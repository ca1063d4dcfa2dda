package org.irfoundation.mail;

import static org.irfoundation.incident.IncidentResponseApi.Decided.ACKNOWLEDGE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.ENGAGED_GROUPS;
import static org.irfoundation.incident.IncidentResponseApi.Decided.RESPONSE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;
import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.RenderedMessage;

/**
 * What a notice is about. Its subject and plain-text body come from the Mustache template
 * {@code src/main/resources/templates/notices/<kind>.mustache} (e.g. {@code notices/ack-overdue}), which a
 * process owner may reword; the shared middle part (incident, severity, groups, ticket, war room) is
 * {@code notices/frame}. Every body names the incident, its title and severity, and what is expected next.
 */
public enum NoticeKind {

  /** The escalation policy engaged the groups: first notice of an incident. */
  ENGAGED,

  /** Nobody acknowledged within the acknowledge SLA: to the accountable role. */
  ACK_OVERDUE,

  /** The severity changed (an alert raised it): the escalation policy was applied again. */
  SEVERITY_CHANGED,

  /** A playbook's triage target (15 min account, 10 min malware) passed: to the accountable role. */
  TRIAGE_OVERDUE,

  /** Compromised-account playbook, P1/P2: the account owner and legal are told. */
  ACCOUNT_COMPROMISED,

  /** Malware/ransomware playbook after containment: legal, executive sponsor and communications. */
  RANSOMWARE_BRIEFING,

  /** Data breach: the privacy officer (DPO) learns of a personal-data breach; the regulatory clocks run. */
  BREACH_DPO_NOTICE,

  /** Data breach of severity P1/P2: legal is engaged, communications stand by. */
  BREACH_LEGAL_STANDBY,

  /** Data breach: an internal deadline (DPO notice, severity, notification decision) was missed. */
  BREACH_CLOCK_MISSED,

  /** A regulatory notification is due soon (80 % of its period has passed). */
  NOTIFICATION_DUE_SOON,

  /** A regulatory notification missed its deadline: to the accountable role. */
  NOTIFICATION_OVERDUE,

  /** An improvement action of a post-incident review is due soon: to its owner. */
  IMPROVEMENT_DUE,

  /** An improvement action passed its due date open: to the review's responsible and accountable roles. */
  IMPROVEMENT_OVERDUE;

  private static final CommunicationTemplates TEMPLATES = new CommunicationTemplates();

  /**
   * What a notice may say about an incident; any value may be {@code null}. In the templates: each field by
   * its name, durations as people say them ({@code acknowledgeSlaText}: "15 min"), and {@code engagedGroupsOrNone},
   * {@code ticketRefOrNone}, {@code warRoomRefOrNone} ("(none yet)" when there is none).
   */
  public record Facts(String incidentId, String title, String severity, String responseSla, String engagedGroups,
      String acknowledgeSla, String statusUpdateCadence, String ticketRef, String warRoomRef) {

    Map<String, Object> model() {
      Map<String, Object> model = new HashMap<>();
      INCIDENT_ID.put(model, incidentId);
      TITLE.put(model, title);
      SEVERITY.put(model, severity);
      RESPONSE_SLA.put(model, responseSla);
      ENGAGED_GROUPS.put(model, engagedGroups);
      ACKNOWLEDGE_SLA.put(model, acknowledgeSla);
      STATUS_UPDATE_CADENCE.put(model, statusUpdateCadence);
      TICKET_REF.put(model, ticketRef);
      WAR_ROOM_REF.put(model, warRoomRef);
      model.put("engagedGroupsOrNone", orNone(engagedGroups));
      model.put("ticketRefOrNone", orNone(ticketRef));
      model.put("warRoomRefOrNone", orNone(warRoomRef));
      return model;
    }

    /** The same facts under another title (a restricted incident's). */
    public Facts withTitle(String shownTitle) {
      return new Facts(incidentId, shownTitle, severity, responseSla, engagedGroups, acknowledgeSla,
          statusUpdateCadence, ticketRef, warRoomRef);
    }

    private static String orNone(String value) {
      return value == null || value.isBlank() ? "(none yet)" : value;
    }
  }

  /** The template's name under {@code templates/}: {@code notices/ack-overdue}. */
  public String template() {
    return "notices/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public RenderedMessage render(Facts facts) {
    return TEMPLATES.render(template(), facts.model());
  }

  public String subject(Facts facts) {
    return render(facts).subject();
  }

  public String body(Facts facts) {
    return render(facts).body();
  }

  /** Compiles every kind's template: a missing one fails start-up, naming the file. */
  static void requireTemplates() {
    for (NoticeKind kind : values()) {
      TEMPLATES.require(kind.template());
    }
  }
}
