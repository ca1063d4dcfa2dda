package org.irfoundation.engine;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RaciConfiguration {

  /** {@code ${raci.accountable('activity')}} in models. */
  @Bean
  Raci raci(DecisionService decisionService) {
    return new Raci(decisionService);
  }
}
