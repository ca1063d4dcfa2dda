package org.irfoundation.mail;

import org.irfoundation.connector.ConnectorHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mail} while notices go to the built-in notice log. With SMTP on ({@code irf.mail.enabled})
 * this bean is absent and Spring Boot's own mail health indicator takes the name {@code mail}: it connects to the
 * SMTP server with {@code spring.mail.*} and its timeouts, so there is no second SMTP check here. The bean name is
 * the one Boot's backs off for, so the two never both exist.
 */
@Component(NoticeLogHealthIndicator.BEAN)
@ConditionalOnProperty(name = MailConfiguration.ENABLED, havingValue = "false", matchIfMissing = true)
public class NoticeLogHealthIndicator implements HealthIndicator {

  /** The contributor's name, for the notice log and for Spring Boot's SMTP indicator alike. */
  public static final String NAME = "mail";
  static final String BEAN = "mailHealthIndicator";

  private final JdbcClient jdbc;

  public NoticeLogHealthIndicator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Health health() {
    return ConnectorHealth.check("built-in notice log", "table notice_log", () -> "the table answers ("
        + jdbc.sql("select count(*) from notice_log").query(Long.class).single() + " notices)");
  }
}
