package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Roles;
import org.irfoundation.response.DataBreachApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gates against real data on the running app: the groups Camunda has, the RACI and the playbooks as deployed,
 * what the members did. Redeployments here deploy the same model again: only the version changes.
 */
@IrSpringBootTest
class RolloutGatesTest {

  static final String PASSWORD = "Gate-test-Pw-2027";

  @Autowired Rollouts rollouts;
  @Autowired RolloutTeam team;
  @Autowired TeamGate teamGate;
  @Autowired PlanGate planGate;
  @Autowired ReviewsGate reviewsGate;
  @Autowired Approvals approvals;
  @Autowired RolloutProgress progress;
  @Autowired Deliverables deliverables;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RolloutNotices notices;
  @Autowired org.irfoundation.mail.BuiltinNoticeLog noticeLog;

  @Test
  void aNoticeGoesToTheAddressOfAUserAndToTheGroupsOfOneWithout() {
    Rollout rollout = rollout();
    User withMail = identityService.createUserQuery().userId(rollout.sponsor()).singleResult();
    withMail.setEmail("sponsor@example.org");
    identityService.saveUser(withMail);
    identityService.createMembership(rollout.programOwner(), Roles.IR_PROGRAM_OWNER);
    notices.send(rollout.id(), List.of(rollout.sponsor(), rollout.programOwner()), "Week 1 is two days overdue.",
        "test-1");
    org.irfoundation.mail.Notice sent = noticeLog.find(rollout.id() + ":notice:test-1").orElseThrow();
    assertThat(sent.recipientAddresses()).containsExactly("sponsor@example.org");
    assertThat(sent.recipientGroups()).containsExactly(Roles.IR_PROGRAM_OWNER);
    assertThat(sent.subject()).isEqualTo("IR rollout " + rollout.id() + " (Gate test)");
    assertThat(sent.body()).startsWith("Week 1 is two days overdue.").contains("GET /api/rollouts/" + rollout.id());
  }

  @Test
  void aRoleTheRaciRoutesWorkToWithoutMembersFailsWeekOneNamingIt() throws Exception {
    Rollout rollout = rollout();
    String raci = Files.readString(Path.of("dmn/raci.dmn"));
    // a RACI that also routes work to a role nobody holds yet
    identityService.saveGroup(identityService.newGroup("tabletop-facilitator"));
    deploy("raci.dmn", raci.replace("</decisionTable>", """
          <rule id="Rule_RolloutTestFacilitator">
            <inputEntry id="UnaryTests_RolloutTestFacilitator"><text>"rollout-test-facilitate"</text></inputEntry>
            <outputEntry id="LiteralExpression_RolloutTestFacilitator_R"><text>"tabletop-facilitator"</text></outputEntry>
            <outputEntry id="LiteralExpression_RolloutTestFacilitator_A"><text>"ir-lead"</text></outputEntry>
            <outputEntry id="LiteralExpression_RolloutTestFacilitator_C"><text>""</text></outputEntry>
            <outputEntry id="LiteralExpression_RolloutTestFacilitator_I"><text>""</text></outputEntry>
          </rule>
        </decisionTable>"""));
    try {
      GateMetric roles = metric(teamGate.measure(rollout), "Every role the RACI routes work to has a member");
      assertThat(roles.met()).isFalse();
      assertThat(roles.reason()).contains("tabletop-facilitator");

      String facilitator = user("facilitator");
      team.name(rollout.id(), Map.of("tabletop-facilitator", List.of(facilitator)));
      // other roles may still lack members (or not, as the shared context's other tests left it): this one does not
      GateMetric after = metric(teamGate.measure(rollout), "Every role the RACI routes work to has a member");
      assertThat(after.met() || !after.reason().contains("tabletop-facilitator")).as(after.toString()).isTrue();
    } finally {
      deploy("raci.dmn", raci); // the RACI as the app ships it, again the latest
    }
  }

