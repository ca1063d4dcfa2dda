package org.irfoundation.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.irfoundation.chat.WarRoomService;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.RetryHint;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.exercise.Scenario.Inject;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.intake.AlertReport;
import org.irfoundation.intake.IncidentIntake;
import org.irfoundation.intake.IncidentReport;
import org.springframework.stereotype.Service;

/**
 * The steps of {@code ir-exercise}: report the scenario's incident as an exercise, fire an inject, stop what still
 * runs when the exercise is over.
 */
@Service
public class ExerciseConduct {

  static final String ACTOR = "exercise";

  private final ExerciseStore store;
  private final Scenarios scenarios;
  private final IncidentIntake intake;
  private final IncidentTeam team;
  private final Incidents incidents;
  private final IncidentLifecycle lifecycle;
  private final WarRoomService warRoom;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SystemContext system;

  public ExerciseConduct(ExerciseStore store, Scenarios scenarios, IncidentIntake intake, IncidentTeam team,
      Incidents incidents, IncidentLifecycle lifecycle, WarRoomService warRoom, RuntimeService runtimeService,
      HistoryService historyService, SystemContext system) {
    this.store = store;
    this.scenarios = scenarios;
    this.intake = intake;
    this.team = team;
    this.incidents = incidents;
    this.lifecycle = lifecycle;
    this.warRoom = warRoom;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.system = system;
  }

  /** An alert of a scenario carries the exercise's own fingerprint: it joins this run's incident only. */
  static String fingerprint(Exercise exercise, AlertReport alert) {
    return exercise.id() + ":" + alert.fingerprint();
  }

  private Exercise exercise(String exerciseId) {
    return store.find(exerciseId).orElseThrow(() -> new IllegalStateException("no exercise " + exerciseId));
  }


  /**
   * Reports the incident and names the participants on its team; once: the exercise id is the incident's external
   * reference, so a second call (the process's first step after the API reported it) finds it.
   */
  public Incident reportIncident(String exerciseId) {
    Exercise exercise = exercise(exerciseId);
    Scenario scenario = scenarios.of(exercise);
    IncidentReport given = scenario.incident();
    IncidentReport report = new IncidentReport(ExerciseRouting.mark(given.title()), given.description(),
        given.category(), given.domain(), exercise.startedAt(), null, given.reporter(), given.source(), exercise.id(),
        given.impact(), given.indicators(), given.dataSubjects(), given.affectedAssets(), given.affectedUsers(), given.restricted());
    List<String> fingerprints = scenario.injects().stream().filter(i -> i.alert() != null)
        .map(i -> fingerprint(exercise, i.alert())).toList();
    IncidentIntake.Reported reported = intake.reportExercise(report, exercise.startedBy(), fingerprints);
    String incidentId = reported.incident().id();
    if (!reported.created()) {
      return incidents.find(incidentId).orElseThrow();
    }
    store.incidentReported(exerciseId, incidentId);
    lifecycle.recordEvent(incidentId, TimelineEvent.EXERCISE_STARTED, exercise.startedBy(), "Exercise "
        + exercise.id() + ": scenario " + scenario.id() + ", " + exercise.mode() + ", time compressed "
        + exercise.timeCompression() + "x");
    for (String participant : exercise.participants()) {
      team.name(incidentId, participant, exercise.startedBy());
    }
    return incidents.find(incidentId).orElseThrow();
  }

  /**
   * Fires one inject: the war room reads it first (a failure there retries the job before anything else happened),
   * then its alert goes through the intake, its facts onto the incident's running processes, its message to them.
   */
  public void fireInject(String exerciseId, String injectId) {
    Exercise exercise = exercise(exerciseId);
    Inject inject = scenarios.of(exercise).inject(injectId);
    String incidentId = exercise.incidentId();
    String text = ExerciseRouting.mark("Inject at " + Scoring.human(inject.at()) + " of scenario time: "
        + inject.title()
        + (inject.description() == null ? "" : ". " + inject.description()));
    if (warRoom.find(incidentId).isEmpty()) {
      throw new WarRoomNotYetOpen(incidentId); // an inject at the start can be due before the room is open
    }
    warRoom.post(incidentId, null, null, null, text, Map.of());
    lifecycle.recordEvent(incidentId, TimelineEvent.EXERCISE_INJECT, ACTOR, inject.id() + ": " + inject.title());
    if (inject.alert() != null) {
      AlertReport alert = inject.alert();
      intake.receive(List.of(new AlertReport(fingerprint(exercise, alert), alert.source(), alert.category(),
          alert.title(), EngineClock.now(), alert.indicators(), (JsonNode) null)), ACTOR);
    }
    List<ProcessInstance> running = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(incidentId).active().list());
    if (!inject.facts().isEmpty()) {
      running.forEach(instance -> system.call(() -> {
        runtimeService.setVariables(instance.getId(), inject.facts());
        return null;
      }));
    }
    if (inject.message() != null) {
      system.call(() -> runtimeService.createMessageCorrelation(inject.message().name())
          .processInstanceBusinessKey(incidentId).setVariables(inject.message().variables())
          .correlateAllWithResult());
    }
  }

  /**
   * The exercise is over: the incident's processes that still run are cancelled (their open tasks with them), the
   * incident closed. Answers whether the incident had its post-incident review.
   */
  public boolean stopIncident(String exerciseId, String endedBy) {
    String incidentId = exercise(exerciseId).incidentId();
    List<ProcessInstance> running = system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(incidentId).rootProcessInstances().list());
    for (ProcessInstance instance : running) {
      if (!isReview(instance)) {
        system.call(() -> {
          runtimeService.deleteProcessInstanceIfExists(instance.getId(), "the exercise " + exerciseId + " ended",
              false, true, false, false);
          return null;
        });
      }
    }
    lifecycle.recordEvent(incidentId, TimelineEvent.EXERCISE_ENDED, endedBy, running.isEmpty()
        ? "Exercise " + exerciseId + " ended with the incident's response"
        : "Exercise " + exerciseId + " ended by the facilitator; what still ran was cancelled");
    lifecycle.close(incidentId);
    store.ended(exerciseId, EngineClock.now()); // the expectations not met by now are not done
    return system.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ExerciseApi.REVIEW_PROCESS_KEY).processInstanceBusinessKey(incidentId).count() > 0);
  }

  /** The inject waits a few seconds for the incident's war room, which its own process opens. */
  static final class WarRoomNotYetOpen extends IllegalStateException implements RetryHint {
    WarRoomNotYetOpen(String incidentId) {
      super("incident " + incidentId + " has no war room yet: the inject is fired again in 10 s");
    }

    @Override
    public Instant retryNotBefore() {
      return EngineClock.now().plusSeconds(10);
    }
  }

  private boolean isReview(ProcessInstance instance) {
    return instance.getProcessDefinitionId().startsWith(ExerciseApi.REVIEW_PROCESS_KEY + ":");
  }
}
