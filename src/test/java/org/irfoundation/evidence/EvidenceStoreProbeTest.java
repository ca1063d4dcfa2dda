package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.irfoundation.evidence.EvidenceStoreProbe.RoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The write-hash-verify round trip through each store, and what it says when a store does not give back what it took. */
class EvidenceStoreProbeTest {

  // an instance field: the extension removes its storage after each test
  @RegisterExtension
  final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("irf-test", "irf-test-secret").build();

  @TempDir Path folder;

  @Test
  void theFolderGivesBackWhatItTookAndTheProbeIsRemoved() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(folder.resolve("evidence"));

    RoundTrip trip = new EvidenceStoreProbe(store).roundTrip();

    assertThat(trip.intact()).as(trip.problem()).isTrue();
    assertThat(trip.store()).isEqualTo("filesystem");
    assertThat(trip.location()).isEqualTo("fs:" + trip.id().substring(0, 2) + "/" + trip.id());
    assertThat(trip.readBackSha256()).isEqualTo(trip.sha256()).hasSize(64);
    assertThat(trip.size()).isPositive();
    assertThat(trip.removed()).isTrue();
    try (Stream<Path> files = Files.walk(store.root())) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void theBucketGivesBackWhatItTookToo() {
    ObjectLock off = new ObjectLock(ObjectLock.Use.OFF, 1, false);
    S3Client s3 = EvidenceConfiguration.s3Client(new EvidenceProperties.S3("irf-evidence", s3Proxy.getUri(),
        "us-east-1", true, "evidence/", s3Proxy.getAccessKey(), s3Proxy.getSecretKey(), off));
    s3.createBucket(b -> b.bucket("irf-evidence"));
    try (S3EvidenceStore store = new S3EvidenceStore(s3, "irf-evidence", "evidence/", off, folder, Clock.systemUTC())) {

      RoundTrip trip = new EvidenceStoreProbe(store).roundTrip();

      assertThat(trip.intact()).as(trip.problem()).isTrue();
      assertThat(trip.location()).isEqualTo("s3://irf-evidence/evidence/" + trip.id());
      assertThat(trip.removed()).isTrue();
      assertThat(s3.listObjectsV2(b -> b.bucket("irf-evidence")).keyCount()).isZero();
    }
  }

  @Test
  void changedBytesOrAStoreThatTakesNothingAreProblems() {
    FilesystemEvidenceStore changing = new FilesystemEvidenceStore(folder.resolve("changing")) {
      @Override
      public InputStream open(String location) {
        return new ByteArrayInputStream("not what was written".getBytes());
      }
    };
    RoundTrip changed = new EvidenceStoreProbe(changing).roundTrip();
    assertThat(changed.intact()).isFalse();
    assertThat(changed.problem()).startsWith("read back 20 bytes with SHA-256 ").contains("written");

    FilesystemEvidenceStore full = new FilesystemEvidenceStore(folder.resolve("full")) {
      @Override
      public Stored put(String evidenceId, InputStream content, long maxBytes) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    RoundTrip refused = new EvidenceStoreProbe(full).roundTrip();
    assertThat(refused.intact()).isFalse();
    assertThat(refused.problem()).isEqualTo("the store did not take the probe: IOException No space left on device");
  }
}
