package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 store against a real S3 API server (s3proxy, in this JVM): streaming upload with the SHA-256 the
 * server checks, read back, no overwrite. s3proxy has no Object Lock; S3ObjectLockContractTest covers that.
 */
class S3EvidenceStoreTest {

  static final String BUCKET = "irf-evidence";

  // an instance field: the extension removes its storage after each test
  @RegisterExtension
  final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("irf-test", "irf-test-secret").build();

  @TempDir Path spool;
  S3Client s3;
  S3EvidenceStore store;

  @BeforeEach
  void bucket() {
    s3 = EvidenceConfiguration.s3Client(new EvidenceProperties.S3(BUCKET, s3Proxy.getUri(), "us-east-1", true,
        "evidence/", s3Proxy.getAccessKey(), s3Proxy.getSecretKey(), new ObjectLock(ObjectLock.Use.AUTO, 30, true)));
    s3.createBucket(b -> b.bucket(BUCKET));
    store = new S3EvidenceStore(s3, BUCKET, "evidence/", new ObjectLock(ObjectLock.Use.AUTO, 30, true), spool,
        Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void storesTheStreamWithItsSha256ChecksumAndReadsItBack() throws IOException {
    byte[] bytes = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(bytes);
    String id = UUID.randomUUID().toString();

    EvidenceStore.Stored stored = store.put(id, new ByteArrayInputStream(bytes), bytes.length);

    assertThat(stored.location()).isEqualTo("s3://" + BUCKET + "/evidence/" + id);
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(stored.sha256()).isEqualTo(FilesystemEvidenceStoreTest.sha256(bytes));
    // the server kept the checksum the store sent with the object
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("evidence/" + id)
        .checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumSHA256()).isEqualTo(base64(stored.sha256()));
    assertThat(head.contentLength()).isEqualTo(bytes.length);
    try (InputStream in = store.open(stored.location())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(spoolFiles()).isZero();
  }

  @Test
  void theServerRefusesBytesThatDoNotMatchTheChecksum() {
    byte[] bytes = "evidence".getBytes();
    String wrong = base64(FilesystemEvidenceStoreTest.sha256("tampered".getBytes()));

    assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("evidence/x").checksumSHA256(wrong),
        RequestBody.fromBytes(bytes)))
        .isInstanceOf(S3Exception.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(400));
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
  }

  @Test
  void anExistingObjectIsNeverOverwritten() throws IOException {
    String id = UUID.randomUUID().toString();
    EvidenceStore.Stored first = store.put(id, new ByteArrayInputStream(new byte[] {1, 2, 3}), 1024);

    assertThatThrownBy(() -> store.put(id, new ByteArrayInputStream(new byte[] {9, 9}), 1024))
        .isInstanceOf(IOException.class).hasMessageContaining("refused");
    try (InputStream in = store.open(first.location())) {
      assertThat(in.readAllBytes()).isEqualTo(new byte[] {1, 2, 3});
    }
  }

  @Test
  void contentOverTheLimitIsNeitherUploadedNorSpooled() {
    assertThatThrownBy(() -> store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(EvidenceStore.TooLargeException.class);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    assertThat(spoolFiles()).isZero();
  }

  @Test
  void aBucketWithoutObjectLockGetsNoLockHeadersAndRequiredRefusesIt() {
    assertThat(store.bucketLocks()).isFalse();
    S3EvidenceStore required = new S3EvidenceStore(s3, BUCKET, "evidence/",
        new ObjectLock(ObjectLock.Use.REQUIRED, 30, true), spool, Clock.systemUTC());
    assertThatThrownBy(required::checkBucket).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Object Lock");
  }

  @Test
  void missingObjectsAndForeignLocationsAreNoSuchFile() {
    assertThatThrownBy(() -> store.open("s3://" + BUCKET + "/evidence/" + UUID.randomUUID()))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.open("s3://other-bucket/evidence/" + UUID.randomUUID()))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.open("s3://" + BUCKET + "/evidence/../secrets"))
        .isInstanceOf(NoSuchFileException.class);
  }

  private long spoolFiles() {
    try (var files = Files.list(spool)) {
      return files.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }
}
