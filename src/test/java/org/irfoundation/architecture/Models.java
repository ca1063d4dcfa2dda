package org.irfoundation.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The models of bpmn/ and dmn/ as text: their ids, and the values of an input parameter. */
final class Models {

  static final Path BPMN = Path.of("bpmn");
  static final Path DMN = Path.of("dmn");
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  private Models() {}

  static Path bpmn(String processKey) {
    return BPMN.resolve(processKey + ".bpmn");
  }

  static boolean exists(String key) {
    return Files.exists(bpmn(key)) || Files.exists(DMN.resolve(key + ".dmn"));
  }

  static Set<String> ids(Path model) throws IOException {
    Set<String> ids = new HashSet<>();
    Matcher m = ID.matcher(Files.readString(model));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  static Set<String> allBpmnIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path model : bpmnFiles()) {
      ids.addAll(ids(model));
    }
    return ids;
  }

  /** Every literal value of {@code <camunda:inputParameter name="…">} in bpmn/. */
  static Set<String> inputParameterValues(String name) throws IOException {
    Pattern parameter = Pattern.compile("<camunda:inputParameter name=\"" + Pattern.quote(name) + "\">([^<$#]+)<");
    Set<String> values = new TreeSet<>();
    for (Path model : bpmnFiles()) {
      Matcher m = parameter.matcher(Files.readString(model));
      while (m.find()) {
        values.add(m.group(1).trim());
      }
    }
    return values;
  }

  static java.util.List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
