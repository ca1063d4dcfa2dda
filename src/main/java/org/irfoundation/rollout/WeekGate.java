package org.irfoundation.rollout;

import java.util.List;

/**
 * The gate of one week of the rollout (a Spring bean per week): measures its success metrics from the data the
 * system holds, never from a box someone ticks. The week passes only when every metric is met.
 */
public interface WeekGate {

  /** The week it guards: 1..8, weeks 5-6 as 5. */
  int week();

  List<GateMetric> measure(Rollout rollout);
}
