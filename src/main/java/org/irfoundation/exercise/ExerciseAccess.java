package org.irfoundation.exercise;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Roles;
import org.springframework.stereotype.Component;

/**
 * Who runs and sees exercises: the IR lead, the program owner and administrators start them and see all; a
 * participant sees the exercises they take part in. Anyone else: not found.
 */
@Component
public class ExerciseAccess {

  static final Set<String> RUN = Set.of(Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER, Roles.CAMUNDA_ADMIN);

  public static class NotFound extends RuntimeException {
    public NotFound(String id) {
      super("no exercise " + id);
    }

    /** The exercise is there, what was asked of it is not (yet). */
    public NotFound(String id, String what) {
      super("exercise " + id + " " + what);
    }
  }

  public static class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
      super(message);
    }
  }

  private final Exercises exercises;
  private final IdentityService identityService;
  private final SystemContext system;

  public ExerciseAccess(Exercises exercises, IdentityService identityService, SystemContext system) {
    this.exercises = exercises;
    this.identityService = identityService;
    this.system = system;
  }

  public void mayRun(String userId) {
    if (!runs(userId)) {
      throw new NotAllowed("only the IR lead, a program owner or an administrator runs an exercise");
    }
  }

  public boolean runs(String userId) {
    return groups(userId).stream().anyMatch(RUN::contains);
  }

  public Exercise readable(String id, String userId) {
    Exercise exercise = exercises.find(id).orElseThrow(() -> new NotFound(id));
    if (!sees(exercise, userId)) {
      throw new NotFound(id);
    }
    return exercise;
  }

  public boolean sees(Exercise exercise, String userId) {
    return exercise.participants().contains(userId) || userId.equals(exercise.startedBy()) || runs(userId);
  }

  private Set<String> groups(String userId) {
    return system.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet()));
  }
}
