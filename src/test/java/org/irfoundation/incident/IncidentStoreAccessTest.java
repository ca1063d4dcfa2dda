package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentAccess.Viewer;
import org.irfoundation.incident.IncidentTeam.Principal;
import org.irfoundation.incident.IncidentTeam.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The need-to-know rule as the list's SQL applies it, on H2 and on PostgreSQL. */
class IncidentStoreAccessTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theListHoldsWhatEachViewerMaySee(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      IncidentStore store = new IncidentStore(db.jdbc);
      insert(store, "INC-2026-0001", false);
      insert(store, "INC-2026-0002", true);
      insert(store, "INC-2026-0003", false);
      for (String id : List.of("INC-2026-0001", "INC-2026-0002")) {
        store.addToTeam(id, Principal.GROUP, Roles.IR_ANALYST, Reason.ENGAGED, null);
        store.addToTeam(id, Principal.USER, "worker", Reason.WORKED, null);
        store.addToTeam(id, Principal.USER, "named", Reason.NAMED, "lead");
      }
      assertThat(store.addToTeam("INC-2026-0001", Principal.USER, "named", Reason.NAMED, "lead")).isFalse();

      assertThat(ids(store, new Viewer("lead", Set.of(Roles.IR_LEAD))))
          .containsExactly("INC-2026-0003 full", "INC-2026-0002 full", "INC-2026-0001 full");
      assertThat(ids(store, new Viewer("analyst", Set.of(Roles.IR_ANALYST)))).containsExactly("INC-2026-0001 full");
      assertThat(ids(store, new Viewer("worker", Set.of()))).containsExactly("INC-2026-0001 full");
      assertThat(ids(store, new Viewer("named", Set.of()))).containsExactly("INC-2026-0002 full", "INC-2026-0001 full");
      assertThat(ids(store, new Viewer("owner", Set.of(Roles.IR_PROGRAM_OWNER))))
          .containsExactly("INC-2026-0003 full", "INC-2026-0001 full");
      assertThat(ids(store, new Viewer("reporter", Set.of())))
          .containsExactly("INC-2026-0003 reporter", "INC-2026-0002 reporter", "INC-2026-0001 reporter");
      assertThat(ids(store, new Viewer("someone", Set.of(Roles.LEGAL)))).isEmpty();
      assertThat(store.count(new Viewer("named", Set.of()), null)).isEqualTo(2);
      assertThat(store.count(new Viewer("named", Set.of()), Incident.CLOSED)).isZero();

      assertThat(store.restrict("INC-2026-0001", true)).isTrue();
      assertThat(store.restrict("INC-2026-0001", true)).isFalse();
      assertThat(ids(store, new Viewer("analyst", Set.of(Roles.IR_ANALYST)))).isEmpty();
      assertThat(store.removeFromTeam("INC-2026-0001", Principal.USER, "named", Reason.NAMED)).isTrue();
      assertThat(ids(store, new Viewer("named", Set.of()))).containsExactly("INC-2026-0002 full");
    }
  }

  private static List<String> ids(IncidentStore store, Viewer viewer) {
    return store.list(viewer, null, 0, 50).stream()
        .map(l -> l.incident().id() + (l.full() ? " full" : " reporter")).toList();
  }

  private static void insert(IncidentStore store, String id, boolean restricted) {
    Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(Long.parseLong(id.substring(9)));
    store.insert(new Incident(id, "Title " + id, null, "MALWARE", null, at, at, at, "reporter", "test", null, null,
        null, null, Incident.OPEN, null, null, "{}", "reporter", restricted));
  }
}
