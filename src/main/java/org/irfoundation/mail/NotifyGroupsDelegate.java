package org.irfoundation.mail;

import static org.irfoundation.intake.IncidentResponseApi.Decided.ACKNOWLEDGE_SLA;
import static org.irfoundation.intake.IncidentResponseApi.Decided.ENGAGED_GROUPS;
import static org.irfoundation.intake.IncidentResponseApi.Decided.RESPONSE_SLA;
import static org.irfoundation.intake.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.intake.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.intake.IncidentResponseApi.Refs.TICKET_REF;
import static org.irfoundation.intake.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.irfoundation.process.Variable;
import org.irfoundation.templates.RenderedMessage;
import org.springframework.stereotype.Component;

/**
 * Sends a notice about the incident to groups ({@code ${notifyGroups}}). Input parameters: {@code noticeKind}
 * ({@link NoticeKind}, default {@code ENGAGED}) and {@code recipientGroups} (comma-separated group ids; default
 * the escalation policy's {@code engagedGroups}), optional {@code noticeDetail} (a line added to the body: which
 * deadline, which regulation).
 *
 * <p>The idempotency key is incident, kind, activity and the enclosing scope's activity instance: all stay the
 * same when the job is retried, so a retry sends nothing twice, while each new trigger of a scope (another
 * severity change) sends its own notice.
 */
@Component("notifyGroups")
public class NotifyGroupsDelegate implements JavaDelegate {

  public static final Variable<String> NOTICE_KIND = Variable.of("noticeKind", String.class);
  public static final Variable<String> RECIPIENT_GROUPS = Variable.of("recipientGroups", String.class);
  public static final Variable<String> NOTICE_DETAIL = Variable.of("noticeDetail", String.class);
  /** The input parameters this delegate reads. */
  public static final List<String> INPUT_PARAMETERS = List.of(NOTICE_KIND.name(), RECIPIENT_GROUPS.name(),
      NOTICE_DETAIL.name());

  private final Notifier notifier;
  private final IncidentLifecycle lifecycle;

  public NotifyGroupsDelegate(Notifier notifier, IncidentLifecycle lifecycle) {
    this.notifier = notifier;
    this.lifecycle = lifecycle;
    NoticeKind.requireTemplates();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    NoticeKind kind = NoticeKind.valueOf(NOTICE_KIND.getOrDefault(execution, NoticeKind.ENGAGED.name()));
    List<String> groups = groups(RECIPIENT_GROUPS.getOrDefault(execution, ENGAGED_GROUPS.get(execution)));
    if (groups.isEmpty()) {
      return; // the escalation policy engaged nobody: nothing to send
    }
    NoticeKind.Facts facts = new NoticeKind.Facts(incidentId, TITLE.get(execution), SEVERITY.get(execution),
        RESPONSE_SLA.get(execution), ENGAGED_GROUPS.get(execution), ACKNOWLEDGE_SLA.get(execution),
        STATUS_UPDATE_CADENCE.get(execution), TICKET_REF.get(execution), WAR_ROOM_REF.get(execution));
    RenderedMessage message = kind.render(facts);
    String detail = NOTICE_DETAIL.get(execution);
    String body = detail == null || detail.isBlank() ? message.body() : detail + "\n\n" + message.body();
    Notice notice = new Notice(incidentId, groups, message.subject(), body,
        String.join(":", incidentId, kind.name(), execution.getCurrentActivityId(),
            execution.getParentActivityInstanceId()));
    notifier.notify(notice);
    lifecycle.recordEvent(incidentId, Timeline.NOTICE_SENT, null,
        kind + " to " + String.join(", ", groups) + ": " + notice.subject());
  }

  static List<String> groups(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(g -> !g.isEmpty()).distinct().toList();
  }
}
