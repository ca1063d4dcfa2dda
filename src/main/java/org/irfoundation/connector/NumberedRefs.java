package org.irfoundation.connector;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The references of a built-in adapter, whose "outside system" is a table of the app's own database: a prefix and
 * the row's number ({@code IRF-42}, {@code WR-7}). Shared by the built-in ticket log and war-room log.
 */
public record NumberedRefs(String prefix, String what) {

  public String ref(long number) {
    return prefix + number;
  }

  /** The row number of a reference; one of another system (a Jira key) is refused. */
  public long number(String ref) {
    if (ref.startsWith(prefix)) {
      try {
        return Long.parseLong(ref.substring(prefix.length()));
      } catch (NumberFormatException notOurs) {
        // falls through
      }
    }
    throw new IllegalArgumentException("not a built-in " + what + " reference: " + ref);
  }

  /** An insert-select or update of the referenced row changed nothing: there is no such row. */
  public void requireRow(int changed, String ref) {
    if (changed == 0) {
      throw noSuch(ref);
    }
  }

  public IllegalArgumentException noSuch(String ref) {
    return new IllegalArgumentException("no " + what + " " + ref);
  }

  public static OffsetDateTime now() {
    return Instant.now().atOffset(ZoneOffset.UTC);
  }

  public static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
