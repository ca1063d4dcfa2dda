package org.irfoundation.evidence;

import java.util.List;
import org.irfoundation.evidence.EvidenceException.Problem;

/** The rules an item's texts follow however they arrive (upload form, step input, source headers). */
final class EvidenceInput {

  private EvidenceInput() {}

  /**
   * The value trimmed, or null when blank; a problem for {@code field} when it is required and blank or longer than
   * {@code max}.
   */
  static String text(String value, String field, int max, boolean required, List<Problem> problems) {
    String trimmed = value == null ? null : value.trim();
    if (trimmed == null || trimmed.isEmpty()) {
      if (required) {
        problems.add(new Problem(field, "is required"));
      }
      return null;
    }
    if (trimmed.length() > max) {
      problems.add(new Problem(field, "is longer than " + max + " characters"));
      return null;
    }
    String notText = org.irfoundation.api.TextInput.problem(trimmed);
    if (notText != null) {
      problems.add(new Problem(field, notText));
      return null;
    }
    return trimmed;
  }

  /** A file name is recorded and shown, never used as a path; one that looks like a path is refused. */
  static String fileNameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "needs a file name";
    }
    if (name.length() > 255) {
      return "file name is longer than 255 characters";
    }
    if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      return "file name must be a plain name, without path separators or '..' (got '" + printable(name) + "')";
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "file name contains control characters";
    }
    return null;
  }

  /** A value someone else chose (a declared type, a host), cut to what the record keeps. */
  static String clip(String value, int max) {
    return value == null ? null : value.length() > max ? value.substring(0, max) : value;
  }

  private static String printable(String name) {
    String shown = name.length() > 60 ? name.substring(0, 60) + "…" : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
