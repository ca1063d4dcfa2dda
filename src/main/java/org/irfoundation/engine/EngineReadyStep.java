package org.irfoundation.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Work that runs once the engine is built, before the web server accepts requests (groups, authorizations, the
 * first administrator). Spring beans of this type run in their {@code @Order}; each step must be idempotent, since it
 * runs on every start and on every node.
 */
public interface EngineReadyStep {

  void engineBuilt(ProcessEngine engine);
}
