package org.irfoundation.connector;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * How a failed job's next attempt is scheduled when a connector failed. The engine's own retry logic
 * ({@code failedJobRetryTimeCycle}, e.g. {@code R5/PT1M}) runs first, then:
 *
 * <ul>
 *   <li>{@link ConnectorRateLimitedException} (429 with a long {@code Retry-After}): the next attempt is not
 *       before the time the system asked for (the job's due date moves there; it still counts as one retry);</li>
 *   <li>{@link ConnectorConfigurationException} (a rejected request): no retries left at once, so the Cockpit
 *       incident appears now and says what to fix; after fixing the setting, "retry" it in Cockpit.</li>
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
        ConnectorException cause = connectorCause(exception);
        if (cause instanceof ConnectorRateLimitedException limited && job.getRetries() > 0) {
          Date retryAt = Date.from(limited.retryAt());
          if (job.getDuedate() == null || job.getDuedate().before(retryAt)) {
            job.setDuedate(retryAt);
          }
        } else if (cause instanceof ConnectorConfigurationException && job.getRetries() > 0) {
          job.setRetries(0);
        }
        return null;
      };
    }

    static ConnectorException connectorCause(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof ConnectorException connector) {
          return connector;
        }
      }
      return null;
    }
  }
}
