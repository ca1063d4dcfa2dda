package org.irfoundation.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code evidence} table: what each item is, where it is stored and its SHA-256 (never its content). */
@Repository
public class EvidenceRecords {

  private final JdbcClient jdbc;

  public EvidenceRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record EvidenceRow(String id, String incidentId, String item, String fileName, String declaredType,
      String description, long size, String sha256, String store, String location, String collectedBy,
      ZonedDateTime collectedAt, String sourceSystem, String collectionMethod, String registeredBy,
      Instant registeredAt, Instant verifiedAt, Boolean verifiedIntact) {}

  /**
   * Inserts an item. {@code fetchKey} (null for uploads) is unique: a second item under the same key fails with
   * {@link org.springframework.dao.DuplicateKeyException}.
   */
  public void insert(EvidenceRow row, String fetchKey) {
    jdbc.sql("""
        insert into evidence (id, incident_id, item, file_name, declared_type, description, size_bytes, sha256,
          store, location, collected_by, collected_at, collected_zone, source_system, collection_method,
          registered_by, registered_at, fetch_key)
        values (:id, :incident, :item, :fileName, :declaredType, :description, :size, :sha256, :store, :location,
          :collectedBy, :collectedAt, :collectedZone, :sourceSystem, :method, :registeredBy, :registeredAt,
          :fetchKey)""")
        .param("id", row.id()).param("incident", row.incidentId()).param("item", row.item())
        .param("fileName", row.fileName()).param("declaredType", row.declaredType())
        .param("description", row.description()).param("size", row.size()).param("sha256", row.sha256())
        .param("store", row.store()).param("location", row.location()).param("collectedBy", row.collectedBy())
        .param("collectedAt", row.collectedAt().toOffsetDateTime())
        .param("collectedZone", row.collectedAt().getZone().getId())
        .param("sourceSystem", row.sourceSystem()).param("method", row.collectionMethod())
        .param("registeredBy", row.registeredBy()).param("registeredAt", row.registeredAt().atOffset(ZoneOffset.UTC))
        .param("fetchKey", fetchKey)
        .update();
  }

  /** The item a process step's job stored under {@code fetchKey}, if an attempt of it did. */
  public Optional<EvidenceRow> findByFetchKey(String fetchKey) {
    return jdbc.sql("select * from evidence where fetch_key = ?").param(fetchKey).query(EvidenceRecords::row)
        .optional();
  }

  public Optional<EvidenceRow> find(String incidentId, String evidenceId) {
    return jdbc.sql("select * from evidence where incident_id = ? and id = ?").params(incidentId, evidenceId)
        .query(EvidenceRecords::row).optional();
  }

  public List<EvidenceRow> list(String incidentId) {
    return jdbc.sql("select * from evidence where incident_id = ? order by registered_at, id").param(incidentId)
        .query(EvidenceRecords::row).list();
  }

  /** Every incident that has evidence. */
  public List<String> incidents() {
    return jdbc.sql("select distinct incident_id from evidence").query(String.class).list();
  }

  public void verified(String evidenceId, Instant at, boolean intact) {
    jdbc.sql("update evidence set verified_at = ?, verified_intact = ? where id = ?")
        .params(at.atOffset(ZoneOffset.UTC), intact, evidenceId).update();
  }

  private static EvidenceRow row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime collected = rs.getObject("collected_at", OffsetDateTime.class);
    OffsetDateTime verifiedAt = rs.getObject("verified_at", OffsetDateTime.class);
    boolean intact = rs.getBoolean("verified_intact");
    Boolean verifiedIntact = rs.wasNull() ? null : intact;
    return new EvidenceRow(rs.getString("id"), rs.getString("incident_id"), rs.getString("item"),
        rs.getString("file_name"), rs.getString("declared_type"), rs.getString("description"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("store"), rs.getString("location"),
        rs.getString("collected_by"), collected.atZoneSameInstant(zone(rs.getString("collected_zone"))),
        rs.getString("source_system"), rs.getString("collection_method"), rs.getString("registered_by"),
        rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
        verifiedAt == null ? null : verifiedAt.toInstant(), verifiedIntact);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
