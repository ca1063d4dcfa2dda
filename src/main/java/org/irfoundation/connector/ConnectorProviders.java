package org.irfoundation.connector;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Checks the provider settings before any bean is created: exactly one adapter per port is active (each carries
 * {@code @ConditionalOnProperty}), so an unknown provider would leave a port without adapter. It stops start-up
 * with a message naming the setting and the values it takes instead.
 */
public class ConnectorProviders implements Condition {

  public static final String TICKET = "irf.ticket.provider";
  public static final String CHAT = "irf.chat.provider";
  public static final List<String> TICKET_PROVIDERS = List.of("builtin", "jira", "servicenow");
  public static final List<String> CHAT_PROVIDERS = List.of("builtin", "slack", "teams", "mattermost");

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    check(TICKET, context.getEnvironment().getProperty(TICKET), TICKET_PROVIDERS);
    check(CHAT, context.getEnvironment().getProperty(CHAT), CHAT_PROVIDERS);
    return true;
  }

  static void check(String key, String value, List<String> known) {
    if (value != null && !known.contains(value.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException(key + "=" + value + " is not a known provider: set it to one of "
          + String.join(", ", known) + " (or leave it out for builtin)");
    }
  }
}
