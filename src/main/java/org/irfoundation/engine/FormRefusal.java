package org.irfoundation.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form answer the app refuses while the task is being completed (a time outside [awareness, now], a required
 * determination left out): the completion rolls back, the task stays open, and the engine's REST API answers 400
 * with the message, as for its own form validation. Thrown from an execution listener or a synchronous step after
 * the task; the engine wraps what a task listener throws into an internal error.
 */
public final class FormRefusal {

  public static ProcessEngineException of(String field, String message) {
    return new FormFieldValidationException(field, message);
  }

  private FormRefusal() {}
}
