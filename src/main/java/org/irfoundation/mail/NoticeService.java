package org.irfoundation.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.RenderedMessage;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Service;

/**
 * Notices about an incident: the automatic ones to groups ({@link NoticeKind}) and communication templates to groups
 * and addresses. Each has an idempotency key made of the incident, what is sent and the step's {@code scopeKey}
 * (activity and enclosing scope instance), so a retried job sends nothing twice while each new trigger of a scope
 * sends its own; every notice is on the incident's timeline. A restricted incident's notices carry its id and
 * severity, not its title or names.
 */
@Service
public class NoticeService {

  private final Notifier notifier;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;
  private final Incidents incidents;

  public NoticeService(Notifier notifier, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents) {
    this.notifier = notifier;
    this.lifecycle = lifecycle;
    this.templates = templates;
    this.incidents = incidents;
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
    notifier.notify(notice);
    lifecycle.recordEvent(facts.incidentId(), TimelineEvent.NOTICE_SENT, null,
        kind + " to " + String.join(", ", groups) + ": " + notice.subject());
  }

  /** Sends a communication template, rendered from {@code variables}, to groups and addresses. */
  public void send(String incidentId, CommunicationTemplate template, List<String> groups, List<String> addresses,
      Map<String, ?> variables, String scopeKey) {
    RenderedMessage message = templates.render(template,
        incidents.isRestricted(incidentId) ? TemplateVariables.restricted(variables) : variables);
    Notice notice = new Notice(incidentId, groups, message.subject(), message.body(),
        String.join(":", incidentId, template.name(), scopeKey), addresses);
    notifier.notify(notice);
    List<String> all = new ArrayList<>(groups);
    all.addAll(addresses);
    lifecycle.recordEvent(incidentId, TimelineEvent.NOTICE_SENT, null,
        template.file() + " to " + String.join(", ", all) + ": " + notice.subject());
  }

  /** A comma-separated list of group ids or addresses: trimmed, without blanks and repeats. */
  public static List<String> list(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(g -> !g.isEmpty()).distinct().toList();
  }
}
