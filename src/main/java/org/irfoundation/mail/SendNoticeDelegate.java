package org.irfoundation.mail;

import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.irfoundation.process.Variable;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.RenderedMessage;
import org.springframework.stereotype.Component;

/**
 * Sends a communication template as a notice ({@code ${sendNotice}}). Input parameters: {@code template}
 * (required: {@code executive-brief}, {@code legal-hold-notice}, {@code regulator-notice}...),
 * {@code recipientGroups} (comma-separated Camunda groups) and/or {@code recipientAddresses} (comma-separated
 * e-mail addresses). Idempotent like {@link NotifyGroupsDelegate}: incident, template, activity and scope
 * instance make the key.
 */
@Component("sendNotice")
public class SendNoticeDelegate implements JavaDelegate {

  public static final Variable<String> TEMPLATE = Variable.of("template", String.class);
  public static final Variable<String> RECIPIENT_GROUPS = NotifyGroupsDelegate.RECIPIENT_GROUPS;
  public static final Variable<String> RECIPIENT_ADDRESSES = Variable.of("recipientAddresses", String.class);
  /** The input parameters this delegate reads. */
  public static final List<String> INPUT_PARAMETERS = List.of(TEMPLATE.name(), RECIPIENT_GROUPS.name(),
      RECIPIENT_ADDRESSES.name());

  private final Notifier notifier;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;

  public SendNoticeDelegate(Notifier notifier, IncidentLifecycle lifecycle, CommunicationTemplates templates) {
    this.notifier = notifier;
    this.lifecycle = lifecycle;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    String name = TEMPLATE.get(execution);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Send notice (" + execution.getCurrentActivityId()
          + ") needs the input parameter template");
    }
    CommunicationTemplate template = CommunicationTemplate.named(name);
    List<String> groups = NotifyGroupsDelegate.groups(RECIPIENT_GROUPS.get(execution));
    List<String> addresses = NotifyGroupsDelegate.groups(RECIPIENT_ADDRESSES.get(execution));
    if (groups.isEmpty() && addresses.isEmpty()) {
      throw new IllegalArgumentException("Send notice (" + execution.getCurrentActivityId()
          + ") needs recipientGroups or recipientAddresses");
    }
    RenderedMessage message = templates.render(template, execution);
    Notice notice = new Notice(incidentId, groups, message.subject(), message.body(),
        String.join(":", incidentId, template.name(), execution.getCurrentActivityId(),
            execution.getParentActivityInstanceId()), addresses);
    notifier.notify(notice);
    List<String> all = new java.util.ArrayList<>(groups);
    all.addAll(addresses);
    lifecycle.recordEvent(incidentId, Timeline.NOTICE_SENT, null,
        template.file() + " to " + String.join(", ", all) + ": " + notice.subject());
  }
}
