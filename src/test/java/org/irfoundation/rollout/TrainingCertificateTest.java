package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.engine.FakeExecution;
import org.irfoundation.evidence.EvidenceProperties;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The certificate of a passed training: a PDF that names the member, their role, the organisation, the score and the
 * rollout (read back with PDFBox), stored as a week-3 deliverable whose size and SHA-256 are those of the stored
 * bytes, and issued once per passed attempt however often the job runs.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingCertificateTest {

  static final String DPO = "tc.zoe";

  @Autowired TrainingCertificates certificates;
  @Autowired IssueCertificateDelegate delegate;
  @Autowired TrainingRecords records;
  @Autowired RolloutStore rollouts;
  @Autowired Deliverables deliverables;
  @Autowired IdentityService identityService;
  @Autowired EvidenceProperties evidence;

  @BeforeAll
  void users() {
    TrainingFixture.user(identityService, DPO, "Zoë", "Łukasiewicz");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isOne();
      return new PDFTextStripper().getText(document);
    }
  }

  byte[] stored(Deliverable deliverable) throws IOException {
    try (InputStream in = deliverables.open(deliverable)) {
      return in.readAllBytes();
    }
  }

  @Test
  void thePdfNamesMemberRoleOrganisationScoreAndRolloutAndIsStoredWithItsHash() throws Exception {
    String rolloutId = TrainingFixture.rollout(rollouts, 9302, "Acme Bank AG");
    Instant takenAt = Instant.parse("2026-03-18T09:30:00Z");
    records.record(rolloutId, DPO, Roles.PRIVACY_OFFICER, 64, false, takenAt.minusSeconds(3600));
    records.record(rolloutId, DPO, Roles.PRIVACY_OFFICER, 92, true, takenAt);

    Deliverable certificate = certificates.issue(rolloutId, DPO);

    byte[] pdf = stored(certificate);
    String text = text(pdf);
    assertThat(text).contains("Certificate of incident-response training", "Zoë Łukasiewicz", "(user tc.zoe)",
        "Acme Bank AG", "Role module: Privacy officer (DPO)", "Score 92 % (pass mark 80 %), attempt 2",
        "rollout " + rolloutId + " (week 3)", "Fundamentals: incident lifecycle",
        "Date: " + LocalDate.ofInstant(takenAt, evidence.zone()));
    assertThat(certificate.week()).isEqualTo(3);
    assertThat(certificate.name()).isEqualTo("Training certificate: " + DPO);
    assertThat(certificate.contentType()).isEqualTo("application/pdf");
    assertThat(certificate.fileName()).isEqualTo("training-certificate-" + rolloutId + "-" + DPO + ".pdf");
    assertThat(certificate.size()).isEqualTo(pdf.length);
    assertThat(certificate.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(rollouts.deliverable(rolloutId, certificate.id())).contains(certificate);
    assertThat(deliverables.intact(certificate)).isTrue();
    assertThat(records.lastPassed(rolloutId, DPO).orElseThrow().certificateId()).isEqualTo(certificate.id());
  }

  @Test
  void aSecondRunForTheSamePassedAttemptStoresNoSecondCertificate() throws Exception {
    String rolloutId = TrainingFixture.rollout(rollouts, 9302, "Acme Bank AG");
    records.record(rolloutId, DPO, Roles.PRIVACY_OFFICER, 100, true, Instant.now());
    Deliverable first = certificates.issue(rolloutId, DPO);

    assertThat(certificates.issue(rolloutId, DPO)).isEqualTo(first);
    // the job run again, as after a failure further on
    delegate.execute(new FakeExecution(rolloutId, "Task_IssueCertificate", "SubProcess_Training:1")
        .with(RolloutApi.Inputs.ROLLOUT_ID.name(), rolloutId).with(RolloutApi.Vars.MEMBER.name(), DPO).execution);
    assertThat(deliverables.of(rolloutId)).containsExactly(first);
  }

  @Test
  void aMemberWithoutACamundaUserIsNamedByTheirIdAndOneWhoDidNotPassGetsNone() throws Exception {
    String rolloutId = TrainingFixture.rollout(rollouts, 9302, "Acme Bank AG");
    records.record(rolloutId, "tc.external", Roles.BUSINESS_STAKEHOLDER, 85, true, Instant.now());
    assertThat(text(stored(certificates.issue(rolloutId, "tc.external"))))
        .contains("tc.external", "Role module: Business stakeholder", "Score 85 %");

    records.record(rolloutId, "tc.failed", Roles.LEGAL, 50, false, Instant.now());
    assertThatThrownBy(() -> certificates.issue(rolloutId, "tc.failed"))
        .hasMessage("tc.failed has not passed the training of rollout " + rolloutId + ": no certificate to issue");
    assertThat(deliverables.of(rolloutId)).hasSize(1);
  }

  @Test
  void aCharacterTheFontLacksPrintsAsAQuestionMarkInsteadOfFailing() throws IOException {
    byte[] pdf = CertificatePdf.render(new CertificatePdf.Content("株式会社 Acme " + "x".repeat(180), "RO-2026-0001",
        "Jürgen 李", "tc.li", "Legal", 80, 80, 1, LocalDate.of(2026, 3, 18)));
    assertThat(text(pdf)).contains("Jürgen ?", "???? Acme");
  }
}
