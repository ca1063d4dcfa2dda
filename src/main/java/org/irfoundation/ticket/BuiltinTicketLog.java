package org.irfoundation.ticket;

import static org.irfoundation.connector.NumberedRefs.now;
import static org.irfoundation.connector.NumberedRefs.truncate;

import java.util.Optional;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.NumberedRefs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The default ticket system: tickets in the app's own database (tables {@code ticket_log}, {@code ticket_comment}).
 * References are {@code IRF-<n>}. One ticket per incident (unique key), so opening twice returns the first. An
 * exercise's tickets are in the same log, their titles, comments and resolutions marked {@code [EXERCISE] }.
 */
@Component
@ConditionalOnProperty(name = TicketConfiguration.PROVIDER, havingValue = "builtin", matchIfMissing = true)
public class BuiltinTicketLog implements TicketSystem {

  static final NumberedRefs REFS = new NumberedRefs("IRF-", "ticket");
  static final String OPEN = "OPEN";
  static final String CLOSED = "CLOSED";

  private final JdbcClient jdbc;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  @Autowired
  public BuiltinTicketLog(JdbcClient jdbc) {
    this(jdbc, "");
  }

  private BuiltinTicketLog(JdbcClient jdbc, String mark) {
    this.jdbc = jdbc;
    this.mark = mark;
  }

  /** The same log, marked: it needs no setting. */
  @Override
  public TicketSystem forExercise(TicketProperties.Exercise exercise) {
    return new BuiltinTicketLog(jdbc, ExerciseRouting.MARK);
  }

  @Override
  public String target() {
    return "the built-in ticket log";
  }

  @Override
  public TicketRef open(TicketRequest request) {
    Optional<TicketRef> existing = findByIncident(request.incidentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.sql("""
          insert into ticket_log (incident_id, title, severity, category, status, opened_at)
          values (:incident, :title, :severity, :category, :status, :at)""")
          .param("incident", request.incidentId()).param("title", truncate(mark + request.title(), 300))
          .param("severity", request.severity()).param("category", request.category())
          .param("status", OPEN).param("at", now())
          .update();
    } catch (DuplicateKeyException concurrentOpen) {
      // another attempt opened it first: that ticket is the incident's ticket
    }
    return findByIncident(request.incidentId()).orElseThrow();
  }

  @Override
  public void comment(TicketRef ref, String text) {
    REFS.requireRow(jdbc.sql("""
        insert into ticket_comment (ticket_id, posted_at, body)
        select id, :at, :body from ticket_log where id = :id""")
        .param("at", now()).param("body", mark + text).param("id", number(ref)).update(), ref.id());
  }

  @Override
  public void changeStatus(TicketRef ref, TicketStatus status) {
    REFS.requireRow(jdbc.sql("update ticket_log set status = :status where id = :id")
        .param("status", status.name()).param("id", number(ref)).update(), ref.id());
  }

  @Override
  public void close(TicketRef ref, String resolution) {
    int closed = jdbc.sql("""
        update ticket_log set status = :closed, closed_at = :at, resolution = :resolution
        where id = :id and status <> :closed""")
        .param("closed", CLOSED).param("at", now()).param("resolution", resolution == null ? null : truncate(mark + resolution, 2000))
        .param("id", number(ref))
        .update();
    if (closed == 0 && status(ref).isEmpty()) {
      throw REFS.noSuch(ref.id());
    }
  }

  @Override
  public Optional<TicketRef> findByIncident(String incidentId) {
    return jdbc.sql("select id from ticket_log where incident_id = ?").param(incidentId)
        .query(Long.class).optional().map(id -> new TicketRef(REFS.ref(id)));
  }

  @Override
  public Health health() {
    return ConnectorHealth.check("built-in ticket log", "table ticket_log", () -> "the table answers ("
        + jdbc.sql("select count(*) from ticket_log").query(Long.class).single() + " tickets)");
  }

  /** OPEN or CLOSED; empty for an unknown ticket. */
  public Optional<String> status(TicketRef ref) {
    return jdbc.sql("select status from ticket_log where id = ?").param(number(ref)).query(String.class).optional();
  }

  private static long number(TicketRef ref) {
    return REFS.number(ref.id());
  }
}
