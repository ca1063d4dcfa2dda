package org.irfoundation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built-in ticket log on both databases the app runs on. */
class BuiltinTicketLogTest {

  static final TicketRequest REQUEST = new TicketRequest("INC-2026-0001", "Root key used from TOR", "P1",
      "COMPROMISED_ACCOUNT");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anIncidentHasOneTicketHoweverOftenItIsOpened(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
      assertThat(tickets.findByIncident("INC-2026-0001")).isEmpty();

      TicketRef first = tickets.open(REQUEST);
      TicketRef again = tickets.open(REQUEST);

      assertThat(first.id()).matches("IRF-\\d+");
      assertThat(again).isEqualTo(first);
      assertThat(tickets.findByIncident("INC-2026-0001")).contains(first);
      assertThat(db.count("ticket_log")).isOne();
      assertThat(tickets.status(first)).contains("OPEN");
      assertThat(db.jdbc.sql("select title, severity, category from ticket_log").query().singleRow())
          .containsValues("Root key used from TOR", "P1", "COMPROMISED_ACCOUNT");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aTicketTakesCommentsAndClosesOnce(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
      TicketRef ref = tickets.open(REQUEST);

      tickets.comment(ref, "Access keys rotated");
      tickets.close(ref, "Contained and recovered");
      Object closedAt = db.jdbc.sql("select closed_at from ticket_log").query().singleValue();
      tickets.close(ref, "closed again by a retried job");

      assertThat(db.jdbc.sql("select body from ticket_comment").query(String.class).list())
          .containsExactly("Access keys rotated");
      assertThat(tickets.status(ref)).contains("CLOSED");
      assertThat(db.jdbc.sql("select resolution from ticket_log").query(String.class).single())
          .isEqualTo("Contained and recovered");
      assertThat(db.jdbc.sql("select closed_at from ticket_log").query().singleValue()).isEqualTo(closedAt);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void unknownAndForeignReferencesAreRefused(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
      assertThatThrownBy(() -> tickets.comment(new TicketRef("IRF-999"), "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IRF-999");
      assertThatThrownBy(() -> tickets.close(new TicketRef("IRF-999"), "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IRF-999");
      assertThatThrownBy(() -> tickets.close(new TicketRef("SEC-12"), "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a built-in");
      assertThat(tickets.status(new TicketRef("IRF-999"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void anExercisesTicketIsInTheSameLogWithTitleCommentsAndResolutionMarked(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      TicketSystem exercise = new BuiltinTicketLog(db.jdbc).forExercise(null);

      TicketRef ref = exercise.open(REQUEST);
      exercise.comment(ref, "Backups checked");
      exercise.close(ref, "Drill over");

      assertThat(new BuiltinTicketLog(db.jdbc).findByIncident("INC-2026-0001")).contains(ref);
      assertThat(exercise.target()).isEqualTo("the built-in ticket log");
      assertThat(db.jdbc.sql("select title, resolution from ticket_log").query().singleRow())
          .containsValues("[EXERCISE] Root key used from TOR", "[EXERCISE] Drill over");
      assertThat(db.jdbc.sql("select body from ticket_comment").query(String.class).single())
          .isEqualTo("[EXERCISE] Backups checked");
    }
  }
}
