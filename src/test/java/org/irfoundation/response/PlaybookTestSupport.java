package org.irfoundation.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/** What the playbook process tests share: an engine of their own with coverage, recording delegates, job runs. */
final class PlaybookTestSupport {

  static final String INCIDENT = "INC-2026-0007";

  private PlaybookTestSupport() {}

  /** The shared test engine configuration with the coverage listeners, as an engine of its own name and database. */
  static ProcessEngineConfiguration coverageEngineConfiguration(String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createProcessEngineConfigurationFromResource("irf-test-engine.cfg.xml");
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return configuration;
  }

  /** Executes the due async continuations (service tasks) of the instance until none is left; never timers. */
  static int runAsyncJobs(ProcessEngine engine, ProcessInstance pi) {
    int executed = 0;
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().list())
        .isEmpty()) {
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  static List<String> candidateGroups(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** Stands in for a delegate: records the variables it saw (input parameters included). */
  static class Recorder implements JavaDelegate {
    final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      Map<String, Object> seen = new HashMap<>(execution.getVariables());
      seen.put("_businessKey", execution.getProcessBusinessKey());
      seen.put("_activity", execution.getCurrentActivityId());
      calls.add(seen);
    }

    Map<String, Object> single() {
      assertThat(calls).hasSize(1);
      return calls.get(0);
    }

    /** The last call from the activity. */
    Map<String, Object> of(String activityId) {
      return calls.stream().filter(c -> activityId.equals(c.get("_activity"))).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no call from " + activityId + " in " + calls));
    }

    List<Object> values(String name) {
      return calls.stream().map(c -> c.get(name)).toList();
    }
  }
}
