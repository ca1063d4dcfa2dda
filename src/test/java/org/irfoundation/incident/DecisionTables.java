package org.irfoundation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;

/**
 * Test helper for the decision tables in {@code dmn/}: loads one decision with the standalone DMN engine and
 * evaluates it, recording which rules matched, so table tests can assert the rule as well as the outputs.
 */
final class DecisionTables {

  private final DmnDecision decision;
  private final DmnEngine engine;
  /** Rule ids matched by the evaluation in progress; written by the post-evaluation listener. */
  private final List<String> matchedRuleIds = new ArrayList<>();

  private DecisionTables(String decisionId) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId)
        .forEach(matchedRuleIds::add)));
    this.engine = configuration.buildEngine();
    // file name = decision id (project convention)
    try (InputStream model = Files.newInputStream(Path.of("dmn", decisionId + ".dmn"))) {
      this.decision = engine.parseDecision(decisionId, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code dmn/<decisionId>.dmn} and its decision {@code decisionId}. */
  static DecisionTables load(String decisionId) {
    return new DecisionTables(decisionId);
  }

  /** Ids of all rules of the table, in table order. */
  List<String> ruleIds() {
    return ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
        .map(DmnDecisionTableRuleImpl::getId)
        .toList();
  }

  /** Evaluates the table once. */
  synchronized Evaluation evaluate(Map<String, Object> variables) {
    matchedRuleIds.clear();
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    return new Evaluation(List.copyOf(matchedRuleIds), result.getResultList());
  }

  /** Asserts that the case hits exactly its expected rule and yields exactly its expected outputs. */
  void assertCase(Case testCase) {
    Evaluation evaluation = evaluate(testCase.inputs());
    assertThat(evaluation.matchedRuleIds()).as("matched rules").containsExactly(testCase.ruleId());
    assertThat(evaluation.outputs()).as("outputs").hasSize(1);
    assertThat(evaluation.outputs().get(0)).as("outputs").containsExactlyInAnyOrderEntriesOf(testCase.outputs());
  }

  /** Asserts that the cases together hit every rule of the table, and nothing but its rules. */
  void assertEveryRuleHitBy(Stream<Case> cases) {
    Set<String> hit = cases.map(c -> evaluate(c.inputs()).matchedRuleIds())
        .flatMap(List::stream)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(hit).as("rules hit by the case list").containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  /** Matched rule ids (only the first for hit policy FIRST) and one output map per matched rule. */
  record Evaluation(List<String> matchedRuleIds, List<Map<String, Object>> outputs) {}

  /** One row test: a name, the input variables, the rule expected to match and its expected outputs. */
  record Case(String name, Map<String, Object> inputs, String ruleId, Map<String, Object> outputs) {

    @Override
    public String toString() {
      return name + " -> " + ruleId;
    }
  }

  /** A map that keeps insertion order and allows {@code null} values (unlike {@link Map#of}). */
  static Map<String, Object> vars(Object... keysAndValues) {
    assertThat(keysAndValues.length % 2).as("key/value pairs").isZero();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
