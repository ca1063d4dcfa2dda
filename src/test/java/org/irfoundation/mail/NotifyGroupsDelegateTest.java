package org.irfoundation.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irfoundation.mail.NotifyGroupsDelegate.NOTICE_KIND;
import static org.irfoundation.mail.NotifyGroupsDelegate.RECIPIENT_GROUPS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.irfoundation.engine.FakeExecution;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.templates.CommunicationTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notices over the built-in notice log: who gets them, what they say, and no duplicates on a retry. */
class NotifyGroupsDelegateTest {

  static final String INCIDENT = "INC-2026-0001";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final BuiltinNoticeLog notices = new BuiltinNoticeLog(db.jdbc);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final NotifyGroupsDelegate notifyGroups = new NotifyGroupsDelegate(new NoticeService(notices, lifecycle, new CommunicationTemplates(), mock(Incidents.class)));

  NotifyGroupsDelegateTest() {
    db.insertIncident(INCIDENT);
  }

  @AfterEach
  void close() {
    db.close();
  }

  FakeExecution execution(String activityId, String scopeInstance) {
    return new FakeExecution(INCIDENT, activityId, scopeInstance).with(Inputs.INCIDENT_ID.name(), INCIDENT)
        .with(Inputs.TITLE.name(), "Root key used from TOR").with(Decided.SEVERITY.name(), "P1")
        .with(Decided.RESPONSE_SLA.name(), "PT1H").with(Decided.ENGAGED_GROUPS.name(), "ir-lead, ir-analyst,executive")
        .with(Decided.ACKNOWLEDGE_SLA.name(), "PT15M").with(Decided.STATUS_UPDATE_CADENCE.name(), "PT30M")
        .with(Refs.TICKET_REF.name(), "IRF-1").with(Refs.WAR_ROOM_REF.name(), "WR-1");
  }

  List<Notice> logged() {
    return db.jdbc.sql("select idempotency_key from notice_log order by id").query(String.class).list().stream()
        .map(key -> notices.find(key).orElseThrow()).toList();
  }

  @Test
  void theEngagedGroupsAreToldWhatIsExpectedOfThem() {
    notifyGroups.execute(execution(Elements.TASK_NOTIFY_ENGAGED, "pi-1")
        .with(NOTICE_KIND.name(), NoticeKind.ENGAGED.name()).execution);

    Notice notice = logged().get(0);
    assertThat(notice.recipientGroups()).containsExactly("ir-lead", "ir-analyst", "executive");
    assertThat(notice.incidentId()).isEqualTo(INCIDENT);
    assertThat(notice.subject()).isEqualTo("[P1] INC-2026-0001: you are engaged - Root key used from TOR");
    assertThat(notice.body()).contains("INC-2026-0001 - Root key used from TOR", "Severity:        P1 (respond within 1 h)",
        "Ticket:          IRF-1", "War room:        WR-1", "What is expected next:",
        "acknowledges the incident in Tasklist within 15 min", "status update every 30 min");
    verify(lifecycle).recordEvent(INCIDENT, TimelineEvent.NOTICE_SENT, null,
        "ENGAGED to ir-lead, ir-analyst, executive: " + notice.subject());
  }

  @Test
  void aRetriedJobSendsNothingTwice() {
    FakeExecution execution = execution(Elements.TASK_NOTIFY_ENGAGED, "pi-1")
        .with(NOTICE_KIND.name(), NoticeKind.ENGAGED.name());
    notifyGroups.execute(execution.execution);
    notifyGroups.execute(execution.execution);

    assertThat(logged()).singleElement().extracting(Notice::idempotencyKey)
        .isEqualTo("INC-2026-0001:ENGAGED:Task_NotifyEngagedGroups:pi-1");
  }

  @Test
  void eachSeverityChangeGetsItsOwnNotice() {
    notifyGroups.execute(execution(Elements.TASK_NOTIFY_SEVERITY_CHANGED, Elements.SUBPROCESS_SEVERITY_CHANGED + ":1")
        .with(NOTICE_KIND.name(), NoticeKind.SEVERITY_CHANGED.name()).execution);
    notifyGroups.execute(execution(Elements.TASK_NOTIFY_SEVERITY_CHANGED, Elements.SUBPROCESS_SEVERITY_CHANGED + ":2")
        .with(NOTICE_KIND.name(), NoticeKind.SEVERITY_CHANGED.name()).execution);

    assertThat(logged()).hasSize(2).allSatisfy(notice -> {
      assertThat(notice.subject()).isEqualTo("[P1] INC-2026-0001: severity is now P1 - Root key used from TOR");
      assertThat(notice.body()).contains("severity of incident INC-2026-0001 is now P1",
          "Engaged groups:  ir-lead, ir-analyst,executive", "Newly engaged groups join the war room WR-1");
    });
  }

  @Test
  void anOverdueAcknowledgeGoesToTheRecipientGroupsParameter() {
    notifyGroups.execute(execution(Elements.TASK_NOTIFY_ACKNOWLEDGE_OVERDUE, Elements.SUBPROCESS_RESPOND + ":1")
        .with(NOTICE_KIND.name(), NoticeKind.ACK_OVERDUE.name()).with(RECIPIENT_GROUPS.name(), "ir-lead,executive")
        .execution);

    Notice notice = logged().get(0);
    assertThat(notice.recipientGroups()).containsExactly("ir-lead", "executive");
    assertThat(notice.subject()).isEqualTo("[P1] INC-2026-0001: not acknowledged within 15 min - Root key used from TOR");
    assertThat(notice.body()).contains("has not been acknowledged within its acknowledge SLA of 15 min",
        "acknowledges the incident in Tasklist now");
  }

  @Test
  void withoutRecipientsNothingIsSent() {
    notifyGroups.execute(execution(Elements.TASK_NOTIFY_ENGAGED, "pi-1")
        .with(Decided.ENGAGED_GROUPS.name(), " ").execution);
    assertThat(logged()).isEmpty();
    verify(lifecycle, never()).recordEvent(anyString(), any(TimelineEvent.class), anyString(), anyString());
  }

  /** Durations in notices read as people say them; an unknown one reads "(not set)" (see NoticeTemplatesTest). */
  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(CommunicationTemplates.human("PT15M")).isEqualTo("15 min");
    assertThat(CommunicationTemplates.human("PT1H30M")).isEqualTo("1 h 30 min");
    assertThat(CommunicationTemplates.human("P1D")).isEqualTo("1 d");
    assertThat(CommunicationTemplates.human("PT0S")).isEqualTo("0 s");
    assertThat(CommunicationTemplates.human("P1W")).isEqualTo("P1W");
    assertThat(NoticeKind.ACK_OVERDUE.subject(new NoticeKind.Facts("INC-1", "t", "P3", null, null, null, null, null,
        null))).isEqualTo("[P3] INC-1: not acknowledged within (not set) - t");
  }
}
