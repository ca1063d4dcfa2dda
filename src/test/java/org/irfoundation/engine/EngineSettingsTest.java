package org.irfoundation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.irfoundation.IrSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine settings application.yaml promises (camunda.bpm.generic-properties) reach the running engine. */
@IrSpringBootTest
class EngineSettingsTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void theApplicationsEngineSettingsAreApplied() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    // status-update cycles re-read their cadence when due (severity raised -> shorter cadence)
    assertThat(configuration.isReevaluateTimeCycleWhenDue()).isTrue();
    // candidate groups work their tasks (read, claim, complete), nothing more
    assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
  }
}
