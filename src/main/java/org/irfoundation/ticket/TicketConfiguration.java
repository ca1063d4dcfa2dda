package org.irfoundation.ticket;

import java.util.List;
import org.irfoundation.connector.ProviderCheck;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The ticket settings ({@code irf.ticket.*}); an unknown provider stops start-up before any adapter is chosen. */
@Configuration(proxyBeanMethods = false)
@Conditional(TicketConfiguration.KnownProvider.class)
@EnableConfigurationProperties(TicketProperties.class)
public class TicketConfiguration {

  public static final String PROVIDER = "irf.ticket.provider";
  public static final List<String> PROVIDERS = List.of("builtin", "jira", "servicenow");
  /** {@code /actuator/health/ticket}: the contributor's name comes from its bean's. */
  public static final String HEALTH = "ticket";

  /** Whether the configured ticket system answers: the adapter's own check. */
  @Bean
  HealthIndicator ticketHealthIndicator(TicketSystem tickets) {
    return tickets::health;
  }

  static class KnownProvider extends ProviderCheck {
    KnownProvider() {
      super(PROVIDER, PROVIDERS);
    }
  }
}
