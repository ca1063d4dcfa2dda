package org.irfoundation.chat;

import static org.irfoundation.incident.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.templates.CommunicationTemplates;
import org.springframework.stereotype.Component;

/**
 * Opens the incident's war room ({@code ${openWarRoom}}) and keeps its reference in {@code warRoomRef}. A
 * retried job finds the room it opened before and opens no second one. The room's first message is the
 * {@code war-room-opening} template (chats that post it: Slack, Teams, Mattermost). No input parameters.
 */
@Component("openWarRoom")
public class OpenWarRoomDelegate implements JavaDelegate {

  /** No input parameters: it works from the incident's process variables. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(WAR_ROOM_REF);

  private final WarRoomService warRooms;
  private final CommunicationTemplates templates;

  public OpenWarRoomDelegate(WarRoomService warRooms, CommunicationTemplates templates) {
    this.warRooms = warRooms;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WarRoomRef ref = warRooms.open(IncidentOfStep.of(execution), TITLE.getOrDefault(execution, ""),
        SEVERITY.get(execution), templates.variables(execution));
    WAR_ROOM_REF.set(execution, ref.id());
  }
}
