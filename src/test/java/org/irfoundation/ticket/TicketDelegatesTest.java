package org.irfoundation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.irfoundation.engine.FakeExecution;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Elements;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentResponseApi.Refs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open and close ticket over the built-in ticket log: a retried job never opens a second ticket. */
class TicketDelegatesTest {

  static final String INCIDENT = "INC-2026-0001";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final BuiltinTicketLog tickets = new BuiltinTicketLog(db.jdbc);
  final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
  final OpenTicketDelegate openTicket = new OpenTicketDelegate(new TicketService(tickets, lifecycle, mock(Incidents.class)));
  final CloseTicketDelegate closeTicket = new CloseTicketDelegate(new TicketService(tickets, lifecycle, mock(Incidents.class)));

  TicketDelegatesTest() {
    db.insertIncident(INCIDENT);
  }

  @AfterEach
  void close() {
    db.close();
  }

  FakeExecution execution(String activityId) {
    return new FakeExecution(INCIDENT, activityId, "pi-1").with(Inputs.INCIDENT_ID.name(), INCIDENT)
        .with(Inputs.TITLE.name(), "Root key used from TOR").with(Decided.SEVERITY.name(), "P1")
        .with(Inputs.CATEGORY.name(), "COMPROMISED_ACCOUNT");
  }

  @Test
  void aSecondExecutionForTheSameIncidentOpensNoSecondTicket() {
    FakeExecution first = execution(Elements.TASK_OPEN_TICKET);
    openTicket.execute(first.execution);
    FakeExecution retry = execution(Elements.TASK_OPEN_TICKET);
    openTicket.execute(retry.execution);

    assertThat(db.count("ticket_log")).isOne();
    String ref = tickets.findByIncident(INCIDENT).orElseThrow().id();
    assertThat(first.variables).containsEntry(Refs.TICKET_REF.name(), ref);
    assertThat(retry.variables).containsEntry(Refs.TICKET_REF.name(), ref);
    verify(lifecycle, times(1)).recordEvent(INCIDENT, TimelineEvent.TICKET_OPENED, null, "Ticket " + ref + " opened");
  }

  @Test
  void aJobThatFailedAfterOpeningTheTicketFindsItOnItsRetry() {
    doThrow(new IllegalStateException("timeline down")).doNothing()
        .when(lifecycle).recordEvent(anyString(), any(TimelineEvent.class), isNull(), anyString());
    FakeExecution attempt = execution(Elements.TASK_OPEN_TICKET);
    assertThatThrownBy(() -> openTicket.execute(attempt.execution)).hasMessage("timeline down");

    openTicket.execute(attempt.execution);

    assertThat(db.count("ticket_log")).isOne();
    assertThat(attempt.variables)
        .containsEntry(Refs.TICKET_REF.name(), tickets.findByIncident(INCIDENT).orElseThrow().id());
  }

  @Test
  void theIncidentIdFallsBackToTheBusinessKey() {
    FakeExecution execution = new FakeExecution(INCIDENT, Elements.TASK_OPEN_TICKET, "pi-1")
        .with(Inputs.TITLE.name(), "t");
    openTicket.execute(execution.execution);
    assertThat(tickets.findByIncident(INCIDENT)).isPresent();
  }

  @Test
  void closeTicketClosesTheIncidentsTicketOnceWithTheResolution() {
    FakeExecution opened = execution(Elements.TASK_OPEN_TICKET);
    openTicket.execute(opened.execution);
    TicketRef ref = new TicketRef(Refs.TICKET_REF.from(opened.variables));

    FakeExecution closing = execution(Elements.TASK_CLOSE_TICKET).with(Refs.TICKET_REF.name(), ref.id());
    closeTicket.execute(closing.execution);
    closeTicket.execute(closing.execution); // a retried job

    assertThat(tickets.status(ref)).contains("CLOSED");
    assertThat(db.jdbc.sql("select resolution from ticket_log").query(String.class).single())
        .isEqualTo(CloseTicketDelegate.DEFAULT_RESOLUTION);
    verify(lifecycle, times(2)).recordEvent(INCIDENT, TimelineEvent.TICKET_CLOSED, null, "Ticket " + ref + " closed");
  }

  @Test
  void closeTicketFindsTheTicketByIncidentAndTakesTheResolutionParameter() {
    openTicket.execute(execution(Elements.TASK_OPEN_TICKET).execution);
    closeTicket.execute(execution(Elements.TASK_CLOSE_TICKET)
        .with(CloseTicketDelegate.RESOLUTION.name(), "False positive").execution);
    assertThat(db.jdbc.sql("select resolution from ticket_log").query(String.class).single())
        .isEqualTo("False positive");
  }

  @Test
  void anIncidentWithoutTicketCannotBeClosedAndTheJobFails() {
    assertThatThrownBy(() -> closeTicket.execute(execution(Elements.TASK_CLOSE_TICKET).execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(INCIDENT);
    verify(lifecycle, times(0)).recordEvent(eq(INCIDENT), any(TimelineEvent.class), isNull(), anyString());
  }
}
