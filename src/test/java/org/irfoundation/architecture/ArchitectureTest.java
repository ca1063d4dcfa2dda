package org.irfoundation.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md holds for the app's classes, and the rules do fail on a fixture that breaks
 * it (a core that uses the front door, two capabilities in a cycle).
 */
class ArchitectureTest {

  static final String ROOT = "org.irfoundation";
  static final String FIXTURE = "org.irfoundation.architecture.fixture";
  static final int MAX_CLASS_LINES = 350;

  static final JavaClasses APP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages(ROOT);

  @Test
  void dependenciesPointOneWay() {
    Architecture.layers(ROOT).check(APP);
  }

  @Test
  void noPackageCycles() {
    Architecture.noCycles(ROOT).check(APP);
  }

  @Test
  void engineInternalsOnlyInTheEngineAdapter() {
    Architecture.engineInternalsOnlyInTheEngineAdapter(ROOT).check(APP);
  }

  @Test
  void onlyTheIntakeAndTheCoreTouchTheIncidentTables() {
    Architecture.incidentTablesOnlyForIntakeAndCore(ROOT).check(APP);
  }

  @Test
  void theRulesCatchAnImportAgainstTheDirectionAndACycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
    assertThatThrownBy(() -> Architecture.layers(FIXTURE).check(fixture))
        .hasMessageContaining("FixtureIncident").hasMessageContaining("FixtureIntake")
        .hasMessageContaining("FixtureTicket").hasMessageContaining("FixtureChat");
    assertThatThrownBy(() -> Architecture.noCycles(FIXTURE).check(fixture))
        .hasMessageContaining("Cycle detected").hasMessageContaining("package ticket")
        .hasMessageContaining("package chat");
  }

  @Test
  void noClassIsLongerThan350Lines() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        long lines;
        try (Stream<String> content = Files.lines(file)) {
          lines = content.count();
        }
        if (lines > MAX_CLASS_LINES) {
          tooLong.put(file.toString(), lines);
        }
      }
    }
    assertThat(tooLong).as("classes over %d lines: split them along their jobs", MAX_CLASS_LINES).isEmpty();
  }

}
