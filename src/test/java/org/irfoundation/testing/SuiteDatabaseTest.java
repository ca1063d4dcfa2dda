package org.irfoundation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.irfoundation.IrSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Spring context and the process test engines run on the database the build asked for. */
@IrSpringBootTest
class SuiteDatabaseTest {

  @RegisterExtension
  static ProcessTestEngine processEngine = ProcessTestEngine.withoutCoverage();

  @Autowired ProcessEngine appEngine;

  static String expected() {
    return TestPostgres.enabled() ? "postgres" : "h2";
  }

  static String databaseType(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
  }

  @Test
  void theSharedContextRunsOnTheSuiteDatabase() {
    assertThat(databaseType(appEngine)).isEqualTo(expected());
  }

  @Test
  void processTestEnginesRunOnTheSuiteDatabase() {
    assertThat(databaseType(processEngine.processEngine())).isEqualTo(expected());
  }
}
