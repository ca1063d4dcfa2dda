package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irfoundation.rollout.TrainingRecords.Attempt;
import org.springframework.stereotype.Component;

/**
 * The week-3 gate: every team member has passed the training (score at or above the pass mark), and every one who
 * passed has a certificate stored whose bytes still match its SHA-256.
 */
@Component
public class TrainingGate implements WeekGate {

  static final String TRAINED = "Members trained and passed";
  static final String CERTIFICATES = "Certificates stored";

  private final RolloutTraining training;
  private final TrainingRecords records;
  private final RolloutStore rollouts;
  private final Deliverables deliverables;
  private final TrainingProperties properties;

  public TrainingGate(RolloutTraining training, TrainingRecords records, RolloutStore rollouts,
      Deliverables deliverables, TrainingProperties properties) {
    this.training = training;
    this.records = records;
    this.rollouts = rollouts;
    this.deliverables = deliverables;
    this.properties = properties;
  }

  @Override
  public int week() {
    return TrainingCertificates.WEEK;
  }

  @Override
  public List<GateMetric> measure(Rollout rollout) {
    List<String> members = training.members(rollout.id());
    Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
    members.forEach(member -> attempts.put(member, new ArrayList<>()));
    records.of(rollout.id()).stream().filter(a -> attempts.containsKey(a.userId()))
        .forEach(a -> attempts.get(a.userId()).add(a));

    List<Attempt> passed = new ArrayList<>();
    List<String> notPassed = new ArrayList<>();
    attempts.forEach((member, tries) -> {
      Optional<Attempt> pass = tries.stream().filter(Attempt::passed).reduce((first, later) -> later);
      pass.ifPresentOrElse(passed::add, () -> notPassed.add(tries.isEmpty() ? member + " (not taken yet)"
          : member + " (last score " + tries.get(tries.size() - 1).scorePercent() + " %)"));
    });
    String target = "100 % (pass mark " + properties.passMark() + " %)";
    String measured = passed.size() + " of " + members.size();
    GateMetric trained = members.isEmpty()
        ? GateMetric.unmet(TRAINED, target, measured, "the rollout has no team members to train")
        : notPassed.isEmpty() ? GateMetric.met(TRAINED, target, measured)
        : GateMetric.unmet(TRAINED, target, measured, "not passed yet: " + String.join(", ", notPassed));

    List<String> missing = new ArrayList<>();
    for (Attempt pass : passed) {
      Optional<Deliverable> certificate = Optional.ofNullable(pass.certificateId())
          .flatMap(id -> rollouts.deliverable(rollout.id(), id));
      if (certificate.isEmpty()) {
        missing.add(pass.userId() + " (none stored)");
      } else if (!deliverables.intact(certificate.get())) {
        missing.add(pass.userId() + " (its stored bytes no longer match the SHA-256)");
      }
    }
    String certificateTarget = "one per member who passed, stored with its SHA-256";
    String certificatesMeasured = (passed.size() - missing.size()) + " of " + passed.size();
    GateMetric certificates = missing.isEmpty()
        ? GateMetric.met(CERTIFICATES, certificateTarget, certificatesMeasured)
        : GateMetric.unmet(CERTIFICATES, certificateTarget, certificatesMeasured,
            "no intact certificate for " + String.join(", ", missing));
    return List.of(trained, certificates);
  }
}
