package org.irfoundation.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Rollouts and team members for the week-3 tests on the shared Spring context (ids no other test uses). */
final class TrainingFixture {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TrainingFixture() {}

  /** A new rollout of {@code organisation} in year {@code year} (each test class its own year). */
  static String rollout(RolloutStore rollouts, int year, String organisation) {
    String id = String.format("RO-%d-%04d", year, NEXT.incrementAndGet());
    rollouts.insert(new Rollout(id, organisation, "sponsor", "owner", LocalDate.of(2026, 3, 2), null,
        Instant.now(), "test"));
    return id;
  }

  static void member(RolloutStore rollouts, String rolloutId, String userId, String... roles) {
    for (String role : roles) {
      rollouts.member(rolloutId, userId, role, Instant.now());
    }
  }

  /** A Camunda user with a name, unless it exists. */
  static void user(IdentityService identityService, String id, String firstName, String lastName) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword("Training-pw-2026!");
      identityService.saveUser(user);
    }
  }
}
