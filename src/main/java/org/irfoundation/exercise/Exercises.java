package org.irfoundation.exercise;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.api.ApiProblems;
import org.irfoundation.api.ApiProblems.FieldProblem;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.exercise.ExerciseApi.Inputs;
import org.irfoundation.exercise.Scenario.Mode;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.rollout.Rollouts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts exercises and finds them: POST /api/exercises and the rollout's simulation weeks. */
@Service
public class Exercises {

  static final int MAX_COMPRESSION = 720; // a 30-day scenario in an hour

  /** What an exercise is started with; null mode: TABLETOP, null timeCompression: 1. */
  public record Start(String scenario, String mode, Integer timeCompression, List<String> participants,
      String rolloutId) {}

  private final ExerciseStore store;
  private final Scenarios scenarios;
  private final IncidentTeam team;
  private final RuntimeService runtimeService;
  private final SystemContext system;
  private final Rollouts rollouts;
  private final ExerciseConduct conduct;

  public Exercises(ExerciseStore store, Scenarios scenarios, IncidentTeam team, RuntimeService runtimeService,
      SystemContext system, Rollouts rollouts, ExerciseConduct conduct) {
    this.store = store;
    this.scenarios = scenarios;
    this.team = team;
    this.runtimeService = runtimeService;
    this.system = system;
    this.rollouts = rollouts;
    this.conduct = conduct;
  }

  /**
   * Checks the request (400 with every problem), records the exercise, reports its incident and starts its
   * {@code ir-exercise}, all or nothing.
   */
  @Transactional
  public Exercise start(Start request, String facilitator) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Scenario> scenario = scenarios.find(request.scenario());
    if (scenario.isEmpty()) {
      problems.add(new FieldProblem(Inputs.SCENARIO.name(), "'" + request.scenario() + "' is not a scenario; known: "
          + scenarios.all().stream().map(Scenario::id).toList()));
    }
    Mode mode = Mode.TABLETOP;
    if (request.mode() != null) {
      try {
        mode = Mode.valueOf(request.mode().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(Inputs.MODE.name(), "must be TABLETOP or TECHNICAL"));
      }
    }
    int compression = request.timeCompression() == null ? 1 : request.timeCompression();
    if (compression < 1 || compression > MAX_COMPRESSION) {
      problems.add(new FieldProblem(Inputs.TIME_COMPRESSION.name(), "must be 1 (real time) to " + MAX_COMPRESSION));
    }
    List<String> participants = new ArrayList<>(new LinkedHashSet<>(request.participants() == null ? List.of()
        : request.participants()));
    if (participants.isEmpty()) {
      problems.add(new FieldProblem("participants", "name at least one participant (user ids): mail of the exercise"
          + " goes to them only"));
    }
    for (String user : participants) {
      if (user == null || !team.userExists(user)) {
        problems.add(new FieldProblem("participants", "'" + user + "' is not a user"));
      }
    }
    if (request.rolloutId() != null && rollouts.find(request.rolloutId()).isEmpty()) {
      problems.add(new FieldProblem(Inputs.ROLLOUT_ID.name(), "'" + request.rolloutId() + "' is not a rollout"));
    }
    if (!problems.isEmpty()) {
      throw new ApiProblems.BadInput(problems);
    }
    Instant now = EngineClock.now();
    Exercise exercise = new Exercise(store.nextId(now.atZone(ZoneOffset.UTC).getYear()), scenario.get().id(), mode,
        compression, null, request.rolloutId(), null, now, facilitator, null, List.copyOf(participants));
    store.insert(exercise);
    // before the exercise's process: the intake starts the incident's own processes, which must not run inside it
    conduct.reportIncident(exercise.id());
    Map<String, Object> variables = new java.util.HashMap<>();
    Inputs.EXERCISE_ID.put(variables, exercise.id());
    Inputs.SCENARIO.put(variables, exercise.scenario());
    Inputs.MODE.put(variables, mode.name());
    Inputs.TIME_COMPRESSION.put(variables, compression);
    Inputs.FACILITATOR.put(variables, facilitator);
    String instance = system.call(() -> runtimeService.startProcessInstanceByKey(ExerciseApi.PROCESS_KEY,
        exercise.id(), variables).getId());
    store.processStarted(exercise.id(), instance);
    return find(exercise.id()).orElseThrow();
  }

  public Optional<Exercise> find(String id) {
    return store.find(id);
  }

  public Optional<Exercise> ofIncident(String incidentId) {
    return store.findByIncident(incidentId);
  }

  public List<Exercise> list() {
    return store.list();
  }

  public List<Exercise> ofRollout(String rolloutId) {
    return store.ofRollout(rolloutId);
  }

}
