package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.irfoundation.incident.IncidentResponseApi.Elements.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.irfoundation.chat.BuiltinWarRoomLog;
import org.irfoundation.chat.OpenWarRoomDelegate;
import org.irfoundation.chat.PostStatusReminderDelegate;
import org.irfoundation.chat.WarRoomService;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.mail.BuiltinNoticeLog;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.mail.NotifyGroupsDelegate;
import org.irfoundation.response.PostIncidentReviewApi;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.testing.ProcessTestEngine;
import org.irfoundation.testing.StubModels;
import org.irfoundation.ticket.BuiltinTicketLog;
import org.irfoundation.ticket.CloseTicketDelegate;
import org.irfoundation.ticket.OpenTicketDelegate;
import org.irfoundation.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code incident-response} with the real delegates over the built-in connectors (H2, Flyway) instead of
 * recording stand-ins: the model's variables and input parameters fit what the delegates read, and a job
 * retried by the engine sends no notice twice.
 */
@Deployment(resources = {
    "bpmn/incident-response.bpmn",
    "stub-bpmn/playbook-compromised-account.bpmn",
    "stub-bpmn/post-incident-review.bpmn",
    "stub-bpmn/response-action.bpmn",
    "stub-dmn/incident-severity.dmn",
    "stub-dmn/playbook-selection.dmn",
    "stub-dmn/escalation-policy.dmn",
    "dmn/raci.dmn"})
class IncidentResponseBuiltinConnectorsTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withoutCoverage();

  static final String INCIDENT = "INC-2026-0042";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  RuntimeService runtime;

  @BeforeEach
  void setUp() {
    runtime = engine.getRuntimeService();
    db.insertIncident(INCIDENT);
    BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
    BuiltinWarRoomLog chat = new BuiltinWarRoomLog(db.jdbc);
    BuiltinNoticeLog notices = new BuiltinNoticeLog(db.jdbc);
    CommunicationTemplates templates = new CommunicationTemplates();
    TicketService ticketService = new TicketService(tickets, lifecycle, mock(Incidents.class));
    WarRoomService warRooms = new WarRoomService(chat, lifecycle, templates, mock(Incidents.class));
    engine.register("openTicket", new OpenTicketDelegate(ticketService));
    engine.register("closeTicket", new CloseTicketDelegate(ticketService));
    engine.register("openWarRoom", new OpenWarRoomDelegate(warRooms, templates));
    engine.register("postStatusReminder", new PostStatusReminderDelegate(warRooms));
    engine.register("notifyGroups", new NotifyGroupsDelegate(new NoticeService(notices, lifecycle, templates, mock(Incidents.class))));
    engine.register("recordTimelineEvent", new RecordTimelineEventDelegate(lifecycle));
    engine.register("closeIncident", new CloseIncidentDelegate(new IncidentClosure(lifecycle, runtime,
        new SystemContext(engine.getIdentityService()))));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void anIncidentOpensOneTicketAndWarRoomSendsItsNoticesAndClosesThem() {
    ProcessInstance pi = start();
    execute(job(TASK_OPEN_TICKET, pi));
    execute(job(TASK_OPEN_WAR_ROOM, pi));
    execute(job(TASK_NOTIFY_ENGAGED, pi));
    assertThat(runtime.getVariables(pi.getId())).containsEntry(Refs.TICKET_REF.name(), "IRF-1")
        .containsEntry(Refs.WAR_ROOM_REF.name(), "WR-1");

    execute(job(EVENT_ACKNOWLEDGE_OVERDUE, pi));
    execute(job(TASK_NOTIFY_ACKNOWLEDGE_OVERDUE, pi));
    execute(job(EVENT_STATUS_UPDATE_DUE, pi));
    execute(job(TASK_POST_STATUS_REMINDER, pi));
    severityChanged();
    execute(job(TASK_RECORD_ESCALATION_REASSESSED, pi));
    execute(job(TASK_NOTIFY_SEVERITY_CHANGED, pi));

    assertThat(notices()).containsExactly(
        List.of(NoticeKind.ENGAGED.name(), "ir-lead,ir-analyst,executive,legal"),
        List.of(NoticeKind.ACK_OVERDUE.name(), "ir-lead,executive"),
        List.of(NoticeKind.SEVERITY_CHANGED.name(), "ir-lead,ir-analyst,executive,legal"));
    assertThat(db.jdbc.sql("select body from war_room_message").query(String.class).single())
        .startsWith("Status update due for INC-2026-0042 [P1] Root key used from TOR");
    verify(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.ESCALATION_REASSESSED), isNull(),
        eq("Severity P1: engaged ir-lead,ir-analyst,executive,legal, acknowledge within PT15M,"
            + " status updates every PT30M"));

    complete(task(TASK_ACKNOWLEDGE, pi));
    complete(task(StubModels.TASK_WORK_PLAYBOOK, calledProcessInstance(pi)));
    complete(task(StubModels.TASK_REVIEW_STUB, calledProcessInstance(PostIncidentReviewApi.PROCESS_KEY, pi)));
    execute(job(TASK_CLOSE_TICKET, pi));
    execute(job(TASK_CLOSE_INCIDENT, pi));

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(db.count("ticket_log")).isOne();
    assertThat(db.count("war_room")).isOne();
    assertThat(db.jdbc.sql("select status from ticket_log").query(String.class).single()).isEqualTo("CLOSED");
    verify(lifecycle).close(INCIDENT);
  }

  @Test
  void aNoticeJobThatFailsAfterSendingIsRetriedWithoutSendingAgain() {
    ProcessInstance pi = start();
    execute(job(TASK_OPEN_TICKET, pi));
    execute(job(TASK_OPEN_WAR_ROOM, pi));
    doThrow(new IllegalStateException("timeline down")).doNothing()
        .when(lifecycle).recordEvent(eq(INCIDENT), eq(TimelineEvent.NOTICE_SENT), isNull(), anyString());

    Job notify = job(TASK_NOTIFY_ENGAGED, pi);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(notify.getId())).hasMessage("timeline down");
    engine.getManagementService().executeJob(notify.getId()); // the engine's retry

    assertThat(notices()).containsExactly(List.of(NoticeKind.ENGAGED.name(), "ir-lead,ir-analyst,executive,legal"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ACKNOWLEDGE);
  }

  private ProcessInstance start() {
    Map<String, Object> variables = new HashMap<>();
    Inputs.INCIDENT_ID.put(variables, INCIDENT);
    Inputs.TITLE.put(variables, "Root key used from TOR");
    Inputs.CATEGORY.put(variables, "COMPROMISED_ACCOUNT");
    Inputs.ROOT_ACCOUNT.put(variables, true);
    return runtime.createProcessInstanceByKey(IncidentResponseApi.PROCESS_KEY).businessKey(INCIDENT)
        .setVariables(variables).executeWithVariablesInReturn();
  }

  private void severityChanged() {
    runtime.createMessageCorrelation(IncidentResponseApi.MESSAGE_SEVERITY_CHANGED)
        .processInstanceBusinessKey(INCIDENT).setVariable(Decided.SEVERITY.name(), "P1").correlateWithResult();
  }

  /** Kind (from the idempotency key) and recipients of every notice, in order. */
  private List<List<String>> notices() {
    return db.jdbc.sql("select idempotency_key, recipient_groups from notice_log order by id")
        .query((rs, n) -> List.of(rs.getString(1).split(":")[1], rs.getString(2))).list();
  }
}
