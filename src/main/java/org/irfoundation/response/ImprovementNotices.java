package org.irfoundation.response;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.Notice;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.mail.Notifier;
import org.irfoundation.templates.RenderedMessage;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Service;

/**
 * The notices of an improvement action: the reminder to its owner (to their mail address, or where they have none to
 * their groups, so nobody is left out by a missing address) and the escalation to groups when it is overdue, which
 * also goes on the incident's timeline. Each is sent once per action (idempotency key). A restricted incident's
 * notices carry its id and severity, not its title or the lesson.
 */
@Service
public class ImprovementNotices {

  private final ImprovementActions actions;
  private final Notifier notifier;
  private final NoticeService notices;
  private final Incidents incidents;
  private final IncidentLifecycle lifecycle;
  private final IdentityService identity;
  private final SystemContext system;

  public ImprovementNotices(ImprovementActions actions, Notifier notifier, NoticeService notices, Incidents incidents,
      IncidentLifecycle lifecycle, IdentityService identity, SystemContext system) {
    this.actions = actions;
    this.notifier = notifier;
    this.notices = notices;
    this.incidents = incidents;
    this.lifecycle = lifecycle;
    this.identity = identity;
    this.system = system;
  }

  /** Reminds the owner that the action is due soon; nothing when it is done already. */
  public void remindOwner(String improvementId) {
    Improvement improvement = actions.get(improvementId);
    if (!improvement.isOpen()) {
      return;
    }
    NoticeKind.Facts facts = facts(improvement.incidentId());
    RenderedMessage message = NoticeKind.IMPROVEMENT_DUE.render(incidents.isRestricted(improvement.incidentId())
        ? facts.withTitle(TemplateVariables.RESTRICTED_TITLE) : facts);
    List<String> addresses = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    User user = system.call(() -> identity.createUserQuery().userId(improvement.owner()).singleResult());
    boolean exercise = incidents.isExercise(improvement.incidentId());
    boolean hasAddress = user != null && user.getEmail() != null && !user.getEmail().isBlank();
    if (exercise && (!hasAddress || !incidents.team(improvement.incidentId()).named().contains(improvement.owner()))) {
      // an exercise mails its participants only, at their own address
      lifecycle.recordEvent(improvement.incidentId(), TimelineEvent.NOTICE_WITHHELD, null, ExerciseRouting.mark(
          NoticeKind.IMPROVEMENT_DUE + " to " + improvement.owner() + " not sent: not a participant with an address"));
      return;
    }
    if (hasAddress) {
      addresses.add(user.getEmail());
    } else {
      system.call(() -> identity.createGroupQuery().groupMember(improvement.owner()).list()).stream()
          .map(Group::getId).forEach(groups::add);
    }
    if (addresses.isEmpty() && groups.isEmpty()) {
      throw new IllegalStateException("nobody to remind of " + improvementId + ": " + improvement.owner()
          + " has no address and no group");
    }
    Notice notice = new Notice(improvement.incidentId(), groups,
        exercise ? ExerciseRouting.mark(message.subject()) : message.subject(),
        detail(improvement, "is due") + "\n\n" + message.body(),
        String.join(":", improvement.incidentId(), NoticeKind.IMPROVEMENT_DUE.name(), improvementId), addresses);
    notifier.notify(notice);
    lifecycle.recordEvent(improvement.incidentId(), TimelineEvent.NOTICE_SENT, null, NoticeKind.IMPROVEMENT_DUE
        + " to " + improvement.owner() + ": " + notice.subject());
  }

  /** Tells the groups that the action is overdue, and the timeline; nothing when it is done already. */
  public void escalate(String improvementId, List<String> groups) {
    Improvement improvement = actions.get(improvementId);
    if (!improvement.isOpen()) {
      return;
    }
    notices.notifyGroups(NoticeKind.IMPROVEMENT_OVERDUE, groups, facts(improvement.incidentId()),
        detail(improvement, "was due"), improvementId);
    lifecycle.recordEvent(improvement.incidentId(), TimelineEvent.IMPROVEMENT_OVERDUE, null, improvementId + " ("
        + improvement.owner() + ", due " + improvement.due() + ") is overdue: escalated to "
        + String.join(", ", groups));
  }

  private String detail(Improvement improvement, String due) {
    String what = incidents.isRestricted(improvement.incidentId()) ? "Improvement action " + improvement.id()
        : "Improvement action " + improvement.id() + " '" + improvement.lesson() + "' (changes "
            + improvement.changes() + ")";
    return what + " of " + improvement.owner() + " " + due + " " + improvement.due() + ".";
  }

  private NoticeKind.Facts facts(String incidentId) {
    Incident incident = incidents.find(incidentId)
        .orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    return new NoticeKind.Facts(incident.id(), incident.title(), incident.severity(), incident.responseSla(), null,
        null, null, null, null);
  }
}
