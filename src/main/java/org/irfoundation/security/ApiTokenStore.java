package org.irfoundation.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code api_token} (db/migration/V16). */
@Repository
class ApiTokenStore {

  private final JdbcClient jdbc;

  ApiTokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ApiToken token, String secretHash) {
    jdbc.sql("""
        insert into api_token (id, user_id, name, scopes, secret_hash, created_at, created_by, expires_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(token.id(), token.user(), token.name(), String.join(" ", token.scopes()), secretHash,
            utc(token.createdAt()), token.createdBy(), utc(token.expiresAt()))
        .update();
  }

  Optional<ApiToken> bySecretHash(String secretHash) {
    return jdbc.sql("select * from api_token where secret_hash = ?").param(secretHash).query(ApiTokenStore::row)
        .optional();
  }

  Optional<ApiToken> find(String id) {
    return jdbc.sql("select * from api_token where id = ?").param(id).query(ApiTokenStore::row).optional();
  }

  List<ApiToken> all() {
    return jdbc.sql("select * from api_token order by created_at desc, id").query(ApiTokenStore::row).list();
  }

  long count() {
    return jdbc.sql("select count(*) from api_token").query(Long.class).single();
  }

  /** Revokes the token unless it already is; true if this call revoked it. */
  boolean revoke(String id, String by, Instant at) {
    return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
        .params(utc(at), by, id).update() > 0;
  }

  void used(String id, Instant at) {
    jdbc.sql("update api_token set last_used_at = ? where id = ?").params(utc(at), id).update();
  }

  private static ApiToken row(ResultSet rs, int n) throws SQLException {
    return new ApiToken(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
        Arrays.stream(rs.getString("scopes").split(" ")).filter(s -> !s.isEmpty()).toList(),
        instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
        rs.getString("revoked_by"), instant(rs, "last_used_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
