package org.irfoundation.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.RenderedMessage;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Notices about an incident: the automatic ones to groups ({@link NoticeKind}) and communication templates to groups
 * and addresses. Each has an idempotency key made of the incident, what is sent and the step's {@code scopeKey}
 * (activity and enclosing scope instance), so a retried job sends nothing twice while each new trigger of a scope
 * sends its own; every notice is on the incident's timeline. A restricted incident's notices carry its id and
 * severity, not its title or names. An exercise incident's notices go only to its participants
 * ({@link ExerciseParticipants}), subject marked {@code [EXERCISE] }, and its regulator and data-subject notices are
 * never sent: the timeline records what would have gone out ({@link TimelineEvent#NOTICE_WITHHELD}).
 */
@Service
public class NoticeService {

  private final Notifier notifier;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;
  private final Incidents incidents;
  /** An exercise incident's participants' addresses. */
  private final Function<String, List<String>> participants;

  /** Without participants: an exercise's notices are recorded as not sent. */
  public NoticeService(Notifier notifier, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents) {
    this(notifier, lifecycle, templates, incidents, incidentId -> List.of());
  }

  @Autowired
  public NoticeService(Notifier notifier, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents, ExerciseParticipants participants) {
    this(notifier, lifecycle, templates, incidents, participants::addresses);
  }

  public NoticeService(Notifier notifier, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents, Function<String, List<String>> participants) {
    this.notifier = notifier;
    this.lifecycle = lifecycle;
    this.templates = templates;
    this.incidents = incidents;
    this.participants = participants;
    NoticeKind.requireTemplates();
  }

  /** Sends a notice of {@code kind} to the groups; {@code detail} (may be null) is a first line of the body. */
  public void notifyGroups(NoticeKind kind, List<String> groups, NoticeKind.Facts facts, String detail,
      String scopeKey) {
    if (groups.isEmpty()) {
      return; // the escalation policy engaged nobody: nothing to send
    }
    RenderedMessage message = kind.render(incidents.isRestricted(facts.incidentId())
        ? facts.withTitle(TemplateVariables.RESTRICTED_TITLE) : facts);
    String body = detail == null || detail.isBlank() ? message.body() : detail + "\n\n" + message.body();
    Notice notice = new Notice(facts.incidentId(), groups, message.subject(), body,
        String.join(":", facts.incidentId(), kind.name(), scopeKey));
    deliver(notice, kind.name(), groups);
  }

  /** Sends a communication template, rendered from {@code variables}, to groups and addresses. */
  public void send(String incidentId, CommunicationTemplate template, List<String> groups, List<String> addresses,
      Map<String, ?> variables, String scopeKey) {
    RenderedMessage message = templates.render(template,
        incidents.isRestricted(incidentId) ? TemplateVariables.restricted(variables) : variables);
    Notice notice = new Notice(incidentId, groups, message.subject(), message.body(),
        String.join(":", incidentId, template.name(), scopeKey), addresses);
    List<String> all = new ArrayList<>(groups);
    all.addAll(addresses);
    if (incidents.isExercise(incidentId) && (template == CommunicationTemplate.REGULATOR_NOTICE
        || template == CommunicationTemplate.DATA_SUBJECT_NOTICE)) {
      lifecycle.recordEvent(incidentId, TimelineEvent.NOTICE_WITHHELD, null, ExerciseRouting.MARK + template.file()
          + " would have been sent to " + String.join(", ", all) + ": " + notice.subject()
          + "; an exercise sends no regulator or data-subject notice");
      return;
    }
    deliver(notice, template.file(), all);
  }

  /**
   * Sends the notice, or for an exercise incident sends it to the participants instead of {@code recipients} (the
   * groups and addresses production would use), or records that it was not sent when none has an address.
   */
  private void deliver(Notice notice, String what, List<String> recipients) {
    String incidentId = notice.incidentId();
    if (!incidents.isExercise(incidentId)) {
      notifier.notify(notice);
      lifecycle.recordEvent(incidentId, TimelineEvent.NOTICE_SENT, null,
          what + " to " + String.join(", ", recipients) + ": " + notice.subject());
      return;
    }
    List<String> to = participants.apply(incidentId);
    if (to.isEmpty()) {
      lifecycle.recordEvent(incidentId, TimelineEvent.NOTICE_WITHHELD, null, ExerciseRouting.MARK + what
          + " not sent: no participant of the exercise has an e-mail address (production: "
          + String.join(", ", recipients) + ")");
      return;
    }
    Notice exercise = new Notice(incidentId, List.of(), ExerciseRouting.mark(notice.subject()), notice.body(),
        notice.idempotencyKey(), to);
    notifier.notify(exercise);
    lifecycle.recordEvent(incidentId, TimelineEvent.NOTICE_SENT, null, ExerciseRouting.MARK + what
        + " to the exercise's participants " + String.join(", ", to) + " (production: "
        + String.join(", ", recipients) + "): " + exercise.subject());
  }

  /** A comma-separated list of group ids or addresses: trimmed, without blanks and repeats. */
  public static List<String> list(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(g -> !g.isEmpty()).distinct().toList();
  }
}
