package org.irfoundation.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.irfoundation.engine.FakeExecution;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.CommunicationTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open war room and post status reminder over the built-in war-room log. */
class ChatDelegatesTest {

  static final String INCIDENT = "INC-2026-0001";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final BuiltinWarRoomLog chat = new BuiltinWarRoomLog(db.jdbc);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final CommunicationTemplates templates = new CommunicationTemplates();
  final WarRoomService warRooms = new WarRoomService(chat, lifecycle, templates, mock(Incidents.class));
  final OpenWarRoomDelegate openWarRoom = new OpenWarRoomDelegate(warRooms, templates);
  final PostStatusReminderDelegate postStatusReminder = new PostStatusReminderDelegate(warRooms);

  ChatDelegatesTest() {
    db.insertIncident(INCIDENT);
  }

  @AfterEach
  void close() {
    db.close();
  }

  FakeExecution execution(String activityId) {
    return new FakeExecution(INCIDENT, activityId, "pi-1").with(Inputs.INCIDENT_ID.name(), INCIDENT)
        .with(Inputs.TITLE.name(), "Root key used from TOR").with(Decided.SEVERITY.name(), "P1")
        .with(Decided.STATUS_UPDATE_CADENCE.name(), "PT30M");
  }

  @Test
  void aSecondExecutionForTheSameIncidentOpensNoSecondWarRoom() {
    FakeExecution first = execution(Elements.TASK_OPEN_WAR_ROOM);
    openWarRoom.execute(first.execution);
    openWarRoom.execute(execution(Elements.TASK_OPEN_WAR_ROOM).execution);

    assertThat(db.count("war_room")).isOne();
    WarRoomRef room = chat.findWarRoom(INCIDENT).orElseThrow();
    assertThat(first.variables).containsEntry(Refs.WAR_ROOM_REF.name(), room.id());
    assertThat(db.jdbc.sql("select title from war_room").query(String.class).single())
        .isEqualTo("INC-2026-0001 [P1] Root key used from TOR");
    verify(lifecycle, times(1)).recordEvent(INCIDENT, TimelineEvent.WAR_ROOM_OPENED, null, "War room " + room + " opened");
  }

  @Test
  void theStatusReminderIsPostedToTheIncidentsWarRoom() {
    FakeExecution opened = execution(Elements.TASK_OPEN_WAR_ROOM);
    openWarRoom.execute(opened.execution);

    postStatusReminder.execute(execution(Elements.TASK_POST_STATUS_REMINDER)
        .with(Refs.WAR_ROOM_REF.name(), Refs.WAR_ROOM_REF.from(opened.variables)).execution);
    postStatusReminder.execute(execution(Elements.TASK_POST_STATUS_REMINDER).execution); // found by incident

    assertThat(db.jdbc.sql("select body from war_room_message").query(String.class).list()).hasSize(2)
        .allSatisfy(text -> assertThat(text).contains("Status update due for INC-2026-0001 [P1]",
            "Root key used from TOR", "what is known, what is contained, what is next", "PT30M"));
    verify(lifecycle, times(2)).recordEvent(INCIDENT, TimelineEvent.STATUS_REMINDER_POSTED, null,
        "Status-update reminder in " + Refs.WAR_ROOM_REF.from(opened.variables));
  }

  @Test
  void anIncidentWithoutWarRoomFailsTheReminderJob() {
    assertThatThrownBy(() -> postStatusReminder.execute(execution(Elements.TASK_POST_STATUS_REMINDER).execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no war room");
  }
}
