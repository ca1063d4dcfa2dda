package org.irfoundation.exercise;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.irfoundation.exercise.Scenario.Expectation;
import org.irfoundation.exercise.Scenario.Inject;
import org.irfoundation.exercise.Scenario.Kind;
import org.irfoundation.exercise.Scenario.Message;
import org.irfoundation.exercise.Scenario.Mode;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.intake.AlertReport;
import org.irfoundation.intake.IncidentReport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one scenario file into a {@link Scenario}, or into the list of what is wrong with it, each error naming the
 * file, the line and the field ({@code ransomware.yaml:14: injects[1].expectations[0].within: not an ISO-8601
 * duration (PT30M)}). The YAML is read as a node tree so that every value keeps its line.
 */
final class ScenarioFile {

  private static final String SELF = "";

  /** The keys of a scenario file. */
  @SuppressWarnings("java:S115") // spelled as in the file
  enum Key { alert, at, description, detail, detectedAt, duration, event, expectations, facts, fingerprint, id, incident, injects, kind, message, modes, name, objectives, observedAt, playbook, score, summary, task, title, variables, within }

  private final String file;
  private final ObjectMapper json;
  private final Validator validator;
  private final List<String> errors = new ArrayList<>();

  ScenarioFile(String file, ObjectMapper json, Validator validator) {
    this.file = file;
    this.json = json;
    this.validator = validator;
  }

  List<String> errors() {
    return errors;
  }

