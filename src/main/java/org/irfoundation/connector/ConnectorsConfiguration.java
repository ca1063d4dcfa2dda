package org.irfoundation.connector;

import org.irfoundation.chat.ChatProperties;
import org.irfoundation.mail.MailProperties;
import org.irfoundation.ticket.TicketProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The connectors' typed settings ({@code irf.ticket.*}, {@code irf.chat.*}, {@code irf.mail.*}); providers checked first. */
@Configuration(proxyBeanMethods = false)
@Conditional(ConnectorProviders.class)
@EnableConfigurationProperties({TicketProperties.class, ChatProperties.class, MailProperties.class})
public class ConnectorsConfiguration {
}
