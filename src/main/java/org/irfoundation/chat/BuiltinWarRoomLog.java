package org.irfoundation.chat;

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
 * The default chat: war rooms and their messages in the app's own database (tables {@code war_room},
 * {@code war_room_message}). References are {@code WR-<n>}; one war room per incident (unique key). An exercise's
 * war rooms are in the same log, their titles and messages marked {@code [EXERCISE] }.
 */
@Component
@ConditionalOnProperty(name = ChatConfiguration.PROVIDER, havingValue = "builtin", matchIfMissing = true)
public class BuiltinWarRoomLog implements ChatChannel {

  static final NumberedRefs REFS = new NumberedRefs("WR-", "war room");

  private final JdbcClient jdbc;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  @Autowired
  public BuiltinWarRoomLog(JdbcClient jdbc) {
    this(jdbc, "");
  }

  BuiltinWarRoomLog(JdbcClient jdbc, String mark) {
    this.jdbc = jdbc;
    this.mark = mark;
  }

  /** The same log, marked: it needs no setting. */
  @Override
  public ChatChannel forExercise(ChatProperties.Exercise exercise) {
    return new BuiltinWarRoomLog(jdbc, ExerciseRouting.MARK);
  }

  @Override
  public String target() {
    return "the built-in war-room log";
  }

  @Override
  public WarRoomRef openWarRoom(String incidentId, String title) {
    Optional<WarRoomRef> existing = findWarRoom(incidentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.sql("insert into war_room (incident_id, title, opened_at) values (:incident, :title, :at)")
          .param("incident", incidentId).param("title", truncate(mark + title, 300))
          .param("at", now())
          .update();
    } catch (DuplicateKeyException concurrentOpen) {
      // another attempt opened it first: that room is the incident's room
    }
    return findWarRoom(incidentId).orElseThrow();
  }

  @Override
  public void post(WarRoomRef ref, String text) {
    REFS.requireRow(jdbc.sql("""
        insert into war_room_message (war_room_id, posted_at, body)
        select id, :at, :body from war_room where id = :id""")
        .param("at", now()).param("body", mark + text).param("id", REFS.number(ref.id())).update(), ref.id());
  }

  @Override
  public void postToChannel(String channel, String text) {
    jdbc.sql("insert into channel_message (channel, posted_at, body) values (:channel, :at, :body)")
        .param("channel", channel).param("at", now()).param("body", mark + text)
        .update();
  }

  @Override
  public Optional<WarRoomRef> findWarRoom(String incidentId) {
    return jdbc.sql("select id from war_room where incident_id = ?").param(incidentId)
        .query(Long.class).optional().map(id -> new WarRoomRef(REFS.ref(id)));
  }

  @Override
  public Health health() {
    return ConnectorHealth.check("built-in war-room log", "table war_room", () -> "the table answers ("
        + jdbc.sql("select count(*) from war_room").query(Long.class).single() + " war rooms)");
  }
}
