package org.irfoundation.response.actions.adapters;

import java.net.URI;
import java.time.Clock;
import org.irfoundation.connector.HttpSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;

/**
 * The response-action adapters: each exists only when its {@code irf.response.<product>.enabled} is true, and then
 * refuses to start without the settings it needs, naming them. AWS credentials come from the default chain only
 * (environment, profile, instance or task role): there is no property for them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseAdapterProperties.class)
public class ResponseAdapterConfiguration {

  public static final String IAM_ENABLED = "irf.response.aws.iam.enabled";
  public static final String EC2_ENABLED = "irf.response.aws.ec2.enabled";
  public static final String SECURITY_IR_ENABLED = "irf.response.aws.security-ir.enabled";
  public static final String OKTA_ENABLED = "irf.response.okta.enabled";
  public static final String DEFENDER_ENABLED = "irf.response.defender.enabled";

  @Bean
  @ConditionalOnProperty(name = IAM_ENABLED, havingValue = "true")
  AwsIamIdentityActions awsIamIdentityActions(ResponseAdapterProperties properties) {
    URI endpoint = properties.aws().iam().endpoint();
    IamClientBuilder builder = IamClient.builder().httpClientBuilder(Apache5HttpClient.builder())
        .region(Region.AWS_GLOBAL).credentialsProvider(defaultChain());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return new AwsIamIdentityActions(builder.build(),
        AwsErrors.endpoint(endpoint, AwsIamIdentityActions.STANDARD_ENDPOINT), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(name = EC2_ENABLED, havingValue = "true")
  Ec2HostActions ec2HostActions(ResponseAdapterProperties properties) {
    ResponseAdapterProperties.Aws aws = properties.aws();
    String region = region(aws, EC2_ENABLED);
    ResponseAdapterProperties.Aws.Ec2 ec2 = aws.ec2();
    if (blank(ec2.isolationSecurityGroup())) {
      throw new IllegalStateException(EC2_ENABLED + "=true needs irf.response.aws.ec2.isolation-security-group: "
          + "the id (sg-...) of a security group that allows only the forensics range (IRF_RESPONSE_AWS_EC2_"
          + "ISOLATION_SECURITY_GROUP); see docs/response-actions.md");
    }
    Ec2ClientBuilder builder = Ec2Client.builder().httpClientBuilder(Apache5HttpClient.builder())
        .region(Region.of(region)).credentialsProvider(defaultChain());
    if (ec2.endpoint() != null) {
      builder.endpointOverride(ec2.endpoint());
    }
    return new Ec2HostActions(builder.build(), AwsErrors.endpoint(ec2.endpoint(), "https://ec2." + region
        + ".amazonaws.com"), ec2.isolationSecurityGroup().trim());
  }

  @Bean
  @ConditionalOnProperty(name = SECURITY_IR_ENABLED, havingValue = "true")
  AwsSecurityIncidentResponseCase awsSecurityIncidentResponseCase(ResponseAdapterProperties properties) {
    ResponseAdapterProperties.Aws aws = properties.aws();
    String region = region(aws, SECURITY_IR_ENABLED);
    ResponseAdapterProperties.Aws.SecurityIr sir = aws.securityIr();
    if (sir.watchers().isEmpty() || sir.watchers().stream().anyMatch(w -> blank(w.email()))) {
      throw new IllegalStateException(SECURITY_IR_ENABLED + "=true needs at least one watcher with an e-mail: "
          + "irf.response.aws.security-ir.watchers[0].email (and .name, .job-title; from the environment: "
          + "IRF_RESPONSE_AWS_SECURITYIR_WATCHERS_0_EMAIL), whom AWS keeps informed");
    }
    return new AwsSecurityIncidentResponseCase(sir, region, defaultChain(), http(properties), null,
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(name = OKTA_ENABLED, havingValue = "true")
  OktaIdentityActions oktaIdentityActions(ResponseAdapterProperties properties) {
    ResponseAdapterProperties.Okta okta = properties.okta();
    if (blank(okta.orgUrl()) || blank(okta.apiToken())) {
      throw new IllegalStateException(OKTA_ENABLED + "=true needs irf.response.okta.org-url and "
          + "irf.response.okta.api-token (from the environment: IRF_RESPONSE_OKTA_ORG_URL, "
          + "IRF_RESPONSE_OKTA_API_TOKEN)");
    }
    return new OktaIdentityActions(okta.orgUrl().trim(), okta.apiToken().trim(), http(properties), null);
  }

  @Bean
  @ConditionalOnProperty(name = DEFENDER_ENABLED, havingValue = "true")
  DefenderHostActions defenderHostActions(ResponseAdapterProperties properties) {
    ResponseAdapterProperties.Defender defender = properties.defender();
    if (blank(defender.tenantId()) || blank(defender.clientId()) || blank(defender.clientSecret())) {
      throw new IllegalStateException(DEFENDER_ENABLED + "=true needs irf.response.defender.tenant-id, "
          + "irf.response.defender.client-id and irf.response.defender.client-secret (from the environment: "
          + "IRF_RESPONSE_DEFENDER_TENANT_ID, IRF_RESPONSE_DEFENDER_CLIENT_ID, IRF_RESPONSE_DEFENDER_CLIENT_SECRET)");
    }
    return new DefenderHostActions(defender, http(properties), null, Clock.systemUTC());
  }

  private static String region(ResponseAdapterProperties.Aws aws, String enabled) {
    if (blank(aws.region())) {
      throw new IllegalStateException(enabled + "=true needs irf.response.aws.region, e.g. eu-central-1 "
          + "(IRF_RESPONSE_AWS_REGION)");
    }
    return aws.region().trim();
  }

  private static AwsCredentialsProvider defaultChain() {
    return DefaultCredentialsProvider.builder().build();
  }

  private static HttpSettings http(ResponseAdapterProperties properties) {
    return HttpSettings.orDefaults(properties.http());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
