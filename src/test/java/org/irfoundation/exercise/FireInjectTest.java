package org.irfoundation.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.irfoundation.chat.WarRoomRef;
import org.irfoundation.chat.WarRoomService;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.exercise.Scenario.Mode;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.intake.AlertReport;
import org.irfoundation.intake.IncidentIntake;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * One inject of each kind: the war room reads it first, then its alert (with the exercise's own fingerprint) goes
 * through the intake, its facts onto the incident's running processes and its message to them.
 */
class FireInjectTest {

  static final String SCENARIO = """
      id: drill
      title: A drill
      incident: {title: Drill, category: MALWARE}
      injects:
        - id: everything
          at: PT2H
          title: Everything at once
          description: The EDR, a fact and a message.
          alert: {fingerprint: edr-1, title: EDR alert, category: MALWARE, indicators: {lateralMovement: true}}
          facts: {backupsIntact: "no", hostsAffected: 12}
          message: {name: DrillMessage, variables: {source: facilitator}}
      """;

  @Test
  @SuppressWarnings("unchecked")
  void anInjectOfEachKindReachesTheWarRoomTheIntakeAndTheRunningProcesses() {
    List<String> errors = new ArrayList<>();
    Scenario scenario = Scenarios.read("drill.yaml", new StringReader(SCENARIO), ScenariosTest.JSON,
        ScenariosTest.VALIDATOR, errors);
    assertThat(errors).isEmpty();
    ExerciseStore store = mock(ExerciseStore.class);
    Scenarios scenarios = mock(Scenarios.class);
    IncidentIntake intake = mock(IncidentIntake.class);
    IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
    WarRoomService warRoom = mock(WarRoomService.class);
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    SystemContext system = mock(SystemContext.class);
    when(system.call(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
    Exercise exercise = new Exercise("EX-2026-0003", "drill", Mode.TECHNICAL, 6, "INC-2026-0042", null, "pi",
        Instant.parse("2026-06-01T09:00:00Z"), "lena", null, List.of("lena"));
    when(store.find("EX-2026-0003")).thenReturn(Optional.of(exercise));
    when(scenarios.of(exercise)).thenReturn(scenario);
    ProcessInstance running = mock(ProcessInstance.class);
    when(running.getId()).thenReturn("pi-1");
    when(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2026-0042").active().list())
        .thenReturn(List.of(running));
    when(warRoom.find("INC-2026-0042")).thenReturn(Optional.empty());
    ExerciseConduct conduct = new ExerciseConduct(store, scenarios, intake, mock(IncidentTeam.class),
        mock(Incidents.class), lifecycle, warRoom, runtime, mock(HistoryService.class), system);

    // due at the start, before the incident's own process opened its war room: nothing happens, retried soon
    assertThatThrownBy(() -> conduct.fireInject("EX-2026-0003", "everything"))
        .isInstanceOf(ExerciseConduct.WarRoomNotYetOpen.class);
    verifyNoInteractions(intake, lifecycle);
    when(warRoom.find("INC-2026-0042")).thenReturn(Optional.of(new WarRoomRef("WR-7")));

    conduct.fireInject("EX-2026-0003", "everything");

    InOrder order = inOrder(warRoom, intake);
    order.verify(warRoom).post(eq("INC-2026-0042"), isNull(), isNull(), isNull(),
        eq("[EXERCISE] Inject at 2 h of scenario time: Everything at once. The EDR, a fact and a message."), any());
    ArgumentCaptor<List<AlertReport>> alerts = ArgumentCaptor.forClass(List.class);
    order.verify(intake).receive(alerts.capture(), eq(ExerciseConduct.ACTOR));
    assertThat(alerts.getValue()).singleElement().satisfies(alert -> {
      assertThat(alert.fingerprint()).isEqualTo("EX-2026-0003:edr-1");
      assertThat(alert.indicators().lateralMovement()).isTrue();
    });
    verify(lifecycle).recordEvent("INC-2026-0042", TimelineEvent.EXERCISE_INJECT, ExerciseConduct.ACTOR,
        "everything: Everything at once");
    verify(runtime).setVariables("pi-1", Map.of("backupsIntact", "no", "hostsAffected", 12L));
    verify(runtime.createMessageCorrelation("DrillMessage").processInstanceBusinessKey("INC-2026-0042"))
        .setVariables(Map.of("source", "facilitator"));
    assertThat(exercise.clockTimeOf(scenario.inject("everything").at()))
        .isEqualTo(Instant.parse("2026-06-01T09:20:00Z"));
    assertThat(exercise.scenarioTimeOf(Instant.parse("2026-06-01T09:30:00Z"))).isEqualTo(Duration.ofHours(3));
  }
}
