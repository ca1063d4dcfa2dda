package org.irfoundation.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.irfoundation.chat.BuiltinWarRoomLog;
import org.irfoundation.chat.PostToWarRoomDelegate;
import org.irfoundation.chat.WarRoomService;
import org.irfoundation.engine.FakeExecution;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.BuiltinNoticeLog;
import org.irfoundation.mail.Notice;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.mail.SendNoticeDelegate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.TemplateVariables;
import org.irfoundation.ticket.BuiltinTicketLog;
import org.irfoundation.ticket.CommentTicketDelegate;
import org.irfoundation.ticket.TicketRef;
import org.irfoundation.ticket.TicketRequest;
import org.irfoundation.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delegates behind the element templates (Comment ticket, Post to war room, Send notice) over the built-ins. */
class ConnectorDelegatesTest {

  static final String INCIDENT = "INC-2026-0001";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final CommunicationTemplates templates = new CommunicationTemplates();
  final BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
  final BuiltinWarRoomLog chat = new BuiltinWarRoomLog(db.jdbc);
  final BuiltinNoticeLog notices = new BuiltinNoticeLog(db.jdbc);

  ConnectorDelegatesTest() {
    db.insertIncident(INCIDENT);
  }

  @AfterEach
  void close() {
    db.close();
  }

  FakeExecution execution(String activityId) {
    return new FakeExecution(INCIDENT, activityId, "pi-1").with(Inputs.INCIDENT_ID.name(), INCIDENT)
        .with(Inputs.TITLE.name(), "Customer database exfiltrated").with(Decided.SEVERITY.name(), "P1")
        .with(Decided.STATUS_UPDATE_CADENCE.name(), "PT30M").with(Inputs.AWARE_AT.name(), "2026-03-02T09:00:00Z")
        .with(TemplateVariables.REGULATION.name(), "GDPR")
        .with(TemplateVariables.NOTIFICATION_DEADLINE.name(), "PT72H");
  }

  @Test
  void commentTicketMovesTheStatusAndComments() {
    TicketRef ref = tickets.open(new TicketRequest(INCIDENT, "t", "P1", "DATA_BREACH"));
    new CommentTicketDelegate(new TicketService(tickets, lifecycle, mock(Incidents.class))).execute(execution("Task_Comment")
        .with(CommentTicketDelegate.COMMENT.name(), "Containment started")
        .with(CommentTicketDelegate.TICKET_STATUS.name(), "in_progress").execution);

    assertThat(tickets.status(ref)).contains("IN_PROGRESS");
    assertThat(db.jdbc.sql("select body from ticket_comment").query(String.class).list())
        .containsExactly("Containment started");
    verify(lifecycle).recordEvent(INCIDENT, TimelineEvent.TICKET_COMMENTED, null,
        "Ticket " + ref + " (in_progress): Containment started");
  }

  @Test
  void commentTicketWithoutCommentFailsWithTheParameterName() {
    assertThatThrownBy(() -> new CommentTicketDelegate(new TicketService(tickets, lifecycle, mock(Incidents.class))).execute(execution("Task_Comment").execution))
        .hasMessage("Comment ticket (Task_Comment) needs the input parameter comment");
  }

  @Test
  void postToWarRoomRendersATemplateOrPostsTheMessageOrUsesAStandingChannel() {
    chat.openWarRoom(INCIDENT, "room");
    PostToWarRoomDelegate delegate = new PostToWarRoomDelegate(new WarRoomService(chat, lifecycle, templates, mock(Incidents.class)), templates);

    delegate.execute(execution("Task_Post").with(PostToWarRoomDelegate.TEMPLATE.name(), "status-update").execution);
    delegate.execute(execution("Task_Post").with(PostToWarRoomDelegate.MESSAGE.name(), "Backups verified").execution);
    delegate.execute(execution("Task_Post").with(PostToWarRoomDelegate.MESSAGE.name(), "Phishing wave")
        .with(PostToWarRoomDelegate.CHANNEL.name(), "security").execution);

    List<String> posted = db.jdbc.sql("select body from war_room_message order by id").query(String.class).list();
    assertThat(posted).hasSize(2);
    assertThat(posted.get(0)).startsWith("Status update on incident INC-2026-0001 - Customer database exfiltrated")
        .contains("Next status update due in 30 min.", "Regulator report due by 2026-03-05T09:00Z.");
    assertThat(posted.get(1)).isEqualTo("Backups verified");
    assertThat(db.jdbc.sql("select channel || ':' || body from channel_message").query(String.class).single())
        .isEqualTo("security:Phishing wave");
  }

  @Test
  void sendNoticeRendersTheTemplateForGroupsAndAddressesOnce() {
    SendNoticeDelegate delegate = new SendNoticeDelegate(new NoticeService(notices, lifecycle, templates, mock(Incidents.class)), templates);
    FakeExecution execution = execution("Task_NotifyRegulator")
        .with(SendNoticeDelegate.TEMPLATE.name(), "regulator-notice")
        .with(SendNoticeDelegate.RECIPIENT_GROUPS.name(), "legal")
        .with(SendNoticeDelegate.RECIPIENT_ADDRESSES.name(), "breach@dpa.example");

    delegate.execute(execution.execution);
    delegate.execute(execution.execution); // a retried job

    Notice notice = notices.find("INC-2026-0001:REGULATOR_NOTICE:Task_NotifyRegulator:pi-1").orElseThrow();
    assertThat(db.count("notice_log")).isOne();
    assertThat(notice.recipientGroups()).containsExactly("legal");
    assertThat(notice.recipientAddresses()).containsExactly("breach@dpa.example");
    assertThat(notice.subject()).isEqualTo("GDPR notification of a security incident - INC-2026-0001");
    assertThat(notice.body()).contains("Notification deadline:    2026-03-05T09:00Z");
  }

  @Test
  void sendNoticeNeedsATemplateAndARecipient() {
    SendNoticeDelegate delegate = new SendNoticeDelegate(new NoticeService(notices, lifecycle, templates, mock(Incidents.class)), templates);
    assertThatThrownBy(() -> delegate.execute(execution("Task_N").execution))
        .hasMessage("Send notice (Task_N) needs the input parameter template");
    assertThatThrownBy(() -> delegate.execute(execution("Task_N")
        .with(SendNoticeDelegate.TEMPLATE.name(), "executive-brief").execution))
        .hasMessage("Send notice (Task_N) needs recipientGroups or recipientAddresses");
  }
}
