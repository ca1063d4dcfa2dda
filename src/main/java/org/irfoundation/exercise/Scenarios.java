package org.irfoundation.exercise;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The scenarios an exercise can run: the ones shipped under {@code classpath:scenarios/*.yaml} and the
 * organisation's own in the folder {@code irf.exercise.scenarios-folder} (an own scenario with a shipped one's id
 * replaces it). Read once at start-up; a file with errors stops the start with every error, each naming the file,
 * the line and the field.
 */
@Component
public class Scenarios {

  private final Map<String, Scenario> byId;

  public Scenarios(ObjectMapper json, Validator validator,
      @Value("${irf.exercise.scenarios-folder:}") String folder) throws IOException {
    List<String> errors = new ArrayList<>();
    Map<String, Scenario> scenarios = new TreeMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml")) {
      try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
        add(read("scenarios/" + resource.getFilename(), reader, json, validator, errors), scenarios, errors);
      }
    }
    if (folder != null && !folder.isBlank()) {
      Path dir = Path.of(folder);
      if (!Files.isDirectory(dir)) {
        throw new InvalidScenarios(List.of("irf.exercise.scenarios-folder " + dir.toAbsolutePath()
            + " is not a folder: create it or leave the setting empty"));
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .sorted().toList()) {
          try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Scenario own = read(file.toString(), reader, json, validator, errors);
            if (own != null) {
              scenarios.put(own.id(), own);
            }
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidScenarios(errors);
    }
    this.byId = Map.copyOf(scenarios);
  }

  /** Reads one file: the scenario, or null with its errors added to {@code errors}. */
  static Scenario read(String file, Reader reader, ObjectMapper json, Validator validator, List<String> errors) {
    ScenarioFile parsed = new ScenarioFile(file, json, validator);
    Scenario scenario = parsed.read(reader);
    errors.addAll(parsed.errors());
    return scenario;
  }

  private static void add(Scenario scenario, Map<String, Scenario> scenarios, List<String> errors) {
    if (scenario != null && scenarios.put(scenario.id(), scenario) != null) {
      errors.add(scenario.source() + ": id: '" + scenario.id() + "' is the id of another shipped scenario");
    }
  }

  public Collection<Scenario> all() {
    return new TreeMap<>(byId).values();
  }

  public Optional<Scenario> find(String id) {
    return Optional.ofNullable(id).map(byId::get);
  }

  /** The scenario an exercise runs (or ran). */
  public Scenario of(Exercise exercise) {
    return find(exercise.scenario()).orElseThrow(() -> new IllegalStateException("exercise " + exercise.id()
        + " ran scenario " + exercise.scenario() + ", which is no longer installed"));
  }
}
