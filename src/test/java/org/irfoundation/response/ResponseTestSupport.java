package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/** Shared pieces of the response process tests. */
final class ResponseTestSupport {

  private ResponseTestSupport() {}

  /** The shared test engine configuration with coverage listeners, as an engine of its own name and database. */
  static ProcessEngineConfiguration coverageEngine(String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createProcessEngineConfigurationFromResource("irf-test-engine.cfg.xml");
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }

  /** Stands in for a delegate: records the (input) variables it saw. */
  static class Recorder implements JavaDelegate {
    final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> seen = new HashMap<>(execution.getVariables());
      seen.put("_activity", execution.getCurrentActivityId());
      seen.put("_businessKey", execution.getProcessBusinessKey());
      calls.add(seen);
    }

    Map<String, Object> single() {
      assertThat(calls).hasSize(1);
      return calls.get(0);
    }

    Map<String, Object> of(String activityId) {
      return calls.stream().filter(c -> activityId.equals(c.get("_activity"))).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no call from " + activityId + " in " + calls));
    }
  }
}
