package org.irfoundation.rollout;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.irfoundation.engine.Raci;
import org.irfoundation.engine.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The groups the deployed RACI routes work to: every responsible and accountable group of its rules. A role that
 * gets work must have a member before the program can pass week 1.
 */
@Component
public class RaciRoles {

  static final List<String> ROUTING_COLUMNS = List.of("responsible", "accountable");

  private final RepositoryService repository;
  private final SystemContext system;

  public RaciRoles(RepositoryService repository, SystemContext system) {
    this.repository = repository;
    this.system = system;
  }

  public List<String> routed() {
    return system.call(() -> {
      DecisionDefinition raci = repository.createDecisionDefinitionQuery().decisionDefinitionKey(Raci.DECISION_KEY)
          .latestVersion().singleResult();
      DmnModelInstance model = repository.getDmnModelInstance(raci.getId());
      DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
      List<Output> outputs = List.copyOf(table.getOutputs());
      TreeSet<String> groups = new TreeSet<>();
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        for (int i = 0; i < outputs.size(); i++) {
          if (ROUTING_COLUMNS.contains(outputs.get(i).getName())) {
            groups.addAll(groups(entries.get(i).getTextContent()));
          }
        }
      }
      return List.copyOf(groups);
    });
  }

  /** The groups of an output cell: a FEEL string literal such as {@code "legal,privacy-officer"}. */
  static Collection<String> groups(String cell) {
    String text = cell == null ? "" : cell.trim();
    if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
      text = text.substring(1, text.length() - 1);
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
  }
}