  /** The scenario, or null when the file has errors (see {@link #errors()}). */
  Scenario read(Reader text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(text);
    } catch (MarkedYAMLException e) {
      errors.add(file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
      return null;
    }
    if (!(root instanceof MappingNode top)) {
      errors.add(file + ":1: a scenario is a mapping with id, title, incident and injects");
      return null;
    }
    Map<String, Node> fields = fields(top, "");
    String id = text(fields, "", Key.id, true);
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]{1,79}")) {
      error(fields.get(Key.id.name()), "id", "lower-case letters, digits and dashes (ransomware-to-breach)");
    }
    String title = text(fields, "", Key.title, true);
    String summary = text(fields, "", Key.summary, false);
    String playbook = text(fields, "", Key.playbook, false);
    Duration duration = duration(fields, "", Key.duration, false);
    List<String> objectives = new ArrayList<>();
    for (Node objective : list(fields, "", Key.objectives, false)) {
      objectives.add(scalar(objective, "objectives[]"));
    }
    IncidentReport incident = incident(fields.get(Key.incident.name()));
    List<Inject> injects = new ArrayList<>();
    List<Node> injectNodes = list(fields, "", Key.injects, true);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < injectNodes.size(); i++) {
      Inject inject = inject(injectNodes.get(i), "injects[" + i + "]");
      if (inject != null && inject.id() != null && !ids.add(inject.id())) {
        error(injectNodes.get(i), "injects[" + i + "].id", "'" + inject.id() + "' is used by another inject");
      }
      injects.add(inject);
    }
    return errors.isEmpty() ? new Scenario(id, title, summary, playbook, duration, List.copyOf(objectives), incident,
        List.copyOf(injects), file) : null;
  }

  private IncidentReport incident(Node node) {
    if (!(node instanceof MappingNode)) {
      errorAt(node == null ? 1 : line(node), "incident", "required: the incident to report (title, category...)");
      return null;
    }
    Map<String, Object> report = YamlNodes.plain(node);
    if (report.containsKey(Key.detectedAt.name())) {
      error(node, "incident.detectedAt", "set by the exercise (its start), leave it out");
      return null;
    }
    report.put(Key.detectedAt.name(), Instant.EPOCH.toString());
    return valid(node, "incident", report, IncidentReport.class);
  }

  private Inject inject(Node node, String path) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, path, "an inject is a mapping with id, at and title");
      return null;
    }
    Map<String, Node> fields = fields(mapping, path);
    String id = text(fields, path, Key.id, true);
    Duration at = duration(fields, path, Key.at, true);
    String title = text(fields, path, Key.title, true);
    String description = text(fields, path, Key.description, false);
    AlertReport alert = null;
    if (fields.get(Key.alert.name()) instanceof MappingNode alertNode) {
      Map<String, Object> values = YamlNodes.plain(alertNode);
      values.putIfAbsent(Key.fingerprint.name(), id);
      values.put(Key.observedAt.name(), Instant.EPOCH.toString());
      alert = valid(alertNode, path + ".alert", values, AlertReport.class);
    }
    Map<String, Object> facts = fields.get(Key.facts.name()) == null ? Map.of() : YamlNodes.plain(fields.get(Key.facts.name()));
    Message message = null;
    if (fields.get(Key.message.name()) instanceof MappingNode messageNode) {
      Map<String, Node> m = fields(messageNode, path + ".message");
      message = new Message(text(m, path + ".message", Key.name, true),
          m.get(Key.variables.name()) == null ? Map.of() : YamlNodes.plain(m.get(Key.variables.name())));
    }
    List<Expectation> expectations = new ArrayList<>();
    List<Node> nodes = list(fields, path, Key.expectations, false);
    for (int e = 0; e < nodes.size(); e++) {
      expectations.add(expectation(nodes.get(e), path + ".expectations[" + e + "]"));
    }
    return new Inject(id, at, title, description, alert, facts, message, List.copyOf(expectations));
  }

  private Expectation expectation(Node node, String path) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, path, "an expectation is a mapping with id, title, task or event, within and score");
      return null;
    }
    Map<String, Node> fields = fields(mapping, path);
    String id = text(fields, path, Key.id, true);
    String title = text(fields, path, Key.title, true);
    Kind kind = enumValue(fields, path, Key.kind, Kind.class, Kind.EVENT);
    String task = text(fields, path, Key.task, false);
    String event = text(fields, path, Key.event, false);
    if ((task == null) == (event == null)) {
      error(node, path, "give exactly one of task (a user task id) or event (a timeline event)");
    } else if (event != null && !isEvent(event)) {
      error(fields.get(Key.event.name()), path + ".event", "'" + event + "' is not a timeline event (one of "
          + List.of(TimelineEvent.values()) + ")");
    }
    String detail = text(fields, path, Key.detail, false);
    Duration within = duration(fields, path, Key.within, true);
    Integer score = integer(fields, path, Key.score);
    Set<Mode> modes = EnumSet.noneOf(Mode.class);
    for (Node mode : list(fields, path, Key.modes, false)) {
      String name = scalar(mode, path + ".modes[]");
      try {
        modes.add(Mode.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        error(mode, path + ".modes[]", "'" + name + "' is not TABLETOP or TECHNICAL");
      }
    }
    return new Expectation(id, title, kind, task, event, detail, within, score == null ? 0 : score,
        modes.isEmpty() ? EnumSet.allOf(Mode.class) : modes);
  }

  private static boolean isEvent(String name) {
    try {
      TimelineEvent.valueOf(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private <T> T valid(Node node, String path, Map<String, Object> values, Class<T> type) {
    T value;
    try {
      value = json.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      String field = e.getCause() instanceof JsonMappingException mapping ? mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining()) : "";
      String message = e.getCause() instanceof JsonMappingException mapping ? mapping.getOriginalMessage()
          : e.getMessage();
      error(YamlNodes.nodeAt(node, field.isEmpty() ? "" : field.substring(1)), path + field, "not a valid value: "
          + message.replaceAll("`[a-z.]+\\.([A-Za-z]+)\\$([A-Za-z]+)`", "$2").replaceAll("(?s) at \\[Source.*", ""));
      return null;
    }
    for (ConstraintViolation<T> violation : validator.validate(value)) {
      String field = violation.getPropertyPath().toString();
      error(YamlNodes.nodeAt(node, field), path + "." + field, violation.getMessage());
    }
    return value;
  }

  private Map<String, Node> fields(MappingNode mapping, String path) {
    Map<String, Node> fields = new LinkedHashMap<>();
    fields.put(SELF, mapping); // where a missing field is reported
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
      if (key == null || fields.put(key, tuple.getValueNode()) != null) {
        error(tuple.getKeyNode(), path, key == null ? "keys are plain names" : "'" + key + "' is given twice");
      }
    }
    return fields;
  }

  private String text(Map<String, Node> fields, String path, Key key, boolean required) {
    Node node = fields.get(key.name());
    if (node == null) {
      if (required) {
        error(fields.get(SELF), prefixed(path, key.name()), "required");
      }
      return null;
    }
    String value = scalar(node, prefixed(path, key.name()));
    if (required && (value == null || value.isBlank())) {
      error(node, prefixed(path, key.name()), "must not be blank");
    }
    return value;
  }

  private Duration duration(Map<String, Node> fields, String path, Key key, boolean required) {
    String value = text(fields, path, key, required);
    if (value == null) {
      return null;
    }
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative()) {
        error(fields.get(key.name()), prefixed(path, key.name()), "must not be negative");
      }
      return duration;
    } catch (DateTimeParseException e) {
      error(fields.get(key.name()), prefixed(path, key.name()), "'" + value + "' is not an ISO-8601 duration (PT30M, PT72H)");
      return null;
    }
  }

  private Integer integer(Map<String, Node> fields, String path, Key key) {
    String value = text(fields, path, key, true);
    try {
      int number = value == null ? 0 : Integer.parseInt(value);
      if (number < 0 || number > 1000) {
        error(fields.get(key.name()), prefixed(path, key.name()), "between 0 and 1000");
      }
      return number;
    } catch (NumberFormatException e) {
      error(fields.get(key.name()), prefixed(path, key.name()), "'" + value + "' is not a whole number");
      return null;
    }
  }

  private <E extends Enum<E>> E enumValue(Map<String, Node> fields, String path, Key key, Class<E> type,
      E otherwise) {
    String value = text(fields, path, key, false);
    if (value == null) {
      return otherwise;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(fields.get(key.name()), prefixed(path, key.name()), "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
      return otherwise;
    }
  }

  private List<Node> list(Map<String, Node> fields, String path, Key key, boolean required) {
    Node node = fields.get(key.name());
    if (node == null) {
      if (required) {
        error(fields.get(SELF), prefixed(path, key.name()), "required");
      }
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      error(node, prefixed(path, key.name()), "a list");
      return List.of();
    }
    if (required && sequence.getValue().isEmpty()) {
      error(node, prefixed(path, key.name()), "must not be empty");
    }
    return sequence.getValue();
  }

  private String scalar(Node node, String path) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    error(node, path, "a single value");
    return null;
  }

  private static String prefixed(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  private void error(Node node, String field, String message) {
    errorAt(node == null ? -1 : line(node), field, message);
  }

  private void errorAt(int line, String field, String message) {
    errors.add(file + (line > 0 ? ":" + line : "") + ": " + field + ": " + message);
  }
}
