package org.irfoundation.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The incident's war room, whatever chat holds it: opened once (a retried job finds the room it opened), found by
 * the reference the process kept or else by the incident, messages from text or a communication template, and
 * every post on the incident's timeline. A restricted incident's messages carry its id and severity only. An
 * exercise incident's war room is in the chat's exercise place ({@code irf.chat.exercise.*}), every message marked
 * {@code [EXERCISE] }, and what it would announce in a standing channel goes to its war room; without an exercise
 * place configured it is refused, never posted where production war rooms are.
 */
@Service
public class WarRoomService {

  private final ChatChannel chat;
  private final IncidentLifecycle lifecycle;
  private final CommunicationTemplates templates;
  private final Incidents incidents;
  private final ExerciseRouting<ChatChannel> exercise;

  /** No exercise place configured: the built-in log marks exercise messages, the other chats refuse them. */
  public WarRoomService(ChatChannel chat, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents) {
    this(chat, lifecycle, templates, incidents, (ChatProperties.Exercise) null);
  }

  @Autowired
  public WarRoomService(ChatChannel chat, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents, ChatProperties properties) {
    this(chat, lifecycle, templates, incidents, properties.exercise());
  }

  public WarRoomService(ChatChannel chat, IncidentLifecycle lifecycle, CommunicationTemplates templates,
      Incidents incidents, ChatProperties.Exercise exercisePlace) {
    this.chat = chat;
    this.lifecycle = lifecycle;
    this.templates = templates;
    this.incidents = incidents;
    this.exercise = new ExerciseRouting<>(() -> chat.forExercise(exercisePlace));
  }

  /** The chat the incident's war room is in: the exercise variant for an exercise incident. */
  private ChatChannel chatFor(String incidentId) {
    return incidents.isExercise(incidentId) ? exercise.variant() : chat;
  }

  /** How the timeline names the room: an exercise's says where it is. */
  private String described(String incidentId, WarRoomRef ref) {
    return incidents.isExercise(incidentId) ? ref + " (exercise, " + exercise.variant().target() + ")" : ref.id();
  }

  /** A restricted incident's messages carry its id and severity, not its title or names. */
  private Map<String, ?> shown(String incidentId, Map<String, ?> variables) {
    return incidents.isRestricted(incidentId) ? TemplateVariables.restricted(variables) : variables;
  }

  private String shownTitle(String incidentId, String title) {
    return incidents.isRestricted(incidentId) ? TemplateVariables.RESTRICTED_TITLE : title;
  }

  /** The incident's war room, when it has one yet. */
  public Optional<WarRoomRef> find(String incidentId) {
    return chatFor(incidentId).findWarRoom(incidentId);
  }

  /**
   * Opens the incident's war room, named {@code INC-… [P1] title}, with the {@code war-room-opening} template as its
   * first message (rendered from {@code variables}); WAR_ROOM_OPENED only when it opened one.
   */
  public WarRoomRef open(String incidentId, String title, String severity, Map<String, ?> variables) {
    ChatChannel chat = chatFor(incidentId);
    Optional<WarRoomRef> existing = chat.findWarRoom(incidentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    WarRoomRef ref = chat.openWarRoom(incidentId,
        incidentId + " [" + (severity == null ? "?" : severity) + "] "
            + Objects.toString(shownTitle(incidentId, title), ""),
        templates.render(CommunicationTemplate.WAR_ROOM_OPENING, shown(incidentId, variables)).body());
    lifecycle.recordEvent(incidentId, TimelineEvent.WAR_ROOM_OPENED, null, incidents.isExercise(incidentId)
        ? "War room " + ref + " opened for the exercise in " + chat.target() + ", marked [EXERCISE]"
        : "War room " + ref + " opened");
    return ref;
  }

  /**
   * Posts {@code template} (a communication template, rendered from {@code variables}) or else {@code message}, to
   * the standing {@code channel} when one is named, else to the war room.
   */
  public void post(String incidentId, String knownRef, String channel, String template, String message,
      Map<String, ?> variables) {
    boolean fromTemplate = template != null && !template.isBlank();
    String text = fromTemplate
        ? templates.render(CommunicationTemplate.named(template), shown(incidentId, variables)).body() : message;
    String where;
    boolean standing = channel != null && !channel.isBlank();
    if (standing && !incidents.isExercise(incidentId)) {
      chat.postToChannel(channel, text);
      where = "channel " + channel;
    } else {
      ChatChannel chat = chatFor(incidentId);
      WarRoomRef ref = warRoomOf(chat, incidentId, knownRef);
      chat.post(ref, standing ? "(for the channel " + channel + ") " + text : text);
      where = "war room " + described(incidentId, ref) + (standing ? " instead of channel " + channel : "");
    }
    lifecycle.recordEvent(incidentId, TimelineEvent.CHAT_MESSAGE_POSTED, null, "Posted to " + where
        + (fromTemplate ? " (" + template + ")" : ""));
  }

  /** Reminds the war room that a status update is due (the status-update cadence timer). */
  public void remindStatusUpdate(String incidentId, String knownRef, String title, String severity, String cadence) {
    ChatChannel chat = chatFor(incidentId);
    WarRoomRef ref = warRoomOf(chat, incidentId, knownRef);
    chat.post(ref, reminder(incidentId, shownTitle(incidentId, title), severity, cadence));
    lifecycle.recordEvent(incidentId, TimelineEvent.STATUS_REMINDER_POSTED, null, "Status-update reminder in "
        + described(incidentId, ref));
  }

  static String reminder(String incidentId, String title, String severity, String cadence) {
    return "Status update due for " + incidentId + " [" + severity + "] " + (title == null ? "" : title) + ".\n"
        + "IR lead: post what is known, what is contained, what is next and who does it."
        + (cadence == null ? "" : " Next update due in " + cadence + ".");
  }

  /** The room the process kept a reference to, else the incident's room in the chat. */
  private static WarRoomRef warRoomOf(ChatChannel chat, String incidentId, String knownRef) {
    return Optional.ofNullable(knownRef).map(WarRoomRef::new).or(() -> chat.findWarRoom(incidentId))
        .orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no war room"));
  }
}
