package org.irfoundation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.irfoundation.chat.ChatChannel;
import org.irfoundation.evidence.EvidenceStore;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.Notifier;
import org.irfoundation.response.actions.ActionPort;
import org.irfoundation.ticket.TicketSystem;
import org.junit.jupiter.api.Test;

/**
 * The constants classes are the only source of the names code shares with the models (STYLE.md 6-7): every element
 * id a {@code *Api} class names is in its model, every id the code names is in some model, every timeline event a
 * model records is a {@link TimelineEvent}, each variable name is defined once with one type, and no other code
 * spells a variable name out.
 */
class ConstantsTest {

  static final Path MAIN = Path.of("src/main/java");
  static final Pattern ELEMENT_ID = Pattern.compile(
      "\"((?:Task|Gateway|Event|Flow|Call|SubProcess|Activity|Boundary|StartEvent|EndEvent|Lane|Participant)_\\w+)\"");
  static final Pattern VARIABLE_DEFINITION = Pattern.compile("Variable\\.of\\(\"(\\w+)\",\\s*(\\w+)\\.class\\)");
  static final Pattern LITERAL = Pattern.compile("\"([A-Za-z]\\w*)\"");
  /** Where a name is an SQL parameter or column, not a process variable. */
  static final Pattern SQL_CONTEXT = Pattern.compile("\\.param\\(\"|rs\\.get\\w*\\(\"|instant\\(rs, \"");
  /** Adapters speak the outside system's vocabulary (Jira's "summary", Slack's "channel"). */
  static final List<Class<?>> PORTS = List.of(TicketSystem.class, ChatChannel.class, Notifier.class,
      EvidenceStore.class, ActionPort.class);

  @Test
  void everyElementAnApiClassNamesIsInItsModel() throws Exception {
    Map<String, List<String>> missing = new TreeMap<>();
    List<Class<?>> apis = apiClasses();
    assertThat(apis).extracting(Class::getSimpleName).contains("IncidentResponseApi", "DataBreachApi",
        "CompromisedAccountPlaybookApi", "MalwareRansomwarePlaybookApi", "RegulatoryNotificationApi",
        "EvidenceCollectionApi");
    for (Class<?> api : apis) {
      String key = (String) api.getField("PROCESS_KEY").get(null);
      Set<String> ids = Models.ids(Models.bpmn(key));
      for (Class<?> nested : api.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("Elements")) {
          for (String id : stringConstants(nested)) {
            if (!ids.contains(id)) {
              missing.computeIfAbsent(api.getSimpleName(), k -> new ArrayList<>()).add(id);
            }
          }
        }
      }
      for (Field field : api.getFields()) {
        if (field.getName().endsWith("FORM_KEY")) {
          assertThat(Models.BPMN.resolve("forms").resolve(field.get(null) + ".form"))
              .as("%s.%s names a form of bpmn/forms/", api.getSimpleName(), field.getName()).exists();
        } else if (field.getName().endsWith("_KEY") && field.getType() == String.class) {
          assertThat(Models.exists((String) field.get(null)))
              .as("%s.%s names a process or decision of bpmn/ or dmn/", api.getSimpleName(), field.getName()).isTrue();
        }
      }
    }
    assertThat(missing).as("element ids named in *Api classes that their model does not have").isEmpty();
  }

  @Test
  void everyElementIdTheCodeNamesIsInAModel() throws IOException {
    Set<String> known = Models.allBpmnIds();
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Path file : javaFiles()) {
      Matcher m = ELEMENT_ID.matcher(Files.readString(file));
      while (m.find()) {
        if (!known.contains(m.group(1))) {
          unknown.computeIfAbsent(file.getFileName().toString(), k -> new TreeSet<>()).add(m.group(1));
        }
      }
    }
    assertThat(unknown).as("element ids in src/main that no model in bpmn/ has").isEmpty();
  }

  @Test
  void everyTimelineEventAModelRecordsIsATimelineEvent() throws IOException {
    Set<String> known = new HashSet<>();
    for (TimelineEvent event : TimelineEvent.values()) {
      known.add(event.name());
    }
    Set<String> recorded = Models.inputParameterValues("eventType");
    assertThat(recorded).isNotEmpty();
    assertThat(recorded).as("eventType values in bpmn/ that are no TimelineEvent").isSubsetOf(known);
  }

  @Test
  void eachVariableNameIsDefinedOnceWithOneType() throws IOException {
    Map<String, List<String>> definitions = new TreeMap<>();
    for (Path file : javaFiles()) {
      Matcher m = VARIABLE_DEFINITION.matcher(Files.readString(file));
      while (m.find()) {
        definitions.computeIfAbsent(m.group(1), k -> new ArrayList<>())
            .add(file.getFileName() + " (" + m.group(2) + ")");
      }
    }
    assertThat(definitions).hasSizeGreaterThan(50);
    definitions.values().removeIf(where -> where.size() == 1);
    assertThat(definitions).as("variables defined more than once: refer to the one constant instead").isEmpty();
  }

  @Test
  void noCodeSpellsAVariableNameOutsideItsConstant() throws Exception {
    Set<String> names = new HashSet<>();
    for (Path file : javaFiles()) {
      Matcher m = VARIABLE_DEFINITION.matcher(Files.readString(file));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    List<String> raw = new ArrayList<>();
    for (Path file : javaFiles()) {
      if (isAdapter(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.startsWith("*") || line.startsWith("//") || VARIABLE_DEFINITION.matcher(line).find()
            || SQL_CONTEXT.matcher(line).find()) {
          continue;
        }
        Matcher m = LITERAL.matcher(line);
        while (m.find()) {
          if (names.contains(m.group(1))) {
            raw.add(MAIN.relativize(file) + ":" + (i + 1) + " \"" + m.group(1) + "\"");
          }
        }
      }
    }
    assertThat(raw).as("variable names spelled out in src/main: use the Variable constant").isEmpty();
  }

  static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> apis = new ArrayList<>();
    for (Path file : javaFiles()) {
      String name = file.getFileName().toString();
      if (name.endsWith("Api.java")) {
        Class<?> type = Class.forName(className(file));
        try {
          type.getField("PROCESS_KEY");
          apis.add(type);
        } catch (NoSuchFieldException notAProcess) {
          // a constants class of no process
        }
      }
    }
    return apis;
  }

  static List<String> stringConstants(Class<?> type) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  static boolean isAdapter(Path file) throws ClassNotFoundException {
    Class<?> type = Class.forName(className(file));
    return PORTS.stream().anyMatch(port -> port.isAssignableFrom(type) && port != type);
  }

  static String className(Path file) {
    String relative = MAIN.relativize(file).toString();
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
