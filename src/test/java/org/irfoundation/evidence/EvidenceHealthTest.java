package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.irfoundation.connector.ClosedPort;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code /actuator/health/evidence}: the folder takes a file, or the bucket answers HEAD (s3proxy); DOWN with the
 * cause otherwise. Nothing is stored by the check.
 */
class EvidenceHealthTest {

  static final ObjectLock NO_LOCK = new ObjectLock(ObjectLock.Use.OFF, 1, false);

  // an instance field: the extension removes its storage after each test
  @RegisterExtension
  final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("irf-test", "irf-test-secret").build();

  @TempDir Path folder;

  static Health health(EvidenceStore store) {
    return store.health();
  }

  @Test
  void theFolderIsUpWhileItTakesAFileAndDownOnceItIsGone() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(folder.resolve("evidence"));

    Health up = health(store);
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "filesystem")
        .containsEntry("target", store.root().toString()).containsEntry("checked", "the folder exists and takes a file");
    try (Stream<Path> files = Files.walk(store.root())) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }

    FileSystemUtils.deleteRecursively(store.root());
    Health down = health(store);
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails().get("error").toString()).startsWith("the folder does not take a file");
  }

  S3Client client(URI endpoint) {
    return EvidenceConfiguration.s3Client(new EvidenceProperties.S3("irf-evidence", endpoint, "us-east-1", true,
        "evidence/", s3Proxy.getAccessKey(), s3Proxy.getSecretKey(), NO_LOCK));
  }

  S3EvidenceStore s3(String bucket, URI endpoint) {
    return new S3EvidenceStore(client(endpoint), bucket, "evidence/", NO_LOCK, folder, Clock.systemUTC());
  }

  @Test
  void theBucketIsUpWhenItAnswersHead() {
    S3Client s3 = client(s3Proxy.getUri());
    s3.createBucket(b -> b.bucket("irf-evidence"));
    try (S3EvidenceStore store = new S3EvidenceStore(s3, "irf-evidence", "evidence/", NO_LOCK, folder,
        Clock.systemUTC())) {

      Health up = health(store);

      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("system", "S3").containsEntry("target", "s3://irf-evidence")
          .containsEntry("checked", "HEAD bucket answered");
      assertThat(up.getDetails().toString()).doesNotContain("irf-test-secret");
    }
  }

  @Test
  void aMissingBucketOrAnEndpointThatDoesNotAnswerIsDownWithTheCause() {
    try (S3EvidenceStore store = s3("no-such-bucket", s3Proxy.getUri())) {
      Health missing = health(store);
      assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
      assertThat(missing.getDetails().get("error").toString())
          .isEqualTo("S3 answered HTTP 404 to HEAD bucket 'no-such-bucket': no such bucket, check irf.evidence.s3.bucket"
              + " and endpoint");
    }
    try (S3EvidenceStore store = s3("irf-evidence", URI.create(ClosedPort.url()))) {
      long start = System.nanoTime();
      Health down = health(store);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("error").toString()).startsWith("S3 did not answer HEAD bucket 'irf-evidence'");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(6));
    }
  }
}
