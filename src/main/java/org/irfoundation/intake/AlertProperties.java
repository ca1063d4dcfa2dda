package org.irfoundation.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.intake.alerts.*}: what an alert storm keeps.
 *
 * @param rawSample how many alerts of each fingerprint on an incident are kept whole (0..100000, default 10): the
 *     first ones. Every alert is counted on its fingerprint's aggregate, which also keeps the newest one (replaced by
 *     each alert); the bodies of the others are dropped. A value outside the range stops start-up naming the setting
 */
@ConfigurationProperties("irf.intake.alerts")
public record AlertProperties(Integer rawSample) {

  public static final int DEFAULT_RAW_SAMPLE = 10;
  public static final int MAX_RAW_SAMPLE = 100_000;

  public AlertProperties {
    rawSample = rawSample == null ? DEFAULT_RAW_SAMPLE : rawSample;
    if (rawSample < 0 || rawSample > MAX_RAW_SAMPLE) {
      throw new IllegalArgumentException("irf.intake.alerts.raw-sample=" + rawSample + " is not a number of alerts"
          + " to keep: set it from 0 to " + MAX_RAW_SAMPLE + " (or leave it out for " + DEFAULT_RAW_SAMPLE + ")");
    }
  }
}
