package org.irfoundation.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.irfoundation.connector.ClosedPort;
import org.irfoundation.engine.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /actuator/health/mail}: the notice log's table while SMTP is off; with SMTP on, Spring Boot's own mail
 * indicator under the same name (against GreenMail), never both. Wired as application.yaml does it.
 */
class MailHealthTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
          MailHealthContributorAutoConfiguration.class))
      .withBean(JdbcClient.class, () -> db.jdbc)
      .withUserConfiguration(MailConfiguration.class, NoticeLogHealthIndicator.class)
      // as in application.yaml
      .withPropertyValues("management.health.mail.enabled=${irf.mail.enabled:false}");

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void withSmtpOffTheNoticeLogIsTheMailHealthCheckEvenWhenAServerIsConfigured() {
    runner.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + smtp.getSmtp().getPort())
        .run(context -> {
          assertThat(context).hasSingleBean(HealthIndicator.class).doesNotHaveBean(MailHealthIndicator.class);
          HealthIndicator mail = context.getBean("mailHealthIndicator", HealthIndicator.class);
          assertThat(mail).isInstanceOf(NoticeLogHealthIndicator.class);
          assertThat(mail.health().getStatus()).isEqualTo(Status.UP);
          assertThat(mail.health().getDetails()).containsEntry("system", "built-in notice log");
        });
  }

  @Test
  void withSmtpOnSpringBootsMailIndicatorConnectsToTheServer() {
    runner.withPropertyValues("irf.mail.enabled=true", "spring.mail.host=localhost",
            "spring.mail.port=" + smtp.getSmtp().getPort())
        .run(context -> {
          assertThat(context).hasSingleBean(HealthIndicator.class).doesNotHaveBean(NoticeLogHealthIndicator.class);
          HealthIndicator mail = context.getBean("mailHealthContributor", HealthIndicator.class);
          assertThat(mail).isInstanceOf(MailHealthIndicator.class);
          assertThat(mail.health().getStatus()).isEqualTo(Status.UP);
        });
    runner.withPropertyValues("irf.mail.enabled=true", "spring.mail.host=localhost",
            "spring.mail.port=" + ClosedPort.port())
        .run(context -> assertThat(context.getBean("mailHealthContributor", HealthIndicator.class).health()
            .getStatus()).isEqualTo(Status.DOWN));
  }
}
