package org.irfoundation.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built-in war-room log on both databases the app runs on. */
class BuiltinWarRoomLogTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anIncidentHasOneWarRoomWhereMessagesArePosted(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      BuiltinWarRoomLog chat = new BuiltinWarRoomLog(db.jdbc);
      assertThat(chat.findWarRoom("INC-2026-0001")).isEmpty();

      WarRoomRef room = chat.openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Root key used from TOR");
      assertThat(chat.openWarRoom("INC-2026-0001", "opened again by a retried job")).isEqualTo(room);
      chat.post(room, "Status update due");
      chat.post(room, "Keys rotated");

      assertThat(room.id()).matches("WR-\\d+");
      assertThat(chat.findWarRoom("INC-2026-0001")).contains(room);
      assertThat(db.jdbc.sql("select title from war_room").query(String.class).list())
          .containsExactly("INC-2026-0001 [P1] Root key used from TOR");
      assertThat(db.jdbc.sql("select body from war_room_message order by id").query(String.class).list())
          .containsExactly("Status update due", "Keys rotated");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void postingToAnUnknownOrForeignRoomIsRefused(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      BuiltinWarRoomLog chat = new BuiltinWarRoomLog(db.jdbc);
      assertThatThrownBy(() -> chat.post(new WarRoomRef("WR-999"), "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WR-999");
      assertThatThrownBy(() -> chat.post(new WarRoomRef("C024BE91L"), "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a built-in");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anExercisesWarRoomIsInTheSameLogWithTitleAndMessagesMarked(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      ChatChannel exercise = new BuiltinWarRoomLog(db.jdbc).forExercise(null);

      WarRoomRef room = exercise.openWarRoom("INC-2026-0001", "INC-2026-0001 [P1] Drill");
      exercise.post(room, "Hosts isolated");

      assertThat(new BuiltinWarRoomLog(db.jdbc).findWarRoom("INC-2026-0001")).contains(room);
      assertThat(exercise.target()).isEqualTo("the built-in war-room log");
      assertThat(db.jdbc.sql("select title from war_room").query(String.class).single())
          .isEqualTo("[EXERCISE] INC-2026-0001 [P1] Drill");
      assertThat(db.jdbc.sql("select body from war_room_message").query(String.class).single())
          .isEqualTo("[EXERCISE] Hosts isolated");
    }
  }
}
