package org.irfoundation.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The default notifier: notices are kept in the app's own database (table {@code notice_log}), where responders
 * and reports read them. The unique idempotency key keeps a retried job from logging a notice twice.
 */
@Component
@ConditionalOnProperty(name = MailConfiguration.ENABLED, havingValue = "false", matchIfMissing = true)
public class BuiltinNoticeLog implements Notifier {

  private final JdbcClient jdbc;

  public BuiltinNoticeLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(Notice notice) {
    if (find(notice.idempotencyKey()).isPresent()) {
      return;
    }
    try {
      jdbc.sql("""
          insert into notice_log (idempotency_key, incident_id, recipient_groups, recipient_addresses, subject, body,
            sent_at)
          values (:key, :incident, :groups, :addresses, :subject, :body, :at)""")
          .param("key", notice.idempotencyKey()).param("incident", notice.incidentId())
          .param("groups", String.join(",", notice.recipientGroups()))
          .param("addresses", notice.recipientAddresses().isEmpty() ? null : String.join(",", notice.recipientAddresses()))
          .param("subject", notice.subject().length() <= 300 ? notice.subject() : notice.subject().substring(0, 300))
          .param("body", notice.body()).param("at", Instant.now().atOffset(ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException concurrentSend) {
      // sent by a concurrent attempt with the same key: once is enough
    }
  }

  /** The notice logged under a key, if any. */
  public Optional<Notice> find(String idempotencyKey) {
    return jdbc.sql("""
        select incident_id, recipient_groups, subject, body, idempotency_key, recipient_addresses from notice_log
        where idempotency_key = ?""")
        .param(idempotencyKey)
        .query((rs, n) -> new Notice(rs.getString(1), split(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), split(rs.getString(6))))
        .optional();
  }

  private static List<String> split(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : java.util.Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isBlank()).toList();
  }
}
