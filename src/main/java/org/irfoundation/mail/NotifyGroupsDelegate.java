package org.irfoundation.mail;

import static org.irfoundation.incident.IncidentResponseApi.Decided.ACKNOWLEDGE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.ENGAGED_GROUPS;
import static org.irfoundation.incident.IncidentResponseApi.Decided.RESPONSE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.TICKET_REF;
import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/**
 * Sends a notice about the incident to groups ({@code ${notifyGroups}}). Input parameters: {@code noticeKind}
 * ({@link NoticeKind}, default {@code ENGAGED}) and {@code recipientGroups} (comma-separated group ids; default
 * the escalation policy's {@code engagedGroups}), optional {@code noticeDetail} (a line added to the body: which
 * deadline, which regulation). Sent once per activity and enclosing scope instance ({@link NoticeService}).
 */
@Component("notifyGroups")
public class NotifyGroupsDelegate implements JavaDelegate {

  public static final Variable<String> NOTICE_KIND = Variable.of("noticeKind", String.class);
  public static final Variable<String> RECIPIENT_GROUPS = Variable.of("recipientGroups", String.class);
  public static final Variable<String> NOTICE_DETAIL = Variable.of("noticeDetail", String.class);
  public static final List<Variable<?>> INPUTS = List.of(NOTICE_KIND, RECIPIENT_GROUPS, NOTICE_DETAIL);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final NoticeService notices;

  public NotifyGroupsDelegate(NoticeService notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeKind.Facts facts = new NoticeKind.Facts(IncidentOfStep.of(execution), TITLE.get(execution),
        SEVERITY.get(execution), RESPONSE_SLA.get(execution), ENGAGED_GROUPS.get(execution),
        ACKNOWLEDGE_SLA.get(execution), STATUS_UPDATE_CADENCE.get(execution), TICKET_REF.get(execution),
        WAR_ROOM_REF.get(execution));
    notices.notifyGroups(NoticeKind.valueOf(NOTICE_KIND.getOrDefault(execution, NoticeKind.ENGAGED.name())),
        NoticeService.list(RECIPIENT_GROUPS.getOrDefault(execution, ENGAGED_GROUPS.get(execution))), facts,
        NOTICE_DETAIL.get(execution), scopeKey(execution));
  }

  /** The same for every retry of the step's job, new for each entry into its scope. */
  static String scopeKey(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getParentActivityInstanceId();
  }
}
