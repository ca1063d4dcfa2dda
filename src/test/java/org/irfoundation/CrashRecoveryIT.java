package org.irfoundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change the API acknowledged survives SIGKILL right after the answer: the default H2 file database
 * writes every commit before the answer (WRITE_DELAY=0). Without it, H2 writes lazily and this fails.
 */
class CrashRecoveryIT {

  static final Map<String, String> ENV = Map.of("IRF_ADMIN_USER", "admin", "IRF_ADMIN_PASSWORD", "Crash-test-pw-1");
  static final int CHANGES = 25;

  @TempDir Path workDir;

  @Test
  void anAcknowledgedChangeSurvivesAKillAndRestart() throws Exception {
    try (AppProcess app = AppProcess.start(workDir, ENV)) {
      for (int i = 1; i <= CHANGES; i++) {
        HttpResponse<String> created = app.postJson("/engine-rest/group/create",
            "{\"id\":\"crash-" + i + "\",\"name\":\"Crash " + i + "\",\"type\":\"WORKFLOW\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
      }
      app.kill();
    }

    try (AppProcess restarted = AppProcess.start(workDir, ENV)) {
      String ids = IntStream.rangeClosed(1, CHANGES).mapToObj(i -> "crash-" + i).collect(Collectors.joining(","));
      HttpResponse<String> count = restarted.get("/engine-rest/group/count?idIn=" + ids);
      assertThat(count.statusCode()).isEqualTo(200);
      assertThat(count.body()).isEqualTo("{\"count\":" + CHANGES + "}");
    }
  }
}
