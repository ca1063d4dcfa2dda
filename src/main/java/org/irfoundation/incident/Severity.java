package org.irfoundation.incident;

import java.util.Arrays;

/**
 * P1 (highest) to P4, with the response SLA of each (playbooks.md, "Severity"; the rows of incident-severity.dmn
 * answer the same SLA, as a test checks). A higher severity is a lower number.
 */
public enum Severity {
  P1("PT15M"), P2("PT1H"), P3("PT4H"), P4("PT24H");

  private final String responseSla;

  Severity(String responseSla) {
    this.responseSla = responseSla;
  }

  public String responseSla() {
    return responseSla;
  }

  public boolean isHigherThan(Severity other) {
    return other == null || compareTo(other) < 0;
  }

  /** P1..P4 as a model or a form writes it; anything else is refused with the values it takes. */
  public static Severity of(String text) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text == null ? "" : text.trim()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("'" + text + "' is no severity: use one of "
            + Arrays.toString(values())));
  }

  /** Null for an incident not classified yet. */
  public static Severity orNull(String text) {
    return text == null || text.isBlank() ? null : of(text);
  }
}
