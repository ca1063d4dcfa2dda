package org.irfoundation.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.irfoundation.chat.BuiltinWarRoomLog;
import org.irfoundation.chat.ChatChannel;
import org.irfoundation.chat.ChatConfiguration;
import org.irfoundation.chat.MattermostChatChannel;
import org.irfoundation.chat.SlackChatChannel;
import org.irfoundation.chat.TeamsChatChannel;
import org.irfoundation.mail.BuiltinNoticeLog;
import org.irfoundation.mail.MailConfiguration;
import org.irfoundation.mail.NoticeLogHealthIndicator;
import org.irfoundation.mail.Notifier;
import org.irfoundation.mail.SmtpNotifier;
import org.irfoundation.ticket.BuiltinTicketLog;
import org.irfoundation.ticket.JiraTicketSystem;
import org.irfoundation.ticket.ServiceNowTicketSystem;
import org.irfoundation.ticket.TicketConfiguration;
import org.irfoundation.ticket.TicketProperties;
import org.irfoundation.ticket.TicketSystem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/** Provider settings pick exactly one adapter per port; an unknown provider stops start-up with a readable message. */
class ConnectorsConfigurationTest {

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
      .withBean(IdentityService.class, () -> mock(IdentityService.class))
      .withBean(JavaMailSender.class, () -> mock(JavaMailSender.class))
      .withUserConfiguration(TicketConfiguration.class, ChatConfiguration.class, MailConfiguration.class,
          BuiltinTicketLog.class, JiraTicketSystem.class,
          ServiceNowTicketSystem.class, BuiltinWarRoomLog.class, SlackChatChannel.class, TeamsChatChannel.class,
          MattermostChatChannel.class, BuiltinNoticeLog.class, SmtpNotifier.class, NoticeLogHealthIndicator.class);

  @Test
  void withoutSettingsTheBuiltinsAreTheOnlyAdapters() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(TicketSystem.class).hasSingleBean(ChatChannel.class)
          .hasSingleBean(Notifier.class);
      assertThat(context.getBean(TicketSystem.class)).isInstanceOf(BuiltinTicketLog.class);
      assertThat(context.getBean(ChatChannel.class)).isInstanceOf(BuiltinWarRoomLog.class);
      assertThat(context.getBean(Notifier.class)).isInstanceOf(BuiltinNoticeLog.class);
      // each port's health contributor, named for /actuator/health
      assertThat(context).hasBean("ticketHealthIndicator").hasBean("chatHealthIndicator")
          .hasBean("mailHealthIndicator");
    });
  }

  @Test
  void eachProviderActivatesItsAdapterOnly() {
    runner.withPropertyValues("irf.ticket.provider=jira", "irf.ticket.jira.base-url=https://acme.atlassian.net",
            "irf.ticket.jira.email=ir@acme.example", "irf.ticket.jira.api-token=tok-123",
            "irf.chat.provider=SLACK", "irf.chat.slack.bot-token=xoxb-1", "irf.mail.enabled=true")
        .run(context -> {
          assertThat(context).hasSingleBean(TicketSystem.class).hasSingleBean(ChatChannel.class)
              .hasSingleBean(Notifier.class);
          assertThat(context.getBean(TicketSystem.class)).isInstanceOf(JiraTicketSystem.class);
          assertThat(context.getBean(ChatChannel.class)).isInstanceOf(SlackChatChannel.class);
          assertThat(context.getBean(Notifier.class)).isInstanceOf(SmtpNotifier.class);
          assertThat(context.getBean(TicketProperties.class).toString()).doesNotContain("tok-123");
          // SMTP on: Spring Boot's mail health check takes the name (MailHealthTest)
          assertThat(context).doesNotHaveBean("mailHealthIndicator");
        });
    runner.withPropertyValues("irf.ticket.provider=servicenow", "irf.ticket.servicenow.instance-url=https://acme.service-now.com",
            "irf.ticket.servicenow.user=u", "irf.ticket.servicenow.password=p",
            "irf.chat.provider=teams", "irf.chat.teams.webhook-url=https://example.test/hook")
        .run(context -> {
          assertThat(context.getBean(TicketSystem.class)).isInstanceOf(ServiceNowTicketSystem.class);
          assertThat(context.getBean(ChatChannel.class)).isInstanceOf(TeamsChatChannel.class);
        });
    runner.withPropertyValues("irf.chat.provider=mattermost", "irf.chat.mattermost.webhook-url=https://example.test/hooks/x")
        .run(context -> assertThat(context.getBean(ChatChannel.class)).isInstanceOf(MattermostChatChannel.class));
  }

  static Throwable cause(org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
    return org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
  }

  @Test
  void anUnknownProviderStopsStartUpNamingTheSettingAndItsValues() {
    runner.withPropertyValues("irf.ticket.provider=jirra").run(context -> assertThat(cause(context))
        .hasMessage("irf.ticket.provider=jirra is not a known provider: set it to one of builtin, jira, "
            + "servicenow (or leave it out for builtin)"));
    runner.withPropertyValues("irf.chat.provider=discord").run(context -> assertThat(cause(context))
        .hasMessageStartingWith("irf.chat.provider=discord is not a known provider"));
  }

  @Test
  void aProviderWithoutItsSecretsStopsStartUpNamingTheEnvironmentVariables() {
    runner.withPropertyValues("irf.ticket.provider=jira").run(context -> assertThat(cause(context))
        .hasMessageContaining("irf.ticket.provider=jira needs irf.ticket.jira.base-url")
        .hasMessageContaining("IRF_JIRA_API_TOKEN"));
    runner.withPropertyValues("irf.chat.provider=slack").run(context -> assertThat(cause(context))
        .hasMessageContaining("IRF_SLACK_BOT_TOKEN"));
  }
}
