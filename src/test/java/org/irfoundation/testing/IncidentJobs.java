package org.irfoundation.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs an incident's due async continuations in the shared Spring context, where the job executor is off: one by one
 * (one may end an instance and remove others), over every process instance of the incident (business key).
 */
public final class IncidentJobs {

  public static void runAll(RuntimeService runtimeService, ManagementService managementService, String incident) {
    for (int run = 0; run < 300; run++) {
      List<Job> jobs = new ArrayList<>();
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident).list()
          .forEach(pi -> jobs.addAll(managementService.createJobQuery().processInstanceId(pi.getId())
              .executable().messages().list()));
      if (jobs.isEmpty()) {
        return;
      }
      managementService.executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("jobs of " + incident + " keep coming after 300 runs");
  }

  private IncidentJobs() {}
}
