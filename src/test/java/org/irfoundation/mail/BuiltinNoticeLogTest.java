package org.irfoundation.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built-in notice log on both databases the app runs on. */
class BuiltinNoticeLogTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aNoticeIsLoggedOncePerIdempotencyKey(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident("INC-2026-0001");
      BuiltinNoticeLog notices = new BuiltinNoticeLog(db.jdbc);
      Notice engaged = new Notice("INC-2026-0001", List.of("ir-lead", "executive"), "[P1] engaged", "body",
          "INC-2026-0001:ENGAGED:Task_NotifyEngagedGroups:pi-1");

      notices.notify(engaged);
      notices.notify(engaged);
      notices.notify(new Notice("INC-2026-0001", List.of("ir-lead"), "[P1] other", "body", "another-key"));
      notices.notify(new Notice(null, List.of("ir-program-owner"), "Week 3 due", "body", "rollout-week-3"));

      assertThat(db.count("notice_log")).isEqualTo(3);
      assertThat(notices.find(engaged.idempotencyKey())).contains(engaged);
      assertThat(notices.find("never-sent")).isEmpty();
    }
  }

  @Test
  void aNoticeNeedsRecipientsAndAKey() {
    assertThatThrownBy(() -> new Notice("INC-1", List.of(), "s", "b", "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Notice("INC-1", List.of("ir-lead"), "s", "b", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
