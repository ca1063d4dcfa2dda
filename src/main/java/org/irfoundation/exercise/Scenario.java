package org.irfoundation.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.irfoundation.intake.AlertReport;
import org.irfoundation.intake.IncidentReport;

/**
 * An exercise scenario, as a file under {@code scenarios/} describes it ({@link Scenarios}): the incident to report,
 * the injects that arrive at offsets of scenario time, the objectives, and per inject what the team is expected to
 * do within a target time for a score.
 *
 * @param incident the report, without its detection time (the exercise's start)
 * @param playbook the playbook the incident should end up in (a check of the scenario, shown on the report)
 * @param source the file it came from, for messages
 */
public record Scenario(String id, String title, String summary, String playbook, Duration duration,
    List<String> objectives, IncidentReport incident, List<Inject> injects, String source) {

  public enum Mode { TABLETOP, TECHNICAL }

  /**
   * Something that happens at {@code at} after the start (scenario time): a narrative the war room reads, and
   * optionally an alert through the intake (new facts raise severity or bring in personal data), variables set on
   * the incident's running processes, or a message correlated to them.
   */
  public record Inject(String id, Duration at, String title, String description, AlertReport alert,
      Map<String, Object> facts, Message message, List<Expectation> expectations) {

    public int maxScore(Mode mode) {
      return expectations.stream().filter(e -> e.appliesTo(mode)).mapToInt(Expectation::score).sum();
    }
  }

  public record Message(String name, Map<String, Object> variables) {}

  /** What the team is expected to do after an inject: one check, a target time and what it is worth. */
  public enum Kind { DECISION, TASK, NOTICE, EVENT }

  /**
   * @param task a user task (its id in the models) completed in any of the incident's processes, or
   * @param event a timeline event ({@link org.irfoundation.incident.TimelineEvent}) whose detail contains
   *     {@code detail} (any detail when null)
   * @param within target time after the inject, in scenario time
   * @param modes the modes it is scored in (a tabletop does not upload disk images)
   */
  public record Expectation(String id, String title, Kind kind, String task, String event, String detail,
      Duration within, int score, Set<Mode> modes) {

    public boolean appliesTo(Mode mode) {
      return modes.contains(mode);
    }
  }

  public int maxScore(Mode mode) {
    return injects.stream().mapToInt(i -> i.maxScore(mode)).sum();
  }

  public Inject inject(String injectId) {
    return injects.stream().filter(i -> i.id().equals(injectId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("scenario " + id + " has no inject " + injectId));
  }
}
