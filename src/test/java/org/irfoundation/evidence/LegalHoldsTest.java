package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.irfoundation.engine.Raci;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.evidence.LegalHolds.Hold;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The legal_hold table on H2 and PostgreSQL: one hold per incident, placed once, released once, placed anew. */
class LegalHoldsTest {

  static final String INCIDENT = "INC-2026-0101";
  static final Instant PLACED = Instant.parse("2026-05-04T10:00:00Z");
  static final List<String> CUSTODIANS = List.of("ir-analyst", "legal", "counsel@lawfirm.example");

  final IncidentLifecycle timeline = mock(IncidentLifecycle.class);
  final Raci raci = mock(Raci.class);
  final SystemContext system = mock(SystemContext.class);

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aHoldIsPlacedOnceReleasedOnceAndMayBePlacedAnew(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.insertIncident(INCIDENT);
      LegalHolds holds = new LegalHolds(db.jdbc, timeline, raci, system);
      ClockUtil.setCurrentTime(java.util.Date.from(PLACED));
      assertThat(holds.inPlace(INCIDENT)).isFalse();
      assertThat(holds.find(INCIDENT)).isEmpty();

      assertThat(holds.place(INCIDENT, "insider indicators", CUSTODIANS, "process:evidence-collection")).isTrue();
      assertThat(holds.place(INCIDENT, "a second collection", List.of("it-operations"), "someone")).isFalse();

      Hold placed = holds.find(INCIDENT).orElseThrow();
      assertThat(placed).isEqualTo(new Hold(INCIDENT, PLACED, "process:evidence-collection", "insider indicators",
          CUSTODIANS, null, null, null));
      assertThat(placed.groups()).containsExactly("ir-analyst", "legal");
      assertThat(placed.addresses()).containsExactly("counsel@lawfirm.example");
      assertThat(holds.inPlace(INCIDENT)).isTrue();
      verify(timeline).recordEvent(INCIDENT, TimelineEvent.LEGAL_HOLD_PLACED, "process:evidence-collection",
          "Legal hold: insider indicators. Custodians: ir-analyst, legal, counsel@lawfirm.example");

      ClockUtil.setCurrentTime(java.util.Date.from(PLACED.plusSeconds(86_400)));
      assertThat(holds.release(INCIDENT, "claim settled", "lena")).isTrue();
      assertThat(holds.release(INCIDENT, "again", "lena")).isFalse();
      Hold released = holds.find(INCIDENT).orElseThrow();
      assertThat(released.active()).isFalse();
      assertThat(released.releasedAt()).isEqualTo(PLACED.plusSeconds(86_400));
      assertThat(released.releasedBy()).isEqualTo("lena");
      assertThat(released.releaseReason()).isEqualTo("claim settled");
      assertThat(holds.inPlace(INCIDENT)).isFalse();
      verify(timeline).recordEvent(INCIDENT, TimelineEvent.LEGAL_HOLD_RELEASED, "lena",
          "Legal hold released: claim settled");

      assertThat(holds.place(INCIDENT, "a new claim", List.of("legal"), "process:evidence-collection")).isTrue();
      assertThat(holds.find(INCIDENT).orElseThrow()).extracting(Hold::reason, Hold::custodians, Hold::releasedAt,
          Hold::releasedBy).containsExactly("a new claim", List.of("legal"), null, null);
      verify(timeline, times(2)).recordEvent(eq(INCIDENT), eq(TimelineEvent.LEGAL_HOLD_PLACED), any(), anyString());
      assertThat(db.count("legal_hold")).isOne();

      assertThatThrownBy(() -> holds.place("INC-1999-0001", "x", List.of("legal"), null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no incident INC-1999-0001");
    }
  }

  @Test
  void theCustodiansAreTheCollectorsLegalAndNamedAddressesWithoutRepeats() {
    assertThat(LegalHolds.custodians("ir-analyst, legal", " counsel@lawfirm.example,ciso@acme.example ,"))
        .containsExactly("ir-analyst", "legal", "counsel@lawfirm.example", "ciso@acme.example");
    assertThat(LegalHolds.custodians("it-operations", null)).containsExactly("it-operations", "legal");
    assertThatThrownBy(() -> LegalHolds.custodians("legal", "counsel@lawfirm"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'counsel@lawfirm' is no e-mail address");
  }

  @Test
  void whoReleasesIsTheRacisResponsibleForTheReview() {
    when(system.call(any())).thenAnswer(call -> call.getArgument(0, Supplier.class).get());
    when(raci.responsible(LegalHoldApi.RACI_RELEASE)).thenReturn("legal");
    assertThat(new LegalHolds(null, timeline, raci, system).releasers()).isEqualTo("legal");
  }
}
