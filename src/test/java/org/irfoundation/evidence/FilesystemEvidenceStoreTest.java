package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default store: write-once, read-only files named by generated ids, SHA-256 while writing. */
class FilesystemEvidenceStoreTest {

  @TempDir Path root;

  @Test
  void storesAReadOnlyFileUnderItsIdWithTheHashOfItsBytes() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
    String id = UUID.randomUUID().toString();
    byte[] bytes = "volatile memory of host-17".getBytes(StandardCharsets.UTF_8);

    EvidenceStore.Stored stored = store.put(id, new ByteArrayInputStream(bytes), 1024);

    assertThat(stored.location()).isEqualTo("fs:" + id.substring(0, 2) + "/" + id);
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(stored.sha256()).isEqualTo(sha256(bytes));
    Path file = store.path(stored.location());
    assertThat(file).hasBinaryContent(bytes).startsWith(root);
    assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
        PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ);
    try (InputStream in = store.open(stored.location())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void neverOverwritesAnExistingItem() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
    String id = UUID.randomUUID().toString();
    EvidenceStore.Stored first = store.put(id, new ByteArrayInputStream(new byte[] {1, 2, 3}), 1024);

    assertThatThrownBy(() -> store.put(id, new ByteArrayInputStream(new byte[] {9}), 1024))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(store.path(first.location())).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void contentOverTheLimitLeavesNothingBehind() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(() -> store.put(id, new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(EvidenceStore.TooLargeException.class);
    assertThat(Files.exists(root.resolve(id.substring(0, 2)).resolve(id))).isFalse();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void namesThatAreNotGeneratedIdsNeverBecomePaths() {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
    assertThatThrownBy(() -> store.put("../../x", new ByteArrayInputStream(new byte[1]), 1024))
        .isInstanceOf(IllegalArgumentException.class);
    for (String location : List.of("fs:../../etc/passwd", "fs:/etc/passwd", "fs:ab/../../x", "/etc/passwd",
        "s3://bucket/key")) {
      assertThatThrownBy(() -> store.open(location)).as(location).isInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void discardRemovesAnItemWhoseRegistrationFailed() throws IOException {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
    EvidenceStore.Stored stored = store.put(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[] {7}),
        1024);
    store.discard(stored.location());
    assertThat(store.path(stored.location())).doesNotExist();
  }

  /** Files anywhere under the root other than finished items: temporary parts must never stay. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> p.startsWith(root.resolve(".tmp"))).toList();
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(HashingCopy.sha256().digest(bytes));
  }
}
