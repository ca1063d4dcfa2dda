package org.irfoundation.rollout;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.rollout.training.*}: the week-3 competency check.
 *
 * @param passMark the score in percent (1..100, default 80) an attempt needs to pass; below it the member retakes
 *     the training. A value outside 1..100 stops start-up naming the setting
 */
@ConfigurationProperties("irf.rollout.training")
public record TrainingProperties(Integer passMark) {

  public static final int DEFAULT_PASS_MARK = 80;

  public TrainingProperties {
    passMark = passMark == null ? DEFAULT_PASS_MARK : passMark;
    if (passMark < 1 || passMark > 100) {
      throw new IllegalArgumentException("irf.rollout.training.pass-mark=" + passMark
          + " is not a percentage: set it from 1 to 100 (or leave it out for " + DEFAULT_PASS_MARK + ")");
    }
  }
}
