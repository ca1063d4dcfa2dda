package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.OrganisationProfile;
import org.irfoundation.rollout.RolloutStore.Approval;
import org.springframework.stereotype.Service;

/**
 * Approvals that name what they approved as it was deployed then (the RACI, the IR plan's decisions and the
 * organisation's regimes, each playbook per reviewer), so that a later deployment is seen: the program shows it as
 * changed since approval and the week's gate asks for the approval again.
 */
@Service
public class Approvals {

  /** The organisation's regimes, approved with the IR plan (not a deployed definition). */
  public static final String REGIMES = "regimes";

  private final RolloutStore store;
  private final RepositoryService repository;
  private final OrganisationProfile profile;
  private final SystemContext system;

  public Approvals(RolloutStore store, RepositoryService repository, OrganisationProfile profile,
      SystemContext system) {
    this.store = store;
    this.repository = repository;
    this.profile = profile;
    this.system = system;
  }

  /** What is deployed now under a decision or process key (or the regimes), as an approval would name it. */
  public record Deployed(String key, String id, int version) {}

  /** Records {@code subject:key} for each key, naming what is deployed now. */
  public void approve(String rolloutId, String subject, List<String> keys, String comment, String by) {
    for (String key : keys) {
      Deployed now = deployed(key).orElseThrow(() -> new IllegalStateException("nothing deployed as " + key));
      store.approval(rolloutId, new Approval(subject + ":" + key, key, now.id(), now.version(), by,
          EngineClock.now(), comment));
    }
  }

  public List<Approval> of(String rolloutId) {
    return store.approvals(rolloutId);
  }

  public Optional<Approval> find(String rolloutId, String subject) {
    return store.approvals(rolloutId).stream().filter(a -> a.subject().equals(subject)).findFirst();
  }

  /** The approvals of {@code subjectPrefix} whose definition was deployed again since, as readable lines. */
  public List<String> changedSince(String rolloutId, String subjectPrefix) {
    List<String> changed = new ArrayList<>();
    for (Approval approval : store.approvals(rolloutId)) {
      if (!approval.subject().startsWith(subjectPrefix)) {
        continue;
      }
      deployed(approval.definitionKey()).filter(now -> !now.id().equals(approval.definitionId()))
          .ifPresent(now -> changed.add(approval.definitionKey() + (REGIMES.equals(now.key())
              ? ": approved " + approval.definitionId() + ", configured now " + now.id()
              : ": version " + approval.version() + " approved, version " + now.version() + " deployed now")));
    }
    return changed;
  }

  /** Whether the approval of {@code subject} names what is deployed now. */
  public boolean current(String rolloutId, String subject) {
    return find(rolloutId, subject).map(a -> deployed(a.definitionKey()).map(now -> now.id().equals(a.definitionId()))
        .orElse(false)).orElse(false);
  }

  public Optional<Deployed> deployed(String key) {
    if (REGIMES.equals(key)) {
      String regimes = profile.regimes().isEmpty() ? "none" : String.join(",",
          profile.regimes().stream().map(Enum::name).sorted().toList());
      return Optional.of(new Deployed(key, regimes, 0));
    }
    return system.call(() -> {
      DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      if (decision != null) {
        return Optional.of(new Deployed(key, decision.getId(), decision.getVersion()));
      }
      ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      return Optional.ofNullable(process).map(p -> new Deployed(key, p.getId(), p.getVersion()));
    });
  }
}
