package org.irfoundation.rollout;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.evidence.EvidenceProperties;
import org.irfoundation.rollout.TrainingRecords.Attempt;
import org.springframework.stereotype.Service;

/**
 * Issues the certificate of a member's passed training: a PDF ({@link CertificatePdf}) stored as a week-3
 * deliverable with its SHA-256, named on the attempt. Once per passed attempt: a retried job returns the
 * certificate issued already.
 */
@Service
public class TrainingCertificates {

  public static final int WEEK = 3;
  static final String ISSUED_BY = "process:" + RolloutApi.PROCESS_KEY;
  static final String PDF = "application/pdf";

  private final TrainingRecords records;
  private final RolloutStore rollouts;
  private final Deliverables deliverables;
  private final IdentityService identityService;
  private final TrainingProperties properties;
  private final EvidenceProperties evidence;

  public TrainingCertificates(TrainingRecords records, RolloutStore rollouts, Deliverables deliverables,
      IdentityService identityService, TrainingProperties properties, EvidenceProperties evidence) {
    this.records = records;
    this.rollouts = rollouts;
    this.deliverables = deliverables;
    this.identityService = identityService;
    this.properties = properties;
    this.evidence = evidence;
  }

  /** The certificate of the member's last passed attempt, issued now unless it was already. */
  public Deliverable issue(String rolloutId, String userId) {
    Attempt attempt = records.lastPassed(rolloutId, userId).orElseThrow(() -> new IllegalStateException(
        userId + " has not passed the training of rollout " + rolloutId + ": no certificate to issue"));
    if (attempt.certificateId() != null) {
      return rollouts.deliverable(rolloutId, attempt.certificateId()).orElseThrow(() -> new IllegalStateException(
          "the certificate " + attempt.certificateId() + " of " + userId + " is not among the deliverables"));
    }
    Rollout rollout = rollouts.find(rolloutId)
        .orElseThrow(() -> new IllegalStateException("no rollout " + rolloutId));
    byte[] pdf = CertificatePdf.render(new CertificatePdf.Content(rollout.organisation(), rolloutId,
        displayName(userId), userId, RolloutTraining.roleName(attempt.role()), attempt.scorePercent(),
        properties.passMark(), attempt.attempt(), LocalDate.ofInstant(attempt.takenAt(), evidence.zone())));
    Deliverable certificate = deliverables.store(rolloutId, WEEK, "Training certificate: " + userId,
        "training-certificate-" + rolloutId + "-" + userId + ".pdf", PDF, new ByteArrayInputStream(pdf), ISSUED_BY);
    if (!records.certificate(rolloutId, userId, attempt.attempt(), certificate.id())) {
      // issued meanwhile by another run: this transaction rolls back, the first certificate stands
      throw new IllegalStateException("the certificate of " + userId + " for " + rolloutId + " was issued meanwhile");
    }
    return certificate;
  }

  /** First and last name of the Camunda user, else the user id. */
  String displayName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName()))
        .trim();
    return name.isEmpty() ? userId : name;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.trim();
  }
}
