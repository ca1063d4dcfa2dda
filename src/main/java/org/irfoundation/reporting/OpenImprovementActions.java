package org.irfoundation.reporting;

/**
 * How many improvement actions are open, for the gauge {@code irf.improvement.open}: a bean of this type (e.g. over
 * the review's improvement actions) makes the gauge appear; without one there is no gauge.
 */
@FunctionalInterface
public interface OpenImprovementActions {

  /** Open improvement actions, of exercises or of real incidents. */
  long count(boolean exercise);
}
