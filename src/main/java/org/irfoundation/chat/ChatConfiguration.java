package org.irfoundation.chat;

import java.util.List;
import org.irfoundation.connector.ProviderCheck;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The chat settings ({@code irf.chat.*}); an unknown provider stops start-up before any adapter is chosen. */
@Configuration(proxyBeanMethods = false)
@Conditional(ChatConfiguration.KnownProvider.class)
@EnableConfigurationProperties(ChatProperties.class)
public class ChatConfiguration {

  public static final String PROVIDER = "irf.chat.provider";
  public static final List<String> PROVIDERS = List.of("builtin", "slack", "teams", "mattermost");
  /** {@code /actuator/health/chat}: the contributor's name comes from its bean's. */
  public static final String HEALTH = "chat";

  /** Whether the configured chat answers: the adapter's own check (UNKNOWN for a webhook whose host answers). */
  @Bean
  HealthIndicator chatHealthIndicator(ChatChannel chat) {
    return chat::health;
  }

  static class KnownProvider extends ProviderCheck {
    KnownProvider() {
      super(PROVIDER, PROVIDERS);
    }
  }
}
