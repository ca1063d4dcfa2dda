package org.irfoundation.chat;

import static org.irfoundation.incident.IncidentResponseApi.Refs.WAR_ROOM_REF;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.stereotype.Component;

/**
 * Posts to the incident's war room, or to a standing channel ({@code ${postToWarRoom}}). Input parameters:
 * {@code message} (text) or {@code template} (a communication template, e.g. {@code status-update}), and
 * {@code channel} (optional: a standing channel instead of the war room).
 */
@Component("postToWarRoom")
public class PostToWarRoomDelegate implements JavaDelegate {

  public static final Variable<String> MESSAGE = Variable.of("message", String.class);
  public static final Variable<String> TEMPLATE = TemplateVariables.TEMPLATE;
  public static final Variable<String> CHANNEL = Variable.of("channel", String.class);
  public static final List<Variable<?>> INPUTS = List.of(MESSAGE, TEMPLATE, CHANNEL);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final WarRoomService warRooms;
  private final CommunicationTemplates templates;

  public PostToWarRoomDelegate(WarRoomService warRooms, CommunicationTemplates templates) {
    this.warRooms = warRooms;
    this.templates = templates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = TEMPLATE.get(execution);
    String message = MESSAGE.get(execution);
    if (isBlank(template) && isBlank(message)) {
      throw new IllegalArgumentException("Post to war room (" + execution.getCurrentActivityId()
          + ") needs the input parameter message or template");
    }
    warRooms.post(IncidentOfStep.of(execution), WAR_ROOM_REF.get(execution), CHANNEL.get(execution), template,
        message, templates.variables(execution));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
