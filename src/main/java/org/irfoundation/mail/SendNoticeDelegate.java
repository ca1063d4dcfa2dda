package org.irfoundation.mail;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Component;

/**
 * Sends a communication template as a notice ({@code ${sendNotice}}). Input parameters: {@code template}
 * (required: {@code executive-brief}, {@code legal-hold-notice}, {@code regulator-notice}...),
 * {@code recipientGroups} (comma-separated Camunda groups) and/or {@code recipientAddresses} (comma-separated
 * e-mail addresses). Sent once per activity and enclosing scope instance, like {@link NotifyGroupsDelegate}.
 */
@Component("sendNotice")
public class SendNoticeDelegate implements JavaDelegate {

  public static final Variable<String> TEMPLATE = TemplateVariables.TEMPLATE;
  public static final Variable<String> RECIPIENT_GROUPS = NotifyGroupsDelegate.RECIPIENT_GROUPS;
  public static final Variable<String> RECIPIENT_ADDRESSES = Variable.of("recipientAddresses", String.class);
  public static final List<Variable<?>> INPUTS = List.of(TEMPLATE, RECIPIENT_GROUPS, RECIPIENT_ADDRESSES);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final NoticeService notices;
  private final CommunicationTemplates templates;

  public SendNoticeDelegate(NoticeService notices, CommunicationTemplates templates) {
    this.notices = notices;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CommunicationTemplate template = CommunicationTemplate.named(TEMPLATE.required(execution, "Send notice"));
    List<String> groups = NoticeService.list(RECIPIENT_GROUPS.get(execution));
    List<String> addresses = NoticeService.list(RECIPIENT_ADDRESSES.get(execution));
    if (groups.isEmpty() && addresses.isEmpty()) {
      throw new IllegalArgumentException("Send notice (" + execution.getCurrentActivityId()
          + ") needs recipientGroups or recipientAddresses");
    }
    notices.send(IncidentOfStep.of(execution), template, groups, addresses, templates.variables(execution),
        NotifyGroupsDelegate.scopeKey(execution));
  }
}
