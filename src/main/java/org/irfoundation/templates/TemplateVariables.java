package org.irfoundation.templates;

import static org.irfoundation.incident.IncidentResponseApi.Decided.ACKNOWLEDGE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.ENGAGED_GROUPS;
import static org.irfoundation.incident.IncidentResponseApi.Decided.RESPONSE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.AWARE_AT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.CATEGORY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.DETECTED_AT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;
import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.ObligationsApi;

/**
 * The process variables a communication template may use: the incident's (defined by {@code incident-response}) and
 * those that only templates read, set by the step that sends the message (input parameters or form fields).
 */
public final class TemplateVariables {

  /** The template a messaging step renders ({@code status-update}, {@code regulator-notice}...). */
  public static final Variable<String> TEMPLATE = Variable.of("template", String.class);

  public static final Variable<String> STATUS = Variable.of("status", String.class);
  public static final Variable<String> SUMMARY = Variable.of("summary", String.class);
  public static final Variable<String> NEXT_STEPS = Variable.of("nextSteps", String.class);
  public static final Variable<String> DECISIONS_NEEDED = Variable.of("decisionsNeeded", String.class);
  /** The regulation of a notice (also an output column of notification-obligations). */
  public static final Variable<String> REGULATION = ObligationsApi.Outputs.REGULATION;
  public static final Variable<String> REGULATOR = Variable.of("regulator", String.class);
  /** ISO-8601 duration after {@code awareAt}; {@code reportDeadline} is computed from it when not given. */
  public static final Variable<String> NOTIFICATION_DEADLINE = Variable.of("notificationDeadline", String.class);
  public static final Variable<String> REPORT_DEADLINE = Variable.of("reportDeadline", String.class);
  public static final Variable<String> DATA_CATEGORIES = Variable.of("dataCategories", String.class);
  public static final Variable<String> RECIPIENT_NAME = Variable.of("recipientName", String.class);
  public static final Variable<String> CONTACT = Variable.of("contact", String.class);

  /** Every variable a template may use, in the order the documentation lists them. */
  public static final List<Variable<?>> ALL = List.of(INCIDENT_ID, TITLE, CATEGORY, SEVERITY, RESPONSE_SLA,
      ACKNOWLEDGE_SLA, STATUS_UPDATE_CADENCE, ENGAGED_GROUPS, TICKET_REF, WAR_ROOM_REF, DETECTED_AT, AWARE_AT, STATUS,
      SUMMARY, NEXT_STEPS, DECISIONS_NEEDED, REGULATION, REGULATOR, NOTIFICATION_DEADLINE, REPORT_DEADLINE,
      DATA_CATEGORIES, RECIPIENT_NAME, CONTACT);

  /** How a restricted incident is called in messages that leave the app: by its id and severity only. */
  public static final String RESTRICTED_TITLE = "Restricted incident";
  static final String WITHHELD = "(withheld: restricted incident, see IR Foundation)";
  /** Free text that may name people. */
  static final List<Variable<String>> FREE_TEXT = List.of(SUMMARY, NEXT_STEPS, DECISIONS_NEEDED, RECIPIENT_NAME,
      CONTACT);

  /** The variables a message about a restricted incident may use: no title, no free text that may name people. */
  public static Map<String, Object> restricted(Map<String, ?> variables) {
    Map<String, Object> shown = new HashMap<>(variables);
    TITLE.put(shown, RESTRICTED_TITLE);
    for (Variable<String> text : FREE_TEXT) {
      if (shown.containsKey(text.name())) {
        text.put(shown, WITHHELD);
      }
    }
    return shown;
  }

  private TemplateVariables() {}
}
