package org.irfoundation.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/** The pass mark: 80 % by default, set by irf.rollout.training.pass-mark, and a value outside 1..100 stops start-up. */
class TrainingPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(TrainingProperties.class)
  static class Settings {}

  final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void thePassMarkIs80PercentUnlessSet() {
    runner.run(context -> assertThat(context.getBean(TrainingProperties.class).passMark()).isEqualTo(80));
    runner.withPropertyValues("irf.rollout.training.pass-mark=90")
        .run(context -> assertThat(context.getBean(TrainingProperties.class).passMark()).isEqualTo(90));
    runner.withPropertyValues("irf.rollout.training.pass-mark=100")
        .run(context -> assertThat(context.getBean(TrainingProperties.class).passMark()).isEqualTo(100));
  }

  @Test
  void aPassMarkOutside1To100StopsStartUpNamingTheSetting() {
    for (String value : new String[] {"0", "101", "-5"}) {
      runner.withPropertyValues("irf.rollout.training.pass-mark=" + value).run(context -> {
        assertThat(context).hasFailed();
        assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
            .hasMessage("irf.rollout.training.pass-mark=" + value + " is not a percentage: set it from 1 to 100"
                + " (or leave it out for 80)");
      });
    }
    runner.withPropertyValues("irf.rollout.training.pass-mark=eighty").run(context -> assertThat(
        context.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under"
            + " 'irf.rollout.training.pass-mark' to java.lang.Integer"));
  }
}
