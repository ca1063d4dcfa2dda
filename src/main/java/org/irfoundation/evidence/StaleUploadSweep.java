package org.irfoundation.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what an upload cut off by a crash leaves behind: its spooled multipart file and a half-copied
 * {@code .part} of the filesystem store. Such files were never registered (no catalog row, no custody entry), so
 * nothing refers to them. Runs on start and then every {@code irf.evidence.stale-part-age}; only files untouched
 * for that long go, since an upload in progress (on this node or another one sharing the folders) writes its file
 * all the time.
 */
@Component
public class StaleUploadSweep {

  private static final Logger LOG = LoggerFactory.getLogger(StaleUploadSweep.class);

  private final List<Path> folders = new ArrayList<>();
  private final Duration staleAfter;

  public StaleUploadSweep(EvidenceProperties properties, EvidenceStore store,
      @Value("${irf.evidence.stale-part-age:PT10M}") Duration staleAfter) {
    folders.add(properties.spoolDir());
    if (store instanceof FilesystemEvidenceStore filesystem) {
      folders.add(filesystem.root().resolve(".tmp"));
    }
    this.staleAfter = staleAfter;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    sweep();
  }

  @Scheduled(fixedDelayString = "${irf.evidence.stale-part-age:PT10M}",
      initialDelayString = "${irf.evidence.stale-part-age:PT10M}")
  public void periodically() {
    sweep();
  }

  /** Deletes the files untouched for longer than the stale age; answers how many. */
  public int sweep() {
    Instant before = Instant.now().minus(staleAfter);
    int removed = 0;
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          removed += removeIfStale(file, before) ? 1 : 0;
        }
      } catch (IOException e) {
        LOG.warn("Could not clear stale upload files in {}: {}", folder, e.getMessage());
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} upload file(s) left by an interrupted upload (untouched for over {})", removed, staleAfter);
    }
    return removed;
  }

  private static boolean removeIfStale(Path file, Instant before) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file);
    } catch (IOException goneMeanwhile) {
      return false; // finished or removed by its own upload
    }
  }
}
