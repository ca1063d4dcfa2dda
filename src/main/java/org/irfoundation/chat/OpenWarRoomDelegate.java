package org.irfoundation.chat;

import static org.irfoundation.intake.IncidentResponseApi.Decided.SEVERITY;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.intake.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.intake.IncidentResponseApi.Timeline;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens the incident's war room ({@code ${openWarRoom}}) and keeps its reference in {@code warRoomRef}. A
 * retried job finds the room it opened before and opens no second one. The room's first message is the
 * {@code war-room-opening} template (chats that post it: Slack, Teams, Mattermost). No input parameters.
 */
@Component("openWarRoom")
public class OpenWarRoomDelegate implements JavaDelegate {

  /** The input parameters this delegate reads (none: it works from the incident's process variables). */
  public static final java.util.List<String> INPUT_PARAMETERS = java.util.List.of();

  private final ChatChannel chat;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;

  @Autowired
  public OpenWarRoomDelegate(ChatChannel chat, IncidentLifecycle lifecycle, CommunicationTemplates templates) {
    this.chat = chat;
    this.lifecycle = lifecycle;
    this.templates = templates;
  }

  public OpenWarRoomDelegate(ChatChannel chat, IncidentLifecycle lifecycle) {
    this(chat, lifecycle, new CommunicationTemplates());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    Optional<WarRoomRef> existing = chat.findWarRoom(incidentId);
    WarRoomRef ref = existing.orElseGet(() -> chat.openWarRoom(incidentId,
        incidentId + " [" + SEVERITY.getOrDefault(execution, "?") + "] " + TITLE.getOrDefault(execution, ""),
        templates.render(CommunicationTemplate.WAR_ROOM_OPENING, execution).body()));
    WAR_ROOM_REF.set(execution, ref.id());
    if (existing.isEmpty()) {
      lifecycle.recordEvent(incidentId, Timeline.WAR_ROOM_OPENED, null, "War room " + ref + " opened");
    }
  }
}
