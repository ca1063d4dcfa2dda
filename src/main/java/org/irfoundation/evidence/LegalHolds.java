package org.irfoundation.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.Raci;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.Roles;
import org.irfoundation.incident.TimelineEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The legal hold of an incident (table {@code legal_hold}): at most one, placed by an evidence collection under
 * legal hold and released only by legal ({@link LegalHoldApi}). While it is in place no item of the incident's
 * evidence is released from custody ({@link EvidenceCustody}); the hold outlives the incident's closure.
 */
@Service("legalHolds")
public class LegalHolds {

  private final JdbcClient jdbc;
  private final IncidentLifecycle timeline;
  private final Raci raci;
  private final SystemContext system;

  public LegalHolds(JdbcClient jdbc, IncidentLifecycle timeline, Raci raci, SystemContext system) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.raci = raci;
    this.system = system;
  }

  /** A hold as stored; {@code placedBy} is a user or, for a process step, {@code process:<process key>}. */
  public record Hold(String incidentId, Instant placedAt, String placedBy, String reason, List<String> custodians,
      Instant releasedAt, String releasedBy, String releaseReason) {

    public boolean active() {
      return releasedAt == null;
    }

    /** The custodians that are Camunda groups. */
    public List<String> groups() {
      return custodians.stream().filter(c -> !c.contains("@")).toList();
    }

    /** The custodians that are e-mail addresses. */
    public List<String> addresses() {
      return custodians.stream().filter(c -> c.contains("@")).toList();
    }
  }

  /**
   * The custodians of a hold: the collecting groups, legal, and the named addresses (comma-separated each), without
   * repeats; an address that is no plain e-mail address is refused.
   */
  public static List<String> custodians(String collectorGroups, String addresses) {
    List<String> custodians = new ArrayList<>(Roles.ids(collectorGroups));
    custodians.add(Roles.LEGAL);
    for (String address : Roles.ids(addresses)) {
      if (!address.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")) {
        throw new IllegalArgumentException("legal-hold custodian '" + address + "' is no e-mail address");
      }
      custodians.add(address);
    }
    return custodians.stream().distinct().toList();
  }

  /**
   * Places the incident's hold: true when it is new (or placed again after a release), false when one is in place
   * already, which then stays as it is. Two placings at once: one fails with a duplicate key (a job retries it).
   */
  public boolean place(String incidentId, String reason, List<String> custodians, String actor) {
    Optional<Hold> existing = find(incidentId);
    if (existing.isPresent() && existing.get().active()) {
      return false;
    }
    OffsetDateTime now = EngineClock.now().atOffset(ZoneOffset.UTC);
    String holders = String.join(",", custodians);
    if (existing.isPresent()) {
      int placed = jdbc.sql("""
          update legal_hold set placed_at = ?, placed_by = ?, reason = ?, custodians = ?, released_at = null,
            released_by = null, release_reason = null where incident_id = ? and released_at is not null""")
          .params(now, actor, reason, holders, incidentId).update();
      if (placed == 0) {
        return false; // placed again meanwhile
      }
    } else {
      insert(incidentId, reason, holders, actor, now);
    }
    timeline.recordEvent(incidentId, TimelineEvent.LEGAL_HOLD_PLACED, actor,
        "Legal hold: " + reason + ". Custodians: " + String.join(", ", custodians));
    return true;
  }

  private void insert(String incidentId, String reason, String custodians, String actor, OffsetDateTime now) {
    try {
      jdbc.sql("""
          insert into legal_hold (incident_id, placed_at, placed_by, reason, custodians) values (?, ?, ?, ?, ?)""")
          .params(incidentId, now, actor, reason, custodians).update();
    } catch (DuplicateKeyException concurrent) {
      throw concurrent; // placed at the same moment by another step: this step's retry finds it in place
    } catch (DataIntegrityViolationException noIncident) {
      throw new IllegalArgumentException("no incident " + incidentId + " to put under legal hold", noIncident);
    }
  }

  public boolean inPlace(String incidentId) {
    return find(incidentId).map(Hold::active).orElse(false);
  }

  public Optional<Hold> find(String incidentId) {
    return jdbc.sql("select * from legal_hold where incident_id = ?").param(incidentId).query(LegalHolds::row)
        .optional();
  }

  /** Releases the hold; false when none is in place (released already, or never placed). */
  public boolean release(String incidentId, String reason, String actor) {
    int released = jdbc.sql("""
        update legal_hold set released_at = ?, released_by = ?, release_reason = ?
        where incident_id = ? and released_at is null""")
        .params(EngineClock.now().atOffset(ZoneOffset.UTC), actor, reason, incidentId).update();
    if (released == 0) {
      return false;
    }
    timeline.recordEvent(incidentId, TimelineEvent.LEGAL_HOLD_RELEASED, actor, "Legal hold released: " + reason);
    return true;
  }

  /** Who releases holds: the responsible groups of the review task (RACI), comma-separated. */
  public String releasers() {
    return system.call(() -> raci.responsible(LegalHoldApi.RACI_RELEASE));
  }

  private static Hold row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
    return new Hold(rs.getString("incident_id"), rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
        rs.getString("placed_by"), rs.getString("reason"), Roles.ids(rs.getString("custodians")),
        released == null ? null : released.toInstant(), rs.getString("released_by"), rs.getString("release_reason"));
  }
}
