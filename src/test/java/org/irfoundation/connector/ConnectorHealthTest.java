package org.irfoundation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A connector's health: bounded timeouts, UP with what answered, DOWN with the cause, UNKNOWN when only partly checked. */
class ConnectorHealthTest {

  @Test
  void aHealthCheckWaitsAtMostThreeSecondsToConnectAndFiveToRead() {
    HttpSettings probe = ConnectorHealth.probeSettings(HttpSettings.defaults());
    assertThat(probe.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(probe.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(probe.maxInlineRetryWait()).isZero();
    HttpSettings shorter = new HttpSettings(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(ConnectorHealth.probeSettings(shorter).connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(ConnectorHealth.probeSettings(shorter).readTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(ConnectorHealth.probeSettings(null).readTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void upSaysWhatAnsweredAndDownSaysWhyWithTheConnectorsOwnMessage() {
    Health up = ConnectorHealth.check("Jira", "https://acme.atlassian.net", () -> "GET /rest/api/3/myself answered");
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("system", "Jira").containsEntry("target", "https://acme.atlassian.net")
        .containsEntry("checked", "GET /rest/api/3/myself answered");

    Health down = ConnectorHealth.check("Jira", "https://acme.atlassian.net", () -> {
      throw new ConnectorUnavailableException("Jira", 502, "Jira answered HTTP 502 to read the API user", null);
    });
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsEntry("error", "Jira answered HTTP 502 to read the API user")
        .doesNotContainKey("checked");

    Health broken = ConnectorHealth.check("built-in ticket log", "table ticket_log", () -> {
      throw new IllegalStateException("pool closed", new java.sql.SQLException("Database is already closed"));
    });
    assertThat(broken.getDetails()).containsEntry("error", "SQLException Database is already closed");
  }

  @Test
  void aProbeThatProvesOnlyPartIsUnknownWhenItAnswersAndDownWhenNot() {
    assertThat(ConnectorHealth.partly("Teams", "https://hooks.example/", () -> "the host answers").getStatus())
        .isEqualTo(Status.UNKNOWN);
    assertThat(ConnectorHealth.partly("Teams", "https://hooks.example/", () -> {
      throw new ConnectorUnavailableException("Teams", 0, "Teams did not answer", null);
    }).getStatus()).isEqualTo(Status.DOWN);
  }
}
