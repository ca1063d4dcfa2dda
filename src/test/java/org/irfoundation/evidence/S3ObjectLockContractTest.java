package org.irfoundation.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request the S3 store sends to a bucket with Object Lock, checked header by header against a stub
 * (s3proxy, the real server in S3EvidenceStoreTest, has no Object Lock): COMPLIANCE retention until upload
 * time plus the configured days, legal hold, the SHA-256 checksum, and no overwrite.
 */
class S3ObjectLockContractTest {

  static final String BUCKET = "irf-locked";
  static final Instant NOW = Instant.parse("2026-11-28T09:12:00Z");
  static final String LOCK_ENABLED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
        <ObjectLockEnabled>Enabled</ObjectLockEnabled>
      </ObjectLockConfiguration>""";
  static final String NO_LOCK = """
      <?xml version="1.0" encoding="UTF-8"?>
      <Error><Code>ObjectLockConfigurationNotFoundError</Code>
        <Message>Object Lock configuration does not exist for this bucket</Message></Error>""";

  @RegisterExtension
  static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path spool;

  @Test
  void aLockedBucketGetsComplianceRetentionLegalHoldAndTheChecksum() throws IOException {
    bucketAnswers(200, LOCK_ENABLED);
    S3EvidenceStore store = store(new ObjectLock(ObjectLock.Use.AUTO, 30, true));
    byte[] bytes = "disk image of host-17".getBytes(StandardCharsets.UTF_8);
    String id = UUID.randomUUID().toString();

    EvidenceStore.Stored stored = store.put(id, new ByteArrayInputStream(bytes), 1024);

    assertThat(stored.sha256()).isEqualTo(FilesystemEvidenceStoreTest.sha256(bytes));
    s3.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/evidence/" + id))
        .withHeader("x-amz-object-lock-mode", equalTo("COMPLIANCE"))
        .withHeader("x-amz-object-lock-retain-until-date", equalTo("2026-12-28T09:12:00Z"))
        .withHeader("x-amz-object-lock-legal-hold", equalTo("ON"))
        .withHeader("x-amz-checksum-sha256", equalTo(S3EvidenceStoreTest.base64(stored.sha256())))
        .withHeader("If-None-Match", equalTo("*")));
  }

  @Test
  void retentionWithoutLegalHoldWhenConfiguredSo() throws IOException {
    bucketAnswers(200, LOCK_ENABLED);
    String id = UUID.randomUUID().toString();

    store(new ObjectLock(ObjectLock.Use.REQUIRED, 2555, false)).put(id, new ByteArrayInputStream(new byte[] {1}), 8);

    s3.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/evidence/" + id))
        .withHeader("x-amz-object-lock-mode", equalTo("COMPLIANCE"))
        .withHeader("x-amz-object-lock-retain-until-date", equalTo("2033-11-26T09:12:00Z"))
        .withHeader("x-amz-object-lock-legal-hold", absent()));
  }

  @Test
  void aBucketWithoutObjectLockGetsNoLockHeadersButStillTheChecksum() throws IOException {
    bucketAnswers(404, NO_LOCK);
    String id = UUID.randomUUID().toString();

    store(new ObjectLock(ObjectLock.Use.AUTO, 30, true)).put(id, new ByteArrayInputStream(new byte[] {1}), 8);

    s3.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/evidence/" + id))
        .withHeader("x-amz-object-lock-mode", absent())
        .withHeader("x-amz-object-lock-retain-until-date", absent())
        .withHeader("x-amz-object-lock-legal-hold", absent())
        .withHeader("x-amz-checksum-sha256", equalTo(S3EvidenceStoreTest.base64(
            FilesystemEvidenceStoreTest.sha256(new byte[] {1})))));
  }

  @Test
  void requiredObjectLockRefusesABucketWithoutIt() {
    bucketAnswers(404, NO_LOCK);
    assertThatThrownBy(() -> store(new ObjectLock(ObjectLock.Use.REQUIRED, 30, true)).checkBucket())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(BUCKET);
  }

  @Test
  void offNeverAsksTheBucketNorSendsLockHeaders() throws IOException {
    bucketAnswers(200, LOCK_ENABLED);
    String id = UUID.randomUUID().toString();

    store(new ObjectLock(ObjectLock.Use.OFF, 30, true)).put(id, new ByteArrayInputStream(new byte[] {1}), 8);

    s3.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlMatching("/" + BUCKET + "\\?.*")));
    s3.verify(putRequestedFor(urlPathEqualTo("/" + BUCKET + "/evidence/" + id))
        .withHeader("x-amz-object-lock-mode", absent()));
  }

  private void bucketAnswers(int status, String body) {
    s3.stubFor(get(urlMatching("/" + BUCKET + "\\?object-lock.*"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body)));
    s3.stubFor(put(urlMatching("/" + BUCKET + "/evidence/.*"))
        .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"0123456789abcdef\"")));
  }

  private S3EvidenceStore store(ObjectLock lock) {
    EvidenceProperties.S3 config = new EvidenceProperties.S3(BUCKET, URI.create(s3.baseUrl()), "eu-central-1", true,
        "evidence/", "contract", "contract-secret", lock);
    return new S3EvidenceStore(EvidenceConfiguration.s3Client(config), BUCKET, "evidence/", lock, spool,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
