package org.irfoundation.response;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.NotificationClock;
import org.irfoundation.incident.ObligationsApi.Outputs;
import org.irfoundation.response.RegulatoryNotificationApi.Vars;
import org.springframework.stereotype.Component;

/**
 * Drafts an obligation's notice ({@code ${draftNotice}}) into {@code noticeDraft}: the regulator notice for
 * authorities and card brands, the data-subject notice for people and the media, with the incident's data
 * ({@link NoticeDrafts}); the drafter edits it before approval. A draft already there (a revision after legal's
 * rejection) is kept.
 */
@Component("draftNotice")
public class DraftNoticeDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(Vars.NOTICE_DRAFT);

  private final NoticeDrafts drafts;

  public DraftNoticeDelegate(NoticeDrafts drafts) {
    this.drafts = drafts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Vars.NOTICE_DRAFT.get(execution) != null) {
      return;
    }
    Vars.NOTICE_DRAFT.set(execution, drafts.draft(IncidentOfStep.of(execution), Outputs.REGULATION.get(execution),
        Outputs.RECIPIENT.get(execution), Outputs.AUDIENCE.get(execution),
        NotificationClock.parse(IncidentResponseApi.Inputs.AWARE_AT.get(execution)),
        Vars.DUE_AT.get(execution).toInstant()));
  }
}
