package org.irfoundation.response;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.irfoundation.response.RegulatoryNotificationApi.Vars;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Component;

/**
 * Drafts an obligation's notice from its template ({@code ${draftNotice}}): the regulator notice for authorities and
 * card brands, the data-subject notice for individuals and the media, rendered with the incident's data and the
 * obligation's deadline, into {@code noticeDraft}, which the drafter then edits. A draft already there (a revision
 * after legal's rejection) is kept.
 */
@Component("draftNotice")
public class DraftNoticeDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(Vars.NOTICE_DRAFT);

  private final CommunicationTemplates templates;

  public DraftNoticeDelegate(CommunicationTemplates templates) {
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = templates.variables(execution);
    TemplateVariables.REPORT_DEADLINE.put(variables, Vars.DUE_AT.get(execution).toInstant().toString());
    Vars.NOTICE_DRAFT.set(execution, templates.render(template(Outputs.AUDIENCE.get(execution)), variables).body());
  }

  static CommunicationTemplate template(String audience) {
    return "individuals".equals(audience) || "media".equals(audience) ? CommunicationTemplate.DATA_SUBJECT_NOTICE
        : CommunicationTemplate.REGULATOR_NOTICE;
  }
}
