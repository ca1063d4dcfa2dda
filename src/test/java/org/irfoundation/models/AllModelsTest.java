package org.irfoundation.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploy-all: every model a process owner keeps in {@code bpmn/} and {@code dmn/} follows the model rules
 * and deploys to a real engine. A failure names each file and its problem.
 */
class AllModelsTest {

  static final Path[] MODEL_FOLDERS = {Path.of("bpmn"), Path.of("dmn")};

  @RegisterExtension
  static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
      .configurationResource("irf-test-engine.cfg.xml").build();

  @Test
  void everyModelFollowsTheModelRules() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : ModelRules.modelFiles(MODEL_FOLDERS)) {
      problems.addAll(ModelRules.check(file));
    }
    assertThat(problems).as("problems in bpmn/ and dmn/").isEmpty();
  }

  @Test
  void everyModelDeploysToTheEngine() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : ModelRules.modelFiles(MODEL_FOLDERS)) {
      problems.addAll(deploy(engineExtension.getProcessEngine(), file));
    }
    assertThat(problems).as("models the engine refuses").isEmpty();
  }

  @Test
  void theEngineRefusesAModelWithoutHistoryTimeToLiveAndTheReportNamesIt() {
    assertThat(deploy(engineExtension.getProcessEngine(), ModelRulesTest.FIXTURES.resolve("fixture-no-ttl.bpmn")))
        .singleElement().asString().startsWith("fixture-no-ttl.bpmn: ").contains("History Time To Live");
  }

  /** One deployment per file, so an error points at its file. */
  static List<String> deploy(ProcessEngine engine, Path file) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      Deployment deployment = engine.getRepositoryService().createDeployment()
          .name(name).addInputStream(name, in).deploy();
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
      return List.of();
    } catch (Exception e) {
      return List.of(name + ": " + e.getMessage());
    }
  }
}
