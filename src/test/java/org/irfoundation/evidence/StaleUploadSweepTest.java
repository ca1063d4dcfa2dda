package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash mid-upload leaves goes; an upload in progress and stored evidence stay. */
class StaleUploadSweepTest {

  @TempDir Path dir;

  @Test
  void removesOnlyPartsUntouchedForTheStaleAge() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(dir.resolve("store"));
    EvidenceProperties properties = new EvidenceProperties(null, spool, null, null,
        new EvidenceProperties.Filesystem(store.root()), null, null);
    Path leftSpooled = old(Files.writeString(spool.resolve("upload_1.tmp"), "cut off"));
    Path leftPart = old(Files.writeString(store.root().resolve(".tmp").resolve("a.part"), "cut off"));
    Path inProgress = Files.writeString(spool.resolve("upload_2.tmp"), "arriving");
    String id = "0a1b2c3d-0000-4000-8000-000000000001";
    String stored = store.put(id, new java.io.ByteArrayInputStream("evidence".getBytes()), 1024).location();
    old(store.path(stored));

    int removed = new StaleUploadSweep(properties, store, Duration.ofMinutes(10)).sweep();

    assertThat(removed).isEqualTo(2);
    assertThat(leftSpooled).doesNotExist();
    assertThat(leftPart).doesNotExist();
    assertThat(inProgress).exists();
    assertThat(store.path(stored)).exists();
  }

  private static Path old(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    return file;
  }
}
