package org.irfoundation.connector;

import java.util.function.Supplier;

/**
 * Where an exercise incident's tickets and messages go: the exercise variant of a connector (its exercise project or
 * channel, everything it writes marked {@link #MARK}), built on first use. A missing setting refuses each time it is
 * asked for, so an exercise never falls back to the production target and the job's Cockpit incident names the
 * property; fixing the setting and restarting is enough.
 */
public final class ExerciseRouting<T> {

  /** What every text an exercise sends out starts with. */
  public static final String MARK = "[EXERCISE] ";

  private final Supplier<T> variant;
  private T built;

  public ExerciseRouting(Supplier<T> variant) {
    this.variant = variant;
  }

  /** The exercise variant; throws the adapter's {@link ConnectorConfigurationException} while it is not configured. */
  public synchronized T variant() {
    if (built == null) {
      built = variant.get();
    }
    return built;
  }

  /** {@code text} marked, once; null stays null. */
  public static String mark(String text) {
    return text == null || text.startsWith(MARK) ? text : MARK + text;
  }

  public static boolean isMarked(String text) {
    return text != null && text.startsWith(MARK);
  }

  /**
   * The refusal of an adapter without an exercise target: names the property (and its environment variable) and says
   * that nothing went to the production target.
   */
  public static ConnectorConfigurationException notConfigured(String system, String property, String environment,
      String what) {
    return new ConnectorConfigurationException(system, 0, "an exercise incident's " + what + " needs "
        + property + " (" + environment + "), where " + system + " keeps exercises apart; nothing was sent to the "
        + "production one. Set it, restart and retry");
  }

  /**
   * An exercise variant posts to its war rooms only: a standing channel (announcements) is production's, so the
   * war-room service posts an exercise's announcements to its war room instead; this guards the rule.
   */
  public static void refuseStandingChannel(String mark, String channel) {
    if (!mark.isEmpty()) {
      throw new IllegalStateException("an exercise posts to its war room, never to the standing channel " + channel);
    }
  }

  /** The refusal of an exercise target that is the production target itself. */
  public static ConnectorConfigurationException sameAsProduction(String system, String property) {
    return new ConnectorConfigurationException(system, 0, property + " names the production target: exercises "
        + "need a project or channel of their own; nothing was sent");
  }
}
