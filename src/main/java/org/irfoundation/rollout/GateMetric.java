package org.irfoundation.rollout;

/**
 * One success metric of a week's gate, as measured from the system's own data: what it must reach, what it is,
 * and for an unmet one the reason a person can act on (e.g. the roles that have no member).
 */
public record GateMetric(String name, String target, String measured, boolean met, String reason) {

  public static GateMetric met(String name, String target, String measured) {
    return new GateMetric(name, target, measured, true, null);
  }

  public static GateMetric unmet(String name, String target, String measured, String reason) {
    return new GateMetric(name, target, measured, false, reason);
  }
}
