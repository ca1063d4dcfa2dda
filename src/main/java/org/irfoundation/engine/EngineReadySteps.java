package org.irfoundation.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs every {@link EngineReadyStep} bean, in order, right after the Camunda starter has built the engine. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineReadySteps extends AbstractCamundaConfiguration {

  private final ObjectProvider<EngineReadyStep> steps;

  EngineReadySteps(ObjectProvider<EngineReadyStep> steps) {
    this.steps = steps;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    steps.orderedStream().forEach(step -> step.engineBuilt(engine));
  }
}
