package org.irfoundation.testing;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the engine of the test's own Spring context the one Camunda's REST API and webapps find by name. They look
 * engines up in JVM-wide registries ({@link ProcessEngines}, the runtime container), where another context's engine of the same name (the
 * demo or PostgreSQL profile tests) replaces the shared context's, or, once that context closes, leaves none; which
 * of these a test met used to depend on the order the test classes ran in.
 */
public class ContextEngine extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    // the REST API's registry
    ProcessEngines.registerProcessEngine(engine);
    // the webapps' (the runtime container): replace another context's engine of the same name, if any
    RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
    ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
    if (registered != engine) {
      if (registered != null) {
        container.unregisterProcessEngine(registered);
      }
      container.registerProcessEngine(engine);
    }
  }

  @Override
  public int getOrder() {
    // after the dependency injection listener has had the context built
    return 2500;
  }
}
