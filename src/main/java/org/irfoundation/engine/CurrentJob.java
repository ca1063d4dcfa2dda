package org.irfoundation.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** The job the engine is running the current step in, if any (the same id for every retry of that job). */
public final class CurrentJob {

  private CurrentJob() {}

  public static Optional<String> id() {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    return Optional.ofNullable(job).map(JobEntity::getId);
  }

  /** The retries the current job has left, this attempt included (1: the last attempt), if a job runs the step. */
  public static Optional<Integer> retriesLeft() {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    return Optional.ofNullable(job).map(JobEntity::getRetries);
  }
}
