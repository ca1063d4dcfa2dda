package org.irfoundation.evidence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain-of-custody log (table {@code custody_entry}, db/migration/V3): append-only, one hash chain per
 * incident. Each entry carries the SHA-256 of the entry before it and its own SHA-256 over a canonical
 * serialisation of its fields plus that previous hash ({@link Entry#canonical()}), so editing or deleting any
 * entry breaks the chain from there on. {@code custody_head} remembers the last entry of each chain, so
 * deleting entries at the end shows too. The application never updates or deletes an entry.
 */
@Repository
public class CustodyLog {

  /** The "previous hash" of the first entry of a chain. */
  public static final String GENESIS = "0".repeat(64);
  static final String FORMAT = "irf-custody-v1";

  private final JdbcClient jdbc;
  private final Clock clock;

  public CustodyLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  /** One entry as stored. {@code action} is kept as text so that a tampered value still verifies (and fails). */
  public record Entry(long id, String incidentId, long sequence, String evidenceId, String action, String actor,
      Instant at, String zone, String location, String reason, String evidenceSha256, String previousHash,
      String hash) {

    /** The time with the zone it was recorded in. */
    public ZonedDateTime time() {
      try {
        return at.atZone(ZoneId.of(zone));
      } catch (RuntimeException badZone) {
        return at.atZone(ZoneOffset.UTC);
      }
    }

    /**
     * What the hash covers, one field a line as {@code name=<UTF-8 byte length>:<value>} ({@code name=-} for
     * none), so no two different entries serialise alike. The time is epoch milliseconds plus the zone id.
     */
    public String canonical() {
      StringBuilder text = new StringBuilder(FORMAT).append('\n');
      field(text, "sequence", Long.toString(sequence));
      field(text, "incident", incidentId);
      field(text, "evidence", evidenceId);
      field(text, "action", action);
      field(text, "actor", actor);
      field(text, "time", Long.toString(at.toEpochMilli()));
      field(text, "zone", zone);
      field(text, "location", location);
      field(text, "reason", reason);
      field(text, "evidenceSha256", evidenceSha256);
      field(text, "previous", previousHash);
      return text.toString();
    }

    /** SHA-256 (hex) of {@link #canonical()}. */
    public String computeHash() {
      return HexFormat.of().formatHex(HashingCopy.sha256().digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder text, String name, String value) {
      text.append(name).append('=');
      if (value == null) {
        text.append('-');
      } else {
        text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
      }
      text.append('\n');
    }
  }

  /** The result of checking one incident's chain: intact, or the first entry that is not. */
  public record ChainCheck(String incidentId, boolean intact, long entries, String headHash, Broken firstBroken) {}

  /** The first bad entry: its sequence number (1 = first), its row id when it still exists, and why. */
  public record Broken(long sequence, Long entryId, String evidenceId, String problem) {}

  /**
   * Appends an entry to the incident's chain, inside the caller's transaction (the incident row is locked
   * until it ends, so concurrent appends queue up instead of forking the chain).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Entry append(String incidentId, String evidenceId, CustodyAction action, String actor, ZoneId zone,
      String location, String reason, String evidenceSha256) {
    jdbc.sql("select id from incident where id = ? for update").param(incidentId).query(String.class).single();
    Optional<Head> head = head(incidentId);
    long sequence = head.map(h -> h.lastSequence() + 1).orElse(1L);
    String previous = head.map(Head::lastHash).orElse(GENESIS);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Entry draft = new Entry(0, incidentId, sequence, evidenceId, action.name(), actor, at, zone.getId(), location,
        reason, evidenceSha256, previous, null);
    String hash = draft.computeHash();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into custody_entry (incident_id, seq, evidence_id, action, actor, occurred_at, occurred_zone,
          location, reason, evidence_sha256, prev_hash, entry_hash)
        values (:incident, :seq, :evidence, :action, :actor, :at, :zone, :location, :reason, :sha, :prev, :hash)""")
        .param("incident", incidentId).param("seq", sequence).param("evidence", evidenceId)
        .param("action", action.name()).param("actor", actor).param("at", at.atOffset(ZoneOffset.UTC))
        .param("zone", zone.getId()).param("location", location).param("reason", reason)
        .param("sha", evidenceSha256).param("prev", previous).param("hash", hash)
        .update(key, "id");
    if (head.isEmpty()) {
      jdbc.sql("insert into custody_head (incident_id, last_seq, last_hash) values (?, ?, ?)")
          .params(incidentId, sequence, hash).update();
    } else {
      jdbc.sql("update custody_head set last_seq = ?, last_hash = ? where incident_id = ?")
          .params(sequence, hash, incidentId).update();
    }
    return new Entry(key.getKey().longValue(), incidentId, sequence, evidenceId, action.name(), actor, at,
        zone.getId(), location, reason, evidenceSha256, previous, hash);
  }

  /** Every entry of the incident, in chain order. */
  public List<Entry> entries(String incidentId) {
    return jdbc.sql("select * from custody_entry where incident_id = ? order by seq, id").param(incidentId)
        .query(CustodyLog::entry).list();
  }

  /** The entries of one item, in chain order. */
  public List<Entry> entries(String incidentId, String evidenceId) {
    return jdbc.sql("select * from custody_entry where incident_id = ? and evidence_id = ? order by seq, id")
        .params(incidentId, evidenceId).query(CustodyLog::entry).list();
  }

  /** Every incident that has a chain (or had one: a head without entries is a chain whose entries were deleted). */
  public List<String> incidents() {
    return jdbc.sql("select incident_id from custody_head union select incident_id from custody_entry")
        .query(String.class).list();
  }

  /** Re-computes the incident's chain from the first entry and names the first one that does not hold. */
  public ChainCheck verify(String incidentId) {
    List<Entry> entries = entries(incidentId);
    Optional<Head> head = head(incidentId);
    String previous = GENESIS;
    long expected = 1;
    for (Entry entry : entries) {
      if (entry.sequence() != expected) {
        String problem = entry.sequence() > expected
            ? (entry.sequence() - expected == 1 ? "entry #" + expected + " is missing (deleted)"
                : "entries #" + expected + " to #" + (entry.sequence() - 1) + " are missing (deleted)")
            : "entry #" + entry.sequence() + " appears twice or out of order";
        return broken(incidentId, entries, head, new Broken(expected,
            entry.sequence() > expected ? null : entry.id(), entry.sequence() > expected ? null : entry.evidenceId(),
            problem));
      }
      if (!previous.equals(entry.previousHash())) {
        return broken(incidentId, entries, head, new Broken(entry.sequence(), entry.id(), entry.evidenceId(),
            "its previous-entry hash does not match entry #" + (expected - 1)
                + (expected == 1 ? " (the start of the chain)" : "")));
      }
      if (!entry.computeHash().equals(entry.hash())) {
        return broken(incidentId, entries, head, new Broken(entry.sequence(), entry.id(), entry.evidenceId(),
            "its content was changed after it was recorded (hash mismatch)"));
      }
      previous = entry.hash();
      expected++;
    }
    long last = expected - 1;
    if (head.isPresent()) {
      Head h = head.get();
      if (h.lastSequence() > last) {
        return broken(incidentId, entries, head, new Broken(last + 1, null, null,
            (h.lastSequence() == last + 1 ? "entry #" + (last + 1) + " is missing"
                : "entries #" + (last + 1) + " to #" + h.lastSequence() + " are missing")
                + " (deleted from the end of the chain)"));
      }
      if (h.lastSequence() != last || !h.lastHash().equals(previous)) {
        return broken(incidentId, entries, head, new Broken(last, entries.isEmpty() ? null
            : entries.get(entries.size() - 1).id(), null, "the chain's head record does not match its last entry"));
      }
    } else if (!entries.isEmpty()) {
      return broken(incidentId, entries, head, new Broken(last, entries.get(entries.size() - 1).id(), null,
          "the chain's head record is missing"));
    }
    return new ChainCheck(incidentId, true, entries.size(), entries.isEmpty() ? null : previous, null);
  }

  private static ChainCheck broken(String incidentId, List<Entry> entries, Optional<Head> head, Broken first) {
    return new ChainCheck(incidentId, false, entries.size(), head.map(Head::lastHash).orElse(null), first);
  }

  private record Head(long lastSequence, String lastHash) {}

  private Optional<Head> head(String incidentId) {
    return jdbc.sql("select last_seq, last_hash from custody_head where incident_id = ?").param(incidentId)
        .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).optional();
  }

  private static Entry entry(ResultSet rs, int n) throws SQLException {
    OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
    return new Entry(rs.getLong("id"), rs.getString("incident_id"), rs.getLong("seq"), rs.getString("evidence_id"),
        rs.getString("action"), rs.getString("actor"), at == null ? Instant.EPOCH : at.toInstant(),
        rs.getString("occurred_zone"), rs.getString("location"), rs.getString("reason"),
        rs.getString("evidence_sha256"), rs.getString("prev_hash"), rs.getString("entry_hash"));
  }
}
