package org.irfoundation.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * How a failed job's next attempt is scheduled when the failure carries a {@link RetryHint} (the connectors'
 * exceptions do). The engine's own retry logic ({@code failedJobRetryTimeCycle}, e.g. {@code R5/PT1M}) runs first,
 * then:
 *
 * <ul>
 *   <li>{@link RetryHint#retryNotBefore()} (429 with a long {@code Retry-After}): the next attempt is not before
 *       the time the system asked for (the job's due date moves there; it still counts as one retry);</li>
 *   <li>{@link RetryHint#retryIsUseless()} (a rejected request): no retries left at once, so the Cockpit incident
 *       appears now and says what to fix; after fixing the setting, "retry" it in Cockpit.</li>
 * </ul>
 * Picked up as a {@code ProcessEnginePlugin} bean by the Camunda Spring Boot starter.
 */
@Component
public class RetryAfterJobPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new Factory());
  }

  /** Again after init: the Spring Boot starter's own failed-job configuration may have set the default one. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getFailedJobCommandFactory() instanceof Factory)) {
      configuration.setFailedJobCommandFactory(new Factory());
    }
  }

  /** The failed-job command: the default retry strategy plus the connector rules above. */
  public static final class Factory implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      Command<Object> standard = new DefaultJobRetryCmd(jobId, exception);
      return context -> {
        standard.execute(context);
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job == null) {
          return null;
        }
        RetryHint hint = hint(exception);
        if (hint == null || job.getRetries() <= 0) {
          return null;
        }
        if (hint.retryIsUseless()) {
          job.setRetries(0);
        } else if (hint.retryNotBefore() != null) {
          Date retryAt = Date.from(hint.retryNotBefore());
          if (job.getDuedate() == null || job.getDuedate().before(retryAt)) {
            job.setDuedate(retryAt);
          }
        }
        return null;
      };
    }

    /** The first cause that says how to retry. */
    static RetryHint hint(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof RetryHint hint) {
          return hint;
        }
      }
      return null;
    }
  }
}
