package org.irfoundation.reporting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Gauge {@code irf.improvement.open} (tag exercise), read from the {@link OpenImprovementActions} bean if any. */
@Component
public class ImprovementGauge implements MeterBinder {

  public static final String OPEN = "irf.improvement.open";

  private final ObjectProvider<OpenImprovementActions> actions;

  public ImprovementGauge(ObjectProvider<OpenImprovementActions> actions) {
    this.actions = actions;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    OpenImprovementActions open = actions.getIfAvailable();
    if (open == null) {
      return;
    }
    for (boolean exercise : new boolean[] {false, true}) {
      Gauge.builder(OPEN, open, a -> a.count(exercise)).description("open improvement actions")
          .tag("exercise", String.valueOf(exercise)).register(registry);
    }
  }
}
