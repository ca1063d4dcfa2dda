package org.irfoundation.response;

import static org.irfoundation.response.ImprovementActionApi.Vars.IMPROVEMENT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.mail.NotifyGroupsDelegate;
import org.springframework.stereotype.Component;

/**
 * A notice of the improvement action ({@code ${improvementNotice}}): {@code noticeKind} {@code IMPROVEMENT_DUE} to its
 * owner, or {@code IMPROVEMENT_OVERDUE} to {@code recipientGroups} (comma-separated) and the timeline.
 */
@Component("improvementNotice")
public class ImprovementNoticeDelegate implements JavaDelegate {

  public static final Variable<String> NOTICE_KIND = NotifyGroupsDelegate.NOTICE_KIND;
  public static final Variable<String> RECIPIENT_GROUPS = NotifyGroupsDelegate.RECIPIENT_GROUPS;
  public static final List<Variable<?>> INPUTS = List.of(NOTICE_KIND, RECIPIENT_GROUPS);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final ImprovementNotices notices;

  public ImprovementNoticeDelegate(ImprovementNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String improvementId = IMPROVEMENT_ID.required(execution, "Improvement notice");
    NoticeKind kind = NoticeKind.valueOf(NOTICE_KIND.required(execution, "Improvement notice"));
    switch (kind) {
      case IMPROVEMENT_DUE -> notices.remindOwner(improvementId);
      case IMPROVEMENT_OVERDUE -> notices.escalate(improvementId,
          NoticeService.list(RECIPIENT_GROUPS.required(execution, "Improvement notice")));
      default -> throw new IllegalArgumentException("Improvement notice (" + execution.getCurrentActivityId()
          + ") sends IMPROVEMENT_DUE or IMPROVEMENT_OVERDUE, not " + kind);
    }
  }
}
