package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@code improvement_action} table (V13) on H2 and PostgreSQL: each filter of the list, and done once. */
class ImprovementStoreTest {

  static final String INCIDENT = "INC-2026-0042";
  static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void listsByStatusAndWhatTheLessonChangesAndRecordsDoneOnce(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident(INCIDENT);
      ImprovementStore store = new ImprovementStore(db.jdbc);
      store.insert(action("L1", Improvement.PLAYBOOK, "playbook-malware-ransomware", "2026-04-15"), "lead");
      store.insert(action("L2", Improvement.TRAINING, null, "2026-03-20"), "lead");
      store.insert(action("L3", Improvement.PLAYBOOK, "playbook-data-breach", "2026-05-01"), "lead");
      assertThat(store.countOf(INCIDENT)).isEqualTo(3);

      assertThat(store.list(null, null, null)).extracting(r -> r.improvement().id())
          .containsExactly(INCIDENT + "-L2", INCIDENT + "-L1", INCIDENT + "-L3");
      assertThat(store.list(null, Improvement.PLAYBOOK, "playbook-malware-ransomware"))
          .extracting(r -> r.improvement().id()).containsExactly(INCIDENT + "-L1");

      Instant doneAt = Instant.parse("2026-03-10T12:00:00Z");
      assertThat(store.done(INCIDENT + "-L2", doneAt, "lena", "Module added")).isTrue();
      assertThat(store.done(INCIDENT + "-L2", doneAt.plusSeconds(60), "arno", "again")).isFalse();
      assertThat(store.list(Improvement.OPEN, null, null)).extracting(r -> r.improvement().id())
          .containsExactly(INCIDENT + "-L1", INCIDENT + "-L3");
      ImprovementStore.Row done = store.find(INCIDENT + "-L2").orElseThrow();
      assertThat(done.improvement()).isEqualTo(new Improvement(INCIDENT + "-L2", INCIDENT, "Lesson L2",
          Improvement.TRAINING, null, "lena", LocalDate.parse("2026-03-20"), Improvement.DONE, CREATED, doneAt,
          "Module added"));
      assertThat(done.doneBy()).isEqualTo("lena");
      assertThat(done.createdBy()).isEqualTo("lead");

      store.processStarted(INCIDENT + "-L1", "pi-1");
      assertThat(store.ofIncident(INCIDENT)).extracting(ImprovementStore.Row::processInstanceId)
          .containsExactly(null, "pi-1", null);
    }
  }

  private static Improvement action(String n, String kind, String ref, String due) {
    return new Improvement(INCIDENT + "-" + n, INCIDENT, "Lesson " + n, kind, ref, "lena", LocalDate.parse(due),
        Improvement.OPEN, CREATED, null, null);
  }
}
