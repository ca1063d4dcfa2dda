package org.irfoundation.chat;

import static org.irfoundation.intake.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.intake.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.intake.IncidentLifecycle;
import org.irfoundation.process.Variable;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.springframework.stereotype.Component;

/**
 * Posts to the incident's war room, or to a standing channel ({@code ${postToWarRoom}}). Input parameters:
 * {@code message} (text) or {@code template} (a communication template, e.g. {@code status-update}), and
 * {@code channel} (optional: a standing channel instead of the war room).
 */
@Component("postToWarRoom")
public class PostToWarRoomDelegate implements JavaDelegate {

  public static final Variable<String> MESSAGE = Variable.of("message", String.class);
  public static final Variable<String> TEMPLATE = Variable.of("template", String.class);
  public static final Variable<String> CHANNEL = Variable.of("channel", String.class);
  /** The input parameters this delegate reads. */
  public static final List<String> INPUT_PARAMETERS = List.of(MESSAGE.name(), TEMPLATE.name(), CHANNEL.name());

  static final String TIMELINE_POSTED = "CHAT_MESSAGE_POSTED";

  private final ChatChannel chat;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;

  public PostToWarRoomDelegate(ChatChannel chat, IncidentLifecycle lifecycle, CommunicationTemplates templates) {
    this.chat = chat;
    this.lifecycle = lifecycle;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = INCIDENT_ID.getOrDefault(execution, execution.getProcessBusinessKey());
    String template = TEMPLATE.get(execution);
    String text = template != null && !template.isBlank()
        ? templates.render(CommunicationTemplate.named(template), execution).body()
        : MESSAGE.get(execution);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Post to war room (" + execution.getCurrentActivityId()
          + ") needs the input parameter message or template");
    }
    String channel = CHANNEL.get(execution);
    String where;
    if (channel != null && !channel.isBlank()) {
      chat.postToChannel(channel, text);
      where = "channel " + channel;
    } else {
      WarRoomRef ref = Optional.ofNullable(WAR_ROOM_REF.get(execution)).map(WarRoomRef::new)
          .or(() -> chat.findWarRoom(incidentId))
          .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no war room"));
      chat.post(ref, text);
      where = "war room " + ref;
    }
    lifecycle.recordEvent(incidentId, TIMELINE_POSTED, null, "Posted to " + where
        + (template == null || template.isBlank() ? "" : " (" + template + ")"));
  }
}
