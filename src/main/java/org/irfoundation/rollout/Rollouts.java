package org.irfoundation.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts rollout programs and finds them. */
@Service
public class Rollouts {

  private final RolloutStore store;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final SystemContext system;

  public Rollouts(RolloutStore store, RuntimeService runtimeService, IdentityService identityService,
      SystemContext system) {
    this.store = store;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.system = system;
  }

  /** A request to start one: who sponsors and owns it (Camunda user ids) and when week 1 starts. */
  public record Start(String organisation, String sponsor, String programOwner, LocalDate startDate) {}

  /** Thrown for a start request that names no such user; nothing is stored. */
  public static class UnknownUserException extends RuntimeException {
    public UnknownUserException(String field, String userId) {
      super(field + " '" + userId + "' is not a user of this IR Foundation");
    }
  }

  @Transactional
  public Rollout start(Start start, String actor) {
    requireUser(Inputs.SPONSOR.name(), start.sponsor());
    requireUser(Inputs.PROGRAM_OWNER.name(), start.programOwner());
    Instant now = EngineClock.now();
    String id = store.nextId(now.atZone(ZoneOffset.UTC).getYear());
    Rollout rollout = new Rollout(id, start.organisation().trim(), start.sponsor(), start.programOwner(),
        start.startDate(), null, now, actor);
    store.insert(rollout);
    Map<String, Object> variables = new HashMap<>();
    Inputs.ROLLOUT_ID.put(variables, id);
    Inputs.ORGANISATION.put(variables, rollout.organisation());
    Inputs.SPONSOR.put(variables, start.sponsor());
    Inputs.PROGRAM_OWNER.put(variables, start.programOwner());
    Inputs.START_DATE.put(variables, start.startDate().toString());
    String instance = system.call(() -> runtimeService.createProcessInstanceByKey(RolloutApi.PROCESS_KEY)
        .businessKey(id).setVariables(variables).execute().getId());
    store.processStarted(id, instance);
    return store.find(id).orElseThrow();
  }

  /**
   * A rollout started from Tasklist's start form: records it now, under the id the instance takes as its business
   * key. An unknown user refuses the start with the field it was given in; nothing is kept.
   */
  @Transactional
  public Rollout registerStarted(Start start, String actor, String processInstanceId) {
    requireUserOrRefuse(Inputs.SPONSOR.name(), start.sponsor());
    requireUserOrRefuse(Inputs.PROGRAM_OWNER.name(), start.programOwner());
    Instant now = EngineClock.now();
    String id = store.nextId(now.atZone(ZoneOffset.UTC).getYear());
    store.insert(new Rollout(id, start.organisation().trim(), start.sponsor(), start.programOwner(),
        start.startDate(), null, now, actor));
    store.processStarted(id, processInstanceId);
    return store.find(id).orElseThrow();
  }

  private void requireUserOrRefuse(String field, String userId) {
    try {
      requireUser(field, userId);
    } catch (UnknownUserException e) {
      throw org.irfoundation.engine.FormRefusal.of(field, e.getMessage());
    }
  }

  public Optional<Rollout> find(String id) {
    return store.find(id);
  }

  public java.util.List<String> ids() {
    return store.ids();
  }

  private void requireUser(String field, String userId) {
    boolean exists = userId != null && system.call(() ->
        identityService.createUserQuery().userId(userId).count() == 1);
    if (!exists) {
      throw new UnknownUserException(field, userId);
    }
  }
}
