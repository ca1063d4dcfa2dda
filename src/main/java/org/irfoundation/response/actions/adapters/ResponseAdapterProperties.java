package org.irfoundation.response.actions.adapters;

import java.net.URI;
import java.util.List;
import org.irfoundation.connector.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code irf.response.*}: the products the automated response actions act on. Each adapter exists only when its
 * {@code enabled} is true; the AWS ones take credentials from the default AWS chain (environment, profile, instance
 * or task role), the others their token or secret from the environment ({@code IRF_RESPONSE_OKTA_API_TOKEN},
 * {@code IRF_RESPONSE_DEFENDER_CLIENT_SECRET}). Secrets never appear in {@code toString}.
 */
@ConfigurationProperties("irf.response")
public record ResponseAdapterProperties(Aws aws, Okta okta, Defender defender, HttpSettings http) {

  /** The AWS account the adapters act in; {@code region} is needed for EC2 and Security Incident Response. */
  public record Aws(String region, Iam iam, Ec2 ec2, SecurityIr securityIr) {

    /** IAM is global: no region; {@code endpoint} only to point it elsewhere (tests, a VPC endpoint). */
    public record Iam(boolean enabled, URI endpoint) {}

    /**
     * EC2 isolation swaps the instance's security groups to {@code isolationSecurityGroup}, a group whose rules
     * allow only the forensics range (see docs/response-actions.md).
     */
    public record Ec2(boolean enabled, URI endpoint, String isolationSecurityGroup) {}

    /**
     * AWS Security Incident Response {@code CreateCase}; the API wants at least one watcher and the resolver
     * ({@code AWS}: the AWS CIRT works the case; {@code Self}: your own team). {@code impactedAccounts}: the
     * accounts a case names when the request names none.
     */
    public record SecurityIr(boolean enabled, URI endpoint, List<Watcher> watchers, List<String> impactedAccounts,
        @DefaultValue("AWS") String resolverType, @DefaultValue("Security Incident") String engagementType) {
      public SecurityIr {
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
        impactedAccounts = impactedAccounts == null ? List.of() : List.copyOf(impactedAccounts);
      }
    }

    public record Watcher(String email, String name, String jobTitle) {}
  }

  /** Okta Users API with an API token ({@code Authorization: SSWS <token>}). */
  public record Okta(boolean enabled, String orgUrl, String apiToken) {
    @Override
    public String toString() {
      return "Okta[enabled=" + enabled + ", orgUrl=" + orgUrl + ", apiToken=" + redact(apiToken) + "]";
    }
  }

  /**
   * Microsoft Defender for Endpoint, an Entra ID app with the application permission {@code Machine.Isolate},
   * OAuth2 client credentials. {@code tokenUrl} may contain {@code {tenant}}.
   */
  public record Defender(boolean enabled, String tenantId, String clientId, String clientSecret,
      @DefaultValue("https://api.security.microsoft.com") String apiUrl,
      @DefaultValue("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token") String tokenUrl,
      @DefaultValue("https://api.securitycenter.microsoft.com/.default") String scope) {

    public String resolvedTokenUrl() {
      return tokenUrl.replace("{tenant}", tenantId == null ? "" : tenantId);
    }

    @Override
    public String toString() {
      return "Defender[enabled=" + enabled + ", tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
          + redact(clientSecret) + ", apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", scope=" + scope + "]";
    }
  }

  static String redact(String secret) {
    return secret == null || secret.isEmpty() ? "(not set)" : "******";
  }
}
