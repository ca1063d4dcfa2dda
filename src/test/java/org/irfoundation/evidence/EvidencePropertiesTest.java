package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** Defaults need nothing, and the environment variables the README names really configure the store. */
class EvidencePropertiesTest {

  @Test
  void defaultsAreAWriteOnceFolderUnderDataAndTwoGibibytes() {
    EvidenceProperties defaults = bind(Map.of());
    assertThat(defaults.store()).isEqualTo(EvidenceProperties.StoreType.FILESYSTEM);
    assertThat(defaults.maxFileSize()).isEqualTo(DataSize.ofGigabytes(2));
    assertThat(defaults.filesystem().root()).isEqualTo(Path.of("data", "evidence").toAbsolutePath());
    assertThat(defaults.s3().objectLock()).isEqualTo(new ObjectLock(ObjectLock.Use.AUTO, 365, true));
  }

  @Test
  void theReadmesEnvironmentVariablesConfigureTheS3Store() {
    EvidenceProperties s3 = bind(Map.of("IRF_EVIDENCE_STORE", "s3", "IRF_EVIDENCE_S3_BUCKET", "acme-ir-evidence",
        "IRF_EVIDENCE_S3_REGION", "eu-central-1", "IRF_EVIDENCE_S3_ENDPOINT", "https://minio.example.org:9000",
        "IRF_EVIDENCE_S3_PATHSTYLE", "true", "IRF_EVIDENCE_S3_ACCESSKEYID", "AKIA", "IRF_EVIDENCE_S3_SECRETACCESSKEY",
        "very-secret", "IRF_EVIDENCE_S3_OBJECTLOCK_USE", "REQUIRED", "IRF_EVIDENCE_S3_OBJECTLOCK_RETENTIONDAYS", "2555",
        "IRF_EVIDENCE_S3_OBJECTLOCK_LEGALHOLD", "false"));
    assertThat(s3.store()).isEqualTo(EvidenceProperties.StoreType.S3);
    assertThat(s3.s3()).isEqualTo(new EvidenceProperties.S3("acme-ir-evidence", URI.create("https://minio.example.org:9000"),
        "eu-central-1", true, "evidence/", "AKIA", "very-secret", new ObjectLock(ObjectLock.Use.REQUIRED, 2555, false)));
    assertThat(s3.toString()).doesNotContain("very-secret");
  }

  @Test
  void fetchingFromUrlsIsOffUntilTheEnvironmentAllowsHostsAndItsTokenIsNeverShown() {
    EvidenceProperties.Fetch off = bind(Map.of()).fetch();
    assertThat(off.allowedHosts()).isEmpty();
    assertThat(off.bearerToken()).isNull();
    assertThat(off.allows("edr.acme.example")).isFalse();
    // application.yaml's default: an empty IRF_EVIDENCE_FETCH_ALLOWEDHOSTS
    assertThat(bind(Map.of("IRF_EVIDENCE_FETCH_ALLOWEDHOSTS", "")).fetch().allowedHosts()).isEmpty();

    EvidenceProperties on = bind(Map.of("IRF_EVIDENCE_FETCH_ALLOWEDHOSTS", "edr.acme.example,*.blob.core.windows.net",
        "IRF_EVIDENCE_FETCH_BEARERTOKEN", "very-secret-token", "IRF_EVIDENCE_FETCH_CONNECTTIMEOUT", "3s",
        "IRF_EVIDENCE_FETCH_READTIMEOUT", "2m"));
    assertThat(on.fetch().allowedHosts()).containsExactly("edr.acme.example", "*.blob.core.windows.net");
    assertThat(on.fetch().bearerToken()).isEqualTo("very-secret-token");
    assertThat(on.fetch().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(on.fetch().readTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(on.toString()).doesNotContain("very-secret-token");
  }

  private static EvidenceProperties bind(Map<String, Object> environment) {
    return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
        .bindOrCreate("irf.evidence", EvidenceProperties.class);
  }
}
