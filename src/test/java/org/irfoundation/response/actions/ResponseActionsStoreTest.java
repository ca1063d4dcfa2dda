package org.irfoundation.response.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.evidence.CustodyAction;
import org.irfoundation.evidence.CustodyLog;
import org.irfoundation.evidence.EvidenceRecords;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.response.actions.ResponseActionApi.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app's side of the response actions: the ledger that keeps a retried step from sending twice (V17), snapshot
 * ids as evidence with their custody entries (once per id), and the service as the app wires it without any
 * adapter (every step by hand, on the timeline).
 */
@IrSpringBootTest
class ResponseActionsStoreTest {

  static final String INCIDENT = "INC-2091-0018";

  @Autowired
  IncidentStore store;
  @Autowired
  Incidents incidents;
  @Autowired
  ActionLedger ledger;
  @Autowired
  SnapshotCustody custody;
  @Autowired
  EvidenceRecords evidence;
  @Autowired
  CustodyLog custodyLog;
  @Autowired
  ResponseActions actions;

  @BeforeEach
  void incident() {
    if (incidents.find(INCIDENT).isEmpty()) {
      Instant at = Instant.parse("2091-03-02T09:00:00Z");
      store.insert(new Incident(INCIDENT, "Ransomware on the file server", null, "RANSOMWARE", null, at, at, at,
          "reporter", "test", null, "P2", "PT1H", null, Incident.OPEN, null, null, "{}", "reporter", false));
    }
  }

  @Test
  void theLedgerKeepsWhatWasSentByTheStepsKey() {
    ActionRequest request = new ActionRequest(INCIDENT, ResponseAction.DEACTIVATE_ACCESS_KEY, "AKIAEXAMPLE",
        Map.of("userName", "j.doe"));
    ActionOutcome outcome = new ActionOutcome("AWS IAM", new ActionCall("UpdateAccessKey", "https://iam.amazonaws.com",
        "UserName=j.doe&AccessKeyId=AKIAEXAMPLE&Status=Inactive"), "200 OK", List.of("ref-1", "ref-2"), true);
    String key = INCIDENT + ":Task_RunAction:job:ledger-test";
    assertThat(ledger.sent(key)).isEmpty();

    ledger.record(key, request, outcome);
    assertThat(ledger.sent(key)).contains(outcome);
  }

  @Test
  void snapshotIdsBecomeEvidenceWithACustodyEntryOncePerId() {
    ActionRequest request = new ActionRequest(INCIDENT, ResponseAction.SNAPSHOT_HOST, "i-0abc123", Map.of());
    ActionOutcome outcome = new ActionOutcome("AWS EC2", new ActionCall("CreateSnapshots", "https://ec2.amazonaws.com",
        "InstanceSpecification.InstanceId=i-0abc123"), "200 OK", List.of("snap-0a1", "snap-0b2"), true);
    custody.recordSnapshots(request, outcome);
    custody.recordSnapshots(request, outcome); // a retried step

    var rows = evidence.list(INCIDENT).stream().filter(r -> r.fileName().startsWith("snapshot-")).toList();
    assertThat(rows).extracting(EvidenceRecords.EvidenceRow::fileName)
        .containsExactlyInAnyOrder("snapshot-snap-0a1.txt", "snapshot-snap-0b2.txt");
    assertThat(rows).allSatisfy(r -> assertThat(r.sourceSystem()).isEqualTo("AWS EC2"));
    for (var row : rows) {
      assertThat(custodyLog.entries(INCIDENT, row.id())).extracting(CustodyLog.Entry::action)
          .containsExactly(CustodyAction.COLLECTED.name());
    }
    assertThat(custodyLog.verify(INCIDENT).intact()).isTrue();
  }

  @Test
  void withoutAnAdapterTheAppLeavesEveryStepToAPersonAndSaysSo() {
    ResponseActions.Plan plan = actions.plan(new ActionRequest(INCIDENT, ResponseAction.ISOLATE_HOST, "i-0abc123",
        Map.of()), null);
    assertThat(plan.route()).isEqualTo(Route.NOT_AUTOMATED);
    assertThat(incidents.timeline(INCIDENT)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(TimelineEvent.RESPONSE_ACTION_NOT_AUTOMATED);
      assertThat(e.detail()).contains("Isolate host i-0abc123", "no adapter for ISOLATE_HOST is configured");
    });
  }
}
