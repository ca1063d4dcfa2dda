package org.irfoundation.rollout;

import static org.irfoundation.rollout.RolloutApi.Vars.NOTICE_TEXT;
import static org.irfoundation.rollout.RolloutApi.Vars.NOTICE_TO;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.Roles;
import org.springframework.stereotype.Component;

/** {@code ${rolloutNotice}}: {@code noticeText} to the users in {@code noticeTo}. */
@Component("rolloutNotice")
public class RolloutNoticeDelegate implements JavaDelegate {
  public static final List<Variable<?>> INPUTS = List.of(NOTICE_TO, NOTICE_TEXT);
  public static final List<Variable<?>> OUTPUTS = List.of();
  private final RolloutNotices notices;

  public RolloutNoticeDelegate(RolloutNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.send(RolloutOfStep.of(execution), Roles.ids(NOTICE_TO.required(execution, "Rollout notice")),
        NOTICE_TEXT.required(execution, "Rollout notice"), execution.getActivityInstanceId());
  }
}
