package org.irfoundation.response.actions.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import org.irfoundation.response.actions.ActionPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each adapter exists only when enabled, starts with its settings, and refuses to start without them with a message
 * naming the missing settings (and never the secrets it was given).
 */
class ResponseAdapterConfigurationTest {

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(ResponseAdapterConfiguration.class);

  @Test
  void noAdapterUnlessEnabled() {
    context.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(ActionPort.class));
  }

  @Test
  void everyAdapterStartsWithItsSettings() {
    context.withPropertyValues("irf.response.aws.region=eu-central-1", "irf.response.aws.iam.enabled=true",
        "irf.response.aws.ec2.enabled=true", "irf.response.aws.ec2.isolation-security-group=sg-0f0r3n51c5",
        "irf.response.aws.security-ir.enabled=true", "irf.response.aws.security-ir.watchers[0].email=ir@example.com",
        "irf.response.okta.enabled=true", "irf.response.okta.org-url=https://example.okta.com",
        "irf.response.okta.api-token=00secret-token", "irf.response.defender.enabled=true",
        "irf.response.defender.tenant-id=t", "irf.response.defender.client-id=c",
        "irf.response.defender.client-secret=s3cret").run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBeansOfType(ActionPort.class)).hasSize(5);
          assertThat(app.getBean(ResponseAdapterProperties.class).toString()).doesNotContain("00secret-token")
              .doesNotContain("s3cret");
          assertThat(app.getBean(ResponseAdapterProperties.class).defender().resolvedTokenUrl())
              .isEqualTo("https://login.microsoftonline.com/t/oauth2/v2.0/token");
        });
  }

  @Test
  void missingSettingsStopTheStartWithTheirNames() {
    context.withPropertyValues("irf.response.okta.enabled=true", "irf.response.okta.api-token=00secret-token")
        .run(app -> assertThat(app).getFailure().rootCause()
            .hasMessageContaining("irf.response.okta.org-url").hasMessageContaining("IRF_RESPONSE_OKTA_API_TOKEN")
            .hasMessageNotContaining("00secret-token"));
    context.withPropertyValues("irf.response.aws.ec2.enabled=true", "irf.response.aws.ec2.isolation-security-group=sg-1")
        .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("irf.response.aws.region"));
    context.withPropertyValues("irf.response.aws.region=eu-central-1", "irf.response.aws.ec2.enabled=true")
        .run(app -> assertThat(app).getFailure().rootCause()
            .hasMessageContaining("irf.response.aws.ec2.isolation-security-group"));
    context.withPropertyValues("irf.response.aws.region=eu-central-1", "irf.response.aws.security-ir.enabled=true")
        .run(app -> assertThat(app).getFailure().rootCause()
            .hasMessageContaining("irf.response.aws.security-ir.watchers[0].email"));
    context.withPropertyValues("irf.response.defender.enabled=true", "irf.response.defender.tenant-id=t")
        .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("irf.response.defender.client-id")
            .hasMessageContaining("IRF_RESPONSE_DEFENDER_CLIENT_SECRET"));
  }
}
