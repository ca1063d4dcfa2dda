package org.irfoundation.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code report} (db/migration/V14): one final report per incident and kind. */
@Repository
class ReportStore {

  private final JdbcClient jdbc;

  ReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the report; a second final report of the same incident and kind fails with a duplicate key. */
  void insert(StoredReport report) {
    jdbc.sql("""
        insert into report (id, incident_id, kind, title, media_type, location, size_bytes, sha256, created_at,
          created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(report.id(), report.incidentId(), report.kind().name(), report.title(), report.mediaType(),
            report.location(), report.size(), report.sha256(), report.createdAt().atOffset(ZoneOffset.UTC),
            report.createdBy())
        .update();
  }

  Optional<StoredReport> find(String incidentId, ReportRequest.Kind kind) {
    return jdbc.sql("select * from report where incident_id = ? and kind = ?").params(incidentId, kind.name())
        .query((rs, n) -> new StoredReport(rs.getString("id"), rs.getString("incident_id"),
            ReportRequest.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("media_type"),
            rs.getString("location"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
        .optional();
  }
}
