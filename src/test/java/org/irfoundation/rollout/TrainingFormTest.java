package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.irfoundation.incident.Roles;
import org.irfoundation.rollout.TrainingKey.Question;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/**
 * The training form and its answer key agree: every question of the key is a required radio field of the form
 * whose options include the key's answer, fundamentals always shown and each module only to its role; the form has
 * no other questions and nothing of the key. A key that is not usable stops start-up.
 */
class TrainingFormTest {

  static final Path FORM = Path.of("bpmn/forms/rollout-training.form");
  static final TrainingKey KEY = new TrainingKey();

  static Map<String, JsonNode> questions() throws IOException {
    JsonNode form = new ObjectMapper().readTree(FORM.toFile());
    assertThat(form.path("id").asText()).isEqualTo("rollout-training");
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    Map<String, JsonNode> fields = new HashMap<>();
    for (JsonNode component : form.path("components")) {
      if (component.has("key")) {
        assertThat(component.path("key").asText()).as(component.toString()).startsWith(RolloutApi.Vars.ANSWER_PREFIX);
        assertThat(fields.put(component.path("key").asText(), component)).as("key twice").isNull();
      }
    }
    return fields;
  }

  @Test
  void everyQuestionOfTheKeyIsARequiredRadioOfTheFormShownToItsRolesOnly() throws IOException {
    Map<String, JsonNode> fields = questions();
    Map<Question, String> expectedHide = new HashMap<>();
    KEY.fundamentals().forEach(q -> expectedHide.put(q, ""));
    Roles.RESPONDER_ROLES.forEach(role -> KEY.module(role.id())
        .forEach(q -> expectedHide.put(q, "=" + RolloutApi.Vars.MEMBER_ROLE.name() + " != \"" + role.id() + "\"")));
    List<String> problems = new ArrayList<>();
    expectedHide.forEach((question, hide) -> {
      JsonNode field = fields.remove(RolloutApi.Vars.answer(question.id()).name());
      if (field == null) {
        problems.add(question.id() + ": not in the form");
        return;
      }
      if (!field.path("type").asText().equals("radio") || !field.path("validate").path("required").asBoolean()) {
        problems.add(question.id() + ": not a required radio");
      }
      List<String> options = new ArrayList<>();
      field.path("values").forEach(v -> options.add(v.path("value").asText()));
      if (!options.contains(question.answer()) || options.size() < 3 || Set.copyOf(options).size() != options.size()) {
        problems.add(question.id() + ": the options " + options + " do not offer the key's answer among 3 or more");
      }
      if (!field.path("conditional").path("hide").asText().equals(hide)) {
        problems.add(question.id() + ": shown when " + field.path("conditional") + ", expected hide " + hide);
      }
    });
    assertThat(problems).isEmpty();
    assertThat(fields.keySet()).as("questions of the form that the key does not score").isEmpty();
  }

  @Test
  void theFormCarriesNoAnswerKey() throws IOException {
    String form = Files.readString(FORM, StandardCharsets.UTF_8);
    assertThat(form).doesNotContainIgnoringCase("correct").doesNotContainIgnoringCase("\"answer\"")
        .doesNotContain("answer-key");
    // the right option is not always in the same place
    Set<Integer> positions = new TreeSet<>();
    Map<String, JsonNode> fields = questions();
    for (Question question : KEY.fundamentals()) {
      JsonNode values = fields.get(RolloutApi.Vars.answer(question.id()).name()).path("values");
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).path("value").asText().equals(question.answer())) {
          positions.add(i);
        }
      }
    }
    assertThat(positions).hasSizeGreaterThan(2);
  }

  @Test
  void aKeyWithoutARolesModuleOrWithARepeatedIdStopsStartUp() {
    assertThatThrownBy(() -> key("""
        fundamentals:
          - id: fund_a
            answer: "x"
          - id: fund_a
            answer: ""
        modules:
          ir-lead:
            - id: lead_a
              answer: "y"
          hr:
            - id: Bad-Id
              answer: "z"
        """)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not usable")
        .hasMessageContaining("question id fund_a twice")
        .hasMessageContaining("no answer for fund_a")
        .hasMessageContaining("no module for the role legal")
        .hasMessageContaining("a module for hr, which is no responder role")
        .hasMessageContaining("question id 'Bad-Id' is not of a-z, 0-9 and _");
    assertThatThrownBy(() -> key("fundamentals: [{id: a, answer: b, explanation: c}]"))
        .hasMessageContaining("cannot be read");
  }

  static TrainingKey key(String yaml) {
    return new TrainingKey(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test key"));
  }
}
