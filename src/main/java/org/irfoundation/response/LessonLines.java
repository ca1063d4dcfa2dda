package org.irfoundation.response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Reads the lessons of a review: one a line, {@code lesson | changes:<what> | owner:<user id> | due:<yyyy-mm-dd>},
 * where {@code <what>} is the key of a deployed playbook ({@code playbook-...}) or decision, {@code training} or
 * {@code other} (either optionally {@code :what}, e.g. {@code training:phishing-drill}). Blank lines are skipped, a
 * leading "- " or "* " is dropped. A form answer with a bad line is refused with every bad line named, so the IR lead
 * fixes them in Tasklist and nothing is recorded meanwhile.
 */
@Component
public class LessonLines {

  public static final String FORMAT =
      "lesson | changes:<playbook key, decision key, training or other> | owner:<user id> | due:<yyyy-mm-dd>";
  static final int MAX_LESSONS = 50;
  static final int MAX_TEXT = 500;
  static final int MAX_REF = 200;
  static final String PLAYBOOK_PREFIX = "playbook-";
  private static final List<String> KEYS = List.of("changes", "owner", "due");

  private final RepositoryService repository;
  private final IdentityService identity;
  private final SystemContext system;

  public LessonLines(RepositoryService repository, IdentityService identity, SystemContext system) {
    this.repository = repository;
    this.identity = identity;
    this.system = system;
  }

  /** The lessons of {@code text} (none for null or blank); a bad line is refused ({@link FormRefusal}) on {@code field}. */
  public List<Lesson> parse(String text, LocalDate today, String field) {
    List<Lesson> lessons = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("- ") || line.startsWith("* ")) {
        line = line.substring(2).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      try {
        lessons.add(lesson(i + 1, line, today));
      } catch (IllegalArgumentException bad) {
        problems.add("line " + (i + 1) + ": " + bad.getMessage());
      }
    }
    if (lessons.size() + problems.size() > MAX_LESSONS) {
      problems.add(0, "at most " + MAX_LESSONS + " lessons");
    }
    if (!problems.isEmpty()) {
      throw FormRefusal.of(field, "Lessons learned: " + String.join("; ", problems) + ". Write each lesson as: "
          + FORMAT);
    }
    return lessons;
  }

  private Lesson lesson(int number, String line, LocalDate today) {
    String[] parts = line.split("\\|");
    String lesson = parts[0].strip();
    if (lesson.isEmpty()) {
      throw new IllegalArgumentException("the lesson itself comes first, before the first |");
    }
    if (lesson.length() > MAX_TEXT) {
      throw new IllegalArgumentException("the lesson is longer than " + MAX_TEXT + " characters");
    }
    Map<String, String> values = new HashMap<>();
    for (int p = 1; p < parts.length; p++) {
      String part = parts[p].strip();
      int colon = part.indexOf(':');
      String key = colon < 0 ? part : part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (colon < 0 || !KEYS.contains(key)) {
        throw new IllegalArgumentException("'" + part + "' is none of changes:, owner:, due:");
      }
      if (values.put(key, part.substring(colon + 1).strip()) != null) {
        throw new IllegalArgumentException(key + ": is given twice");
      }
    }
    List<String> missing = KEYS.stream().filter(k -> values.get(k) == null || values.get(k).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("'" + abbreviate(lesson) + "' needs " + String.join(":, ", missing) + ":");
    }
    String[] changes = changes(values.get("changes"));
    return new Lesson(number, lesson, changes[0], changes[1], owner(values.get("owner")),
        due(values.get("due"), today));
  }

  /** Kind and reference of what a lesson changes. */
  private String[] changes(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String kind : List.of(Improvement.TRAINING, Improvement.OTHER)) {
      if (lower.equals(kind) || lower.startsWith(kind + ":")) {
        String what = value.length() > kind.length() ? value.substring(kind.length() + 1).strip() : "";
        if (what.length() > MAX_REF) {
          throw new IllegalArgumentException("changes:" + kind + ": is longer than " + MAX_REF + " characters");
        }
        return new String[] {kind, what.isEmpty() ? null : what};
      }
    }
    boolean process = system.call(() -> repository.createProcessDefinitionQuery().processDefinitionKey(value)
        .latestVersion().count() > 0);
    if (process && value.startsWith(PLAYBOOK_PREFIX)) {
      return new String[] {Improvement.PLAYBOOK, value};
    }
    if (process) {
      throw new IllegalArgumentException("changes:" + value + " is a process, not a playbook: write changes:other:"
          + value);
    }
    boolean decision = system.call(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(value)
        .latestVersion().count() > 0);
    if (decision) {
      return new String[] {Improvement.DECISION, value};
    }
    throw new IllegalArgumentException("changes:" + value + " names no deployed playbook or decision; name a playbook"
        + " key (playbook-...), a decision key, training or other");
  }

  private String owner(String userId) {
    boolean known = system.call(() -> identity.createUserQuery().userId(userId).count() > 0);
    if (!known) {
      throw new IllegalArgumentException("owner:" + userId + " is no user (owner: takes a user id, e.g. owner:lena)");
    }
    return userId;
  }

  private static LocalDate due(String value, LocalDate today) {
    LocalDate due;
    try {
      due = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("due:" + value + " is no date (yyyy-mm-dd)", e);
    }
    if (due.isBefore(today)) {
      throw new IllegalArgumentException("due:" + value + " is in the past");
    }
    return due;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
