package org.irfoundation.mail;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Incidents;
import org.springframework.stereotype.Component;

/**
 * Who an exercise's notices go to: the participants, i.e. the users the exercise named on the incident's team, by
 * their Camunda e-mail addresses. Group members and configured addresses are production's and are not asked.
 */
@Component
public class ExerciseParticipants {

  private final Incidents incidents;
  private final IdentityService identityService;
  private final SystemContext system;

  public ExerciseParticipants(Incidents incidents, IdentityService identityService, SystemContext system) {
    this.incidents = incidents;
    this.identityService = identityService;
    this.system = system;
  }

  /** The named users' addresses, in the order they were named; users without one are left out. */
  public List<String> addresses(String incidentId) {
    List<String> addresses = new ArrayList<>();
    for (String userId : incidents.team(incidentId).named()) {
      // the notice may be sent while a responder completes a task: their rights do not limit who is looked up
      User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()
          && !addresses.contains(user.getEmail().trim())) {
        addresses.add(user.getEmail().trim());
      }
    }
    return addresses;
  }
}
