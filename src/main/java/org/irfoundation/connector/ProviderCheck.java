package org.irfoundation.connector;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Checks one port's provider setting before any bean is created: exactly one adapter per port is active (each
 * carries {@code @ConditionalOnProperty}), so an unknown provider would leave the port without adapter. It stops
 * start-up with a message naming the setting and the values it takes instead. Each capability that has a provider
 * setting subclasses it for its own configuration ({@code @Conditional}).
 */
public abstract class ProviderCheck implements Condition {

  private final String key;
  private final List<String> known;

  protected ProviderCheck(String key, List<String> known) {
    this.key = key;
    this.known = List.copyOf(known);
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    check(key, context.getEnvironment().getProperty(key), known);
    return true;
  }

  static void check(String key, String value, List<String> known) {
    if (value != null && !known.contains(value.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalStateException(key + "=" + value + " is not a known provider: set it to one of "
          + String.join(", ", known) + " (or leave it out for builtin)");
    }
  }
}
