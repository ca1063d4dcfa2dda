package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.connector.HttpConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;

/**
 * The default store: a write-once folder. Each item is written to a temporary file, forced to disk, made
 * read-only and then renamed atomically to {@code <root>/<first two characters of its id>/<id>}, so a
 * file under its final name is always complete. The location is that relative path ({@code fs:ab/ab12…}).
 */
public class FilesystemEvidenceStore implements EvidenceStore {

  private static final Logger LOG = LoggerFactory.getLogger(FilesystemEvidenceStore.class);
  static final String SCHEME = "fs:";
  /** Ids are generated UUIDs; anything else never reaches the file system. */
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern RELATIVE = Pattern.compile("([0-9a-f]{2})/(" + ID.pattern() + ")");

  private final Path root;
  private final Path temp;

  public FilesystemEvidenceStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.temp = this.root.resolve(".tmp");
    try {
      Files.createDirectories(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the evidence folder " + this.root, e);
    }
  }

  @Override
  public String type() {
    return "filesystem";
  }

  public Path root() {
    return root;
  }

  @Override
  public Stored put(String evidenceId, InputStream content, long maxBytes) throws IOException {
    if (!ID.matcher(evidenceId).matches()) {
      throw new IllegalArgumentException("not a generated evidence id");
    }
    Path dir = root.resolve(evidenceId.substring(0, 2));
    Path target = dir.resolve(evidenceId);
    Files.createDirectories(dir);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(SCHEME + relative(target) + " exists; evidence is never overwritten");
    }
    Path part = Files.createTempFile(temp, evidenceId, ".part");
    try {
      HashingCopy.Result written;
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        written = HashingCopy.copy(content, Channels.newOutputStream(channel), maxBytes);
        channel.force(true);
      }
      readOnly(part);
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(SCHEME + relative(target) + " exists; evidence is never overwritten");
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
      return new Stored(SCHEME + relative(target), written.size(), written.hex());
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public InputStream open(String location) throws IOException {
    return Files.newInputStream(path(location));
  }

  /** The file behind a location this store wrote (for operators and tests). */
  public Path path(String location) throws NoSuchFileException {
    if (location == null || !location.startsWith(SCHEME) || !RELATIVE.matcher(location.substring(SCHEME.length()))
        .matches()) {
      throw new NoSuchFileException(String.valueOf(location), null, "not a location of this filesystem store");
    }
    return root.resolve(location.substring(SCHEME.length()));
  }

  @Override
  public void discard(String location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      LOG.warn("Could not remove unregistered evidence {}: {}", location, e.getMessage());
    }
  }

  /** Writes and removes an empty file in the temporary folder: a read-only mount or lost permissions show here. */
  @Override
  public Health health() {
    return ConnectorHealth.check("filesystem", root.toString(), () -> {
      try {
        Files.delete(Files.createTempFile(temp, "health", ".part"));
      } catch (IOException e) {
        throw new ConnectorUnavailableException("filesystem", 0, "the folder does not take a file ("
            + HttpConnector.rootMessage(e) + ")", e);
      }
      return "the folder exists and takes a file";
    });
  }

  private String relative(Path target) {
    return root.relativize(target).toString().replace('\\', '/');
  }

  private static void readOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
    } catch (UnsupportedOperationException notPosix) {
      if (!file.toFile().setReadOnly()) {
        throw new IOException("cannot make " + file.getFileName() + " read-only");
      }
    }
  }

  /** The rename is durable only once the directory entry is on disk too (not possible on every OS). */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      LOG.debug("Directory {} cannot be forced to disk on this platform", dir);
    }
  }
}
