package org.irfoundation.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Told when any process instance starts (top-level or called), inside the engine's transaction. Spring beans of this
 * type are called by {@link ProcessStartPlugin}; keep them quick, they run on every start.
 */
public interface ProcessInstanceStartListener {

  void started(DelegateExecution processInstance);
}
