package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The week-3 gate, measured from the training records and the stored certificates: unmet while a member has not
 * passed (named, with their last score), met once everyone passed and has an intact certificate. Also the team the
 * training runs over and the one rule for a member's module.
 */
@IrSpringBootTest
class TrainingGateTest {

  static final String LEAD = "tg.lena";
  static final String ANALYST = "tg.arno";
  static final String OPS = "tg.otto";

  @Autowired TrainingGate gate;
  @Autowired Map<String, WeekGate> gates;
  @Autowired RolloutTraining training;
  @Autowired TrainingRecords records;
  @Autowired TrainingCertificates certificates;
  @Autowired RolloutStore rollouts;
  @Autowired Deliverables deliverables;

  Rollout rolloutOfThree() {
    String id = TrainingFixture.rollout(rollouts, 9303, "Acme Logistics");
    TrainingFixture.member(rollouts, id, LEAD, Roles.IR_LEAD);
    TrainingFixture.member(rollouts, id, ANALYST, Roles.IR_ANALYST);
    TrainingFixture.member(rollouts, id, OPS, Roles.IT_OPERATIONS);
    return rollouts.find(id).orElseThrow();
  }

  void pass(Rollout rollout, String member, String role) {
    records.record(rollout.id(), member, role, 93, true, Instant.now());
    certificates.issue(rollout.id(), member);
  }

  @Test
  void unmetWhileSomeoneHasNotPassedNamingThem() {
    Rollout rollout = rolloutOfThree();
    assertThat(gate.measure(rollout).get(0)).isEqualTo(GateMetric.unmet(TrainingGate.TRAINED,
        "100 % (pass mark 80 %)", "0 of 3",
        "not passed yet: tg.arno (not taken yet), tg.lena (not taken yet), tg.otto (not taken yet)"));

    pass(rollout, LEAD, Roles.IR_LEAD);
    records.record(rollout.id(), ANALYST, Roles.IR_ANALYST, 71, false, Instant.now());
    List<GateMetric> metrics = gate.measure(rollout);
    assertThat(metrics.get(0)).isEqualTo(GateMetric.unmet(TrainingGate.TRAINED, "100 % (pass mark 80 %)", "1 of 3",
        "not passed yet: tg.arno (last score 71 %), tg.otto (not taken yet)"));
    assertThat(metrics.get(1)).isEqualTo(GateMetric.met(TrainingGate.CERTIFICATES,
        "one per member who passed, stored with its SHA-256", "1 of 1"));
  }

  @Test
  void metWhenEveryonePassedWithACertificate() {
    Rollout rollout = rolloutOfThree();
    records.record(rollout.id(), ANALYST, Roles.IR_ANALYST, 71, false, Instant.now());
    pass(rollout, ANALYST, Roles.IR_ANALYST);
    pass(rollout, LEAD, Roles.IR_LEAD);
    pass(rollout, OPS, Roles.IT_OPERATIONS);
    assertThat(gate.measure(rollout)).containsExactly(
        GateMetric.met(TrainingGate.TRAINED, "100 % (pass mark 80 %)", "3 of 3"),
        GateMetric.met(TrainingGate.CERTIFICATES, "one per member who passed, stored with its SHA-256", "3 of 3"));
  }

  @Test
  void aPassWithoutAnIntactCertificateIsUnmet() {
    Rollout rollout = rolloutOfThree();
    pass(rollout, LEAD, Roles.IR_LEAD);
    records.record(rollout.id(), ANALYST, Roles.IR_ANALYST, 100, true, Instant.now()); // the job has not run yet
    // a certificate whose recorded hash is not that of its bytes
    Deliverable other = deliverables.store(rollout.id(), 3, "Training certificate: " + OPS, "x.pdf",
        "application/pdf", new ByteArrayInputStream("not the certificate".getBytes()), "test");
    // another id (a UUID that starts with 0 already must not collide with itself: 1 in 16)
    String forgedId = (other.id().startsWith("0") ? "1" : "0") + other.id().substring(1);
    Deliverable forged = new Deliverable(forgedId, rollout.id(), 3, other.name(),
        other.fileName(), other.contentType(), other.location(), other.size(), "0".repeat(64), other.createdAt(),
        other.createdBy());
    rollouts.deliverable(forged);
    records.record(rollout.id(), OPS, Roles.IT_OPERATIONS, 100, true, Instant.now());
    records.certificate(rollout.id(), OPS, 1, forged.id());

    assertThat(gate.measure(rollout).get(1)).isEqualTo(GateMetric.unmet(TrainingGate.CERTIFICATES,
        "one per member who passed, stored with its SHA-256", "1 of 3",
        "no intact certificate for tg.arno (none stored), tg.otto (its stored bytes no longer match the SHA-256)"));
  }

  @Test
  void aRolloutWithoutATeamDoesNotPass() {
    Rollout empty = rollouts.find(TrainingFixture.rollout(rollouts, 9303, "Acme Empty")).orElseThrow();
    assertThat(training.members(empty.id())).isEmpty();
    assertThat(gate.measure(empty).get(0).met()).isFalse();
    assertThat(gate.measure(empty).get(0).reason()).isEqualTo("the rollout has no team members to train");
  }

  @Test
  void theGateIsWeekThreesAndAMemberOfSeveralRolesTakesTheFirstRolesModule() {
    assertThat(gates.values()).filteredOn(g -> g.week() == 3).containsExactly(gate);

    Rollout rollout = rolloutOfThree();
    // named again as IR lead and as executive: listed once, trained as IR lead (first in Roles.RESPONDER_ROLES)
    TrainingFixture.member(rollouts, rollout.id(), OPS, Roles.EXECUTIVE, Roles.IR_LEAD);
    assertThat(training.members(rollout.id())).containsExactly(ANALYST, LEAD, OPS);
    assertThat(training.role(rollout.id(), OPS)).isEqualTo(Roles.IR_LEAD);
    assertThat(training.role(rollout.id(), ANALYST)).isEqualTo(Roles.IR_ANALYST);

    TrainingFixture.member(rollouts, rollout.id(), "tg.admin", Roles.CAMUNDA_ADMIN);
    assertThatThrownBy(() -> training.role(rollout.id(), "tg.admin"))
        .hasMessageContaining("tg.admin is no member of rollout " + rollout.id() + " in a responder role");
    assertThatThrownBy(() -> training.members(null)).hasMessageContaining("needs the rollout id");
  }
}
