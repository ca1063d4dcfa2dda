package org.irfoundation.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model rules catch what they promise and name the file; proven on small fixture models. */
class ModelRulesTest {

  static final Path FIXTURES = Path.of("src", "test", "resources", "model-fixtures");

  @ParameterizedTest
  @ValueSource(strings = {"fixture-good.bpmn", "fixture-good.dmn"})
  void aCleanModelPasses(String file) {
    assertThat(ModelRules.check(FIXTURES.resolve(file))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      fixture-generated-ids.bpmn | Modeler-generated id 'Activity_0x7f1ab'
      fixture-generated-ids.dmn  | Modeler-generated id 'DecisionRule_1abc2de'
      fixture-no-diagram.bpmn    | has no diagram (DI)
      fixture-no-diagram.dmn     | has no diagram (DMNDI)
      fixture-missing-shape.bpmn | element 'Task_Review' has no shape in the diagram
      fixture-no-ttl.bpmn        | has no camunda:historyTimeToLive
      fixture-broken.bpmn        | not a valid BPMN 2.0 model
      fixture-overlap.bpmn       | the shape of 'Task_Review' overlaps the shape of 'Event_End'
      """)
  void aBrokenRuleIsReportedWithTheFileName(String file, String problem) {
    assertThat(ModelRules.check(FIXTURES.resolve(file)))
        .anySatisfy(line -> assertThat(line).startsWith(file + ": ").contains(problem));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Activity_0x7f1ab", "Gateway_1d3kq9z", "Flow_0abc123", "Process_1", "Definitions_1",
      "sid-5B1A7F7C-1E2D"})
  void modelerIdsAreRecognised(String id) {
    assertThat(ModelRules.GENERATED_ID.matcher(id).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Task_ContainAccount", "Gateway_BackupsIntact", "Flow_Confirmed", "Flow_approve",
      "Event_RegulatorDeadline", "Rule_P1_RootAccount"})
  void meaningfulIdsPass(String id) {
    assertThat(ModelRules.GENERATED_ID.matcher(id).matches()).isFalse();
  }
}
