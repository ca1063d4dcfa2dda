package org.irfoundation.chat;

import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.springframework.stereotype.Component;

/** Reminds the war room that a status update is due ({@code ${postStatusReminder}}, fired by the cadence timer). */
@Component("postStatusReminder")
public class PostStatusReminderDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final WarRoomService warRooms;

  public PostStatusReminderDelegate(WarRoomService warRooms) {
    this.warRooms = warRooms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warRooms.remindStatusUpdate(IncidentOfStep.of(execution), WAR_ROOM_REF.get(execution), TITLE.get(execution),
        SEVERITY.get(execution), STATUS_UPDATE_CADENCE.get(execution));
  }
}