  @Test
  void aMemberWhoDidNotAcknowledgeBlocksWeekOneAndTheRaciAndCharterAreMeasured() {
    Rollout rollout = rollout();
    String analyst = user("analyst");
    String lawyer = user("lawyer");
    team.name(rollout.id(), Map.of(Roles.IR_ANALYST, List.of(analyst), Roles.LEGAL, List.of(lawyer)));
    assertThat(identityService.createUserQuery().userId(lawyer).memberOfGroup(Roles.LEGAL).count()).isOne();
    assertThat(team.unacknowledged(rollout.id())).containsExactlyInAnyOrder(analyst, lawyer);

    team.acknowledged(rollout.id(), analyst);
    GateMetric acknowledged = metric(teamGate.measure(rollout), "Members acknowledged the channel test");
    assertThat(acknowledged.met()).isFalse();
    assertThat(acknowledged.measured()).isEqualTo("1 of 2 (50 %)");
    assertThat(acknowledged.reason()).isEqualTo("not acknowledged yet: " + lawyer);

    team.acknowledged(rollout.id(), lawyer);
    assertThat(metric(teamGate.measure(rollout), "Members acknowledged the channel test").met()).isTrue();
    assertThat(metric(teamGate.measure(rollout), "The RACI reviewed and approved as deployed").met()).isFalse();
    approvals.approve(rollout.id(), "raci", List.of("raci"), "fits", rollout.programOwner());
    assertThat(metric(teamGate.measure(rollout), "The RACI reviewed and approved as deployed").met()).isTrue();
    assertThat(metric(teamGate.measure(rollout), "Team charter stored").met()).isFalse();
    deliverables.store(rollout.id(), 1, "Team charter", "charter.pdf", "application/pdf",
        new ByteArrayInputStream("charter".getBytes(StandardCharsets.UTF_8)), rollout.programOwner());
    assertThat(metric(teamGate.measure(rollout), "Team charter stored").met()).isTrue();
  }

  @Test
  void theApprovedPlanIsFlaggedWhenADecisionOfItIsDeployedAgain() throws Exception {
    Rollout rollout = rollout();
    approvals.approve(rollout.id(), PlanGate.SUBJECT, PlanGate.PARTS, "approved", rollout.sponsor());
    List<GateMetric> metrics = planGate.measure(rollout);
    assertThat(metric(metrics, "The executive sponsor approved the IR plan").met()).isTrue();
    assertThat(metric(metrics, "The approved plan is the one in force").met()).isTrue();
    assertThat(progress.of(rollout).planChangedSinceApproval()).isFalse();

    deploy("incident-severity.dmn", Files.readString(Path.of("dmn/incident-severity.dmn")));
    GateMetric inForce = metric(planGate.measure(rollout), "The approved plan is the one in force");
    assertThat(inForce.met()).isFalse();
    assertThat(inForce.measured()).isEqualTo("plan changed since approval");
    assertThat(inForce.reason()).startsWith(IncidentResponseApi.DECISION_SEVERITY + ": version ");
    assertThat(progress.of(rollout).planChangedSinceApproval()).isTrue();
  }

  @Test
  void nineApprovalsPassWeekFourAndARedeployedPlaybookIsFlaggedAndReviewedAgain() throws Exception {
    Rollout rollout = rollout();
    for (String review : RolloutReviews.all()) {
      approvals.approve(rollout.id(), RolloutReviews.subject(review), List.of(review.substring(0, review.indexOf('|'))),
          "ok", "reviewer");
    }
    assertThat(reviewsGate.measure(rollout)).singleElement().satisfies(m -> {
      assertThat(m.met()).isTrue();
      assertThat(m.measured()).isEqualTo("9 of 9 approvals");
    });

    deploy("playbook-data-breach.bpmn", Files.readString(Path.of("bpmn/playbook-data-breach.bpmn")));
    GateMetric reviews = reviewsGate.measure(rollout).get(0);
    assertThat(reviews.met()).isFalse();
    assertThat(reviews.measured()).isEqualTo("6 of 9 approvals");
    assertThat(reviews.reason()).contains("redeployed after approval: " + DataBreachApi.PROCESS_KEY + ": version");
    assertThat(progress.of(rollout).changedSinceApproval()).anySatisfy(c -> assertThat(c)
        .startsWith("playbook " + DataBreachApi.PROCESS_KEY));
  }

  private Rollout rollout() {
    return rollouts.start(new Rollouts.Start("Gate test", user("sponsor"), user("owner"), LocalDate.now()), "test");
  }

  private String user(String role) {
    String id = "gates-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    return id;
  }

  private void deploy(String name, String xml) {
    repositoryService.createDeployment().name("rollout gate test").addString(name, xml).deploy();
  }

  private static GateMetric metric(List<GateMetric> metrics, String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric '" + name + "' in " + metrics));
  }
}
