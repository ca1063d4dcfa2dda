package org.irfoundation.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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

  /** Responders work in Tasklist: every user task shows a Camunda Form kept next to the models. */
  @Test
  void everyUserTaskHasACamundaFormFromBpmnForms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode json = new ObjectMapper().readTree(form.toFile());
        assertThat(json.path("id").asText()).as(form + " id").isEqualTo(form.getFileName().toString().replace(".form", ""));
        forms.put(json.path("id").asText(), json);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path file : ModelRules.modelFiles(Path.of("bpmn")).stream().filter(f -> f.toString().endsWith(".bpmn")).toList()) {
      for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
        String form = task.getCamundaFormRef();
        if (form == null) {
          problems.add(file.getFileName() + " " + task.getId() + ": no camunda:formRef");
        } else if (!forms.containsKey(form)) {
          problems.add(file.getFileName() + " " + task.getId() + ": form '" + form + "' is not in bpmn/forms");
        }
      }
    }
    assertThat(problems).as("user tasks without a form").isEmpty();
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
