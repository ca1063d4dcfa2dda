package org.irfoundation.chat;

import static org.irfoundation.intake.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.intake.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.intake.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.springframework.stereotype.Component;

/** Reminds the war room that a status update is due ({@code ${postStatusReminder}}, fired by the cadence timer). */
@Component("postStatusReminder")
public class PostStatusReminderDelegate implements JavaDelegate {

  private final ChatChannel chat;
  private final IncidentLifecycle lifecycle;

  public PostStatusReminderDelegate(ChatChannel chat, IncidentLifecycle lifecycle) {
    this.chat = chat;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    WarRoomRef ref = Optional.ofNullable(WAR_ROOM_REF.get(execution)).map(WarRoomRef::new)
        .or(() -> chat.findWarRoom(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no war room"));
    chat.post(ref, reminder(incidentId, TITLE.get(execution), SEVERITY.get(execution),
        STATUS_UPDATE_CADENCE.get(execution)));
    lifecycle.recordEvent(incidentId, Timeline.STATUS_REMINDER_POSTED, null, "Status-update reminder in " + ref);
  }

  static String reminder(String incidentId, String title, String severity, String cadence) {
    return "Status update due for " + incidentId + " [" + severity + "] " + (title == null ? "" : title) + ".\n"
        + "IR lead: post what is known, what is contained, what is next and who does it."
        + (cadence == null ? "" : " Next update due in " + cadence + ".");
  }
}
