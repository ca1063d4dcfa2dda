package org.irfoundation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * Process test coverage over every model in {@code bpmn/}, across all test classes: the per-class reports of
 * camunda-process-test-coverage ({@code target/process-test-coverage/<class>/report.json}) are merged per process
 * key. Elements of test stand-ins ({@code stub-bpmn/}) do not count: only ids of the real model do. Run by the
 * build after the tests (exec-maven-plugin, phase {@code verify}); fails it when a model or the total is below the
 * minimum. Writes {@code target/process-test-coverage/summary.txt}.
 */
public final class ProcessCoverageSummary {

  private ProcessCoverageSummary() {}

  record ModelCoverage(String key, Set<String> elements, Set<String> covered) {
    double ratio() {
      return elements.isEmpty() ? 1 : (double) covered.size() / elements.size();
    }

    Set<String> missed() {
      Set<String> missed = new TreeSet<>(elements);
      missed.removeAll(covered);
      return missed;
    }
  }

  public static void main(String[] args) throws IOException {
    Path models = Path.of(args.length > 0 ? args[0] : "bpmn");
    Path reports = Path.of(args.length > 1 ? args[1] : "target/process-test-coverage");
    double minimum = Double.parseDouble(args.length > 2 ? args[2] : "0.95");
    List<ModelCoverage> coverage = summarize(models, reports);
    String text = format(coverage, minimum);
    System.out.print(text);
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("summary.txt"), text);
    List<String> below = coverage.stream().filter(c -> c.ratio() < minimum).map(ModelCoverage::key).toList();
    if (below.isEmpty() && total(coverage) < minimum) {
      below = List.of("all models together");
    }
    if (!below.isEmpty()) {
      throw new IllegalStateException("Process test coverage below " + percent(minimum) + " for " + below
          + " (see " + reports.resolve("summary.txt") + ")");
    }
  }

  static List<ModelCoverage> summarize(Path models, Path reports) throws IOException {
    Map<String, Set<String>> elements = new HashMap<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            elements.put(process.getId(), idsWithin(process));
          }
        }
      }
    }
    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path report : files.filter(f -> f.getFileName().toString().equals("report.json")).toList()) {
          for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
            for (JsonNode run : suite.path("runs")) {
              for (JsonNode event : run.path("events")) {
                covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                    .add(event.path("definitionKey").asText());
              }
            }
          }
        }
      }
    }
    List<ModelCoverage> result = new ArrayList<>();
    elements.keySet().stream().sorted().forEach(key -> {
      Set<String> hit = new HashSet<>(covered.getOrDefault(key, Set.of()));
      hit.retainAll(elements.get(key));
      result.add(new ModelCoverage(key, elements.get(key), hit));
    });
    return result;
  }

  /** Flow nodes and sequence flows of the process, those of its subprocesses included. */
  private static Set<String> idsWithin(Process process) {
    Set<String> ids = new HashSet<>();
    collect(process.getFlowElements(), ids);
    return ids;
  }

  private static void collect(Collection<FlowElement> elements, Set<String> ids) {
    for (FlowElement element : elements) {
      if (element instanceof FlowNode || element instanceof SequenceFlow) {
        ids.add(element.getId());
      }
      if (element instanceof SubProcess subProcess) {
        collect(subProcess.getFlowElements(), ids);
      }
    }
  }

  static double total(List<ModelCoverage> coverage) {
    int all = coverage.stream().mapToInt(c -> c.elements().size()).sum();
    int hit = coverage.stream().mapToInt(c -> c.covered().size()).sum();
    return all == 0 ? 1 : (double) hit / all;
  }

  static String format(List<ModelCoverage> coverage, double minimum) {
    StringBuilder out = new StringBuilder("Process test coverage (flow nodes and sequence flows, all test classes):\n");
    for (ModelCoverage c : coverage) {
      out.append(String.format(Locale.ROOT, "  %-32s %4d/%-4d %s%n", c.key(), c.covered().size(),
          c.elements().size(), percent(c.ratio())));
      if (!c.missed().isEmpty()) {
        out.append("      not covered: ").append(String.join(", ", c.missed())).append('\n');
      }
    }
    int all = coverage.stream().mapToInt(c -> c.elements().size()).sum();
    int hit = coverage.stream().mapToInt(c -> c.covered().size()).sum();
    out.append(String.format(Locale.ROOT, "  %-32s %4d/%-4d %s (minimum %s)%n", "all models", hit, all,
        percent(total(coverage)), percent(minimum)));
    return out.toString();
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }
}
