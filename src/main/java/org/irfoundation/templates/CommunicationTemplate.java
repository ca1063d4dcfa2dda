package org.irfoundation.templates;

import java.util.Arrays;
import java.util.Locale;

/** The communication templates in {@code src/main/resources/templates/<file>.mustache}. */
public enum CommunicationTemplate {
  STATUS_UPDATE("status-update"),
  EXECUTIVE_BRIEF("executive-brief"),
  LEGAL_HOLD_NOTICE("legal-hold-notice"),
  REGULATOR_NOTICE("regulator-notice"),
  DATA_SUBJECT_NOTICE("data-subject-notice"),
  WAR_ROOM_OPENING("war-room-opening");

  private final String file;

  CommunicationTemplate(String file) {
    this.file = file;
  }

  /** The template's name as process owners write it ({@code regulator-notice}). */
  public String file() {
    return file;
  }

  /** By file name ({@code regulator-notice}) or constant ({@code REGULATOR_NOTICE}). */
  public static CommunicationTemplate named(String name) {
    String wanted = name.trim();
    return Arrays.stream(values())
        .filter(t -> t.file.equalsIgnoreCase(wanted) || t.name().equals(wanted.toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no communication template \"" + name + "\": use one of "
            + Arrays.stream(values()).map(CommunicationTemplate::file).toList()));
  }
}
