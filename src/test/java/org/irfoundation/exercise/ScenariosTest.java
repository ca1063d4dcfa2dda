package org.irfoundation.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.irfoundation.exercise.Scenario.Mode;
import org.irfoundation.intake.IncidentReport.Category;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.io.TempDir;

/** The shipped scenarios load; a wrong file is refused with errors that name the file, the line and the field. */
class ScenariosTest {

  static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void everyPlaybookHasAScenarioAndOneCrossesFromRansomwareToDataBreach() throws Exception {
    Scenarios scenarios = new Scenarios(JSON, VALIDATOR, "");
    assertThat(scenarios.all()).extracting(Scenario::playbook).contains("playbook-compromised-account",
        "playbook-malware-ransomware", "playbook-data-breach");
    Scenario crossing = scenarios.find("ransomware-to-data-breach").orElseThrow();
    assertThat(crossing.incident().category()).isEqualTo(Category.RANSOMWARE);
    assertThat(crossing.inject("leak-site").alert().indicators().personalData()).isTrue();
    assertThat(crossing.inject("leak-site").at()).isEqualTo(Duration.ofHours(24));
    assertThat(crossing.inject("leak-site").expectations()).extracting(Scenario.Expectation::task)
        .contains("Task_ConfirmDpoNotice");
    Scenario account = scenarios.find("compromised-admin-account").orElseThrow();
    assertThat(account.maxScore(Mode.TECHNICAL)).isEqualTo(account.maxScore(Mode.TABLETOP) + 10);
  }

  @Test
  void anOwnScenarioInTheConfiguredFolderIsLoadedBesideTheShippedOnes(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("own.yaml"), """
        id: own-phishing
        title: Our own phishing drill
        incident: {title: Phishing mail clicked, category: COMPROMISED_ACCOUNT}
        injects:
          - {id: start, at: PT0S, title: A user reports the mail}
        """);
    Scenarios scenarios = new Scenarios(JSON, VALIDATOR, folder.toString());
    assertThat(scenarios.find("own-phishing")).isPresent();
    assertThat(scenarios.all()).hasSizeGreaterThan(4);
  }

  @Test
  void errorsNameTheFileTheLineAndTheField() {
    List<String> errors = read("""
        id: Bad Id
        title: A broken scenario
        incident:
          title: Something
          category: VOLCANO
        injects:
          - id: one
            at: 30 minutes
            title: First
            expectations:
              - id: e1
                title: Contained
                event: NOT_AN_EVENT
                within: PT1H
                score: lots
          - id: one
            at: PT1H
            title: Second
            alert:
              title: ""
        """);
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:1: id:"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:5: incident.category").contains("VOLCANO"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:8: injects[0].at:")
        .contains("not an ISO-8601 duration"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:13: injects[0].expectations[0].event:")
        .contains("NOT_AN_EVENT"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:15: injects[0].expectations[0].score:"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:16: injects[1].id:")
        .contains("used by another inject"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("bad.yaml:20: injects[1].alert.title:"));
  }

  @Test
  void aFileThatIsNotYamlOrMissesItsInjectsIsRefused() {
    assertThat(read("id: [unclosed")).singleElement().asString().startsWith("bad.yaml:1: not valid YAML");
    assertThat(read("id: no-injects\ntitle: T\nincident: {title: X, category: MALWARE}\n"))
        .containsExactly("bad.yaml:1: injects: required");
  }

  @Test
  void aBadFileInTheFolderStopsTheStartWithItsErrors(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("broken.yaml"), "id: broken\ntitle: T\nincident: {category: MALWARE}\n"
        + "injects: []\n");
    assertThatThrownBy(() -> new Scenarios(JSON, VALIDATOR, folder.toString()))
        .hasMessageContaining("broken.yaml:3: incident.title")
        .hasMessageContaining("broken.yaml:4: injects: must not be empty");
    assertThatThrownBy(() -> new Scenarios(JSON, VALIDATOR, folder.resolve("missing").toString()))
        .hasMessageContaining("is not a folder");
    // on start-up Spring Boot prints them as its failure analysis, not as a stack trace
    InvalidScenarios failure = catchThrowableOfType(() -> new Scenarios(JSON, VALIDATOR, folder.toString()),
        InvalidScenarios.class);
    FailureAnalysis analysis = new InvalidScenariosAnalyzer().analyze(new IllegalStateException("context", failure));
    assertThat(analysis.getDescription()).contains("broken.yaml:3: incident.title");
    assertThat(analysis.getAction()).contains("IRF_EXERCISE_SCENARIOSFOLDER");
  }

  private static List<String> read(String yaml) {
    List<String> errors = new ArrayList<>();
    Scenarios.read("bad.yaml", new StringReader(yaml), JSON, VALIDATOR, errors);
    return errors;
  }
}
