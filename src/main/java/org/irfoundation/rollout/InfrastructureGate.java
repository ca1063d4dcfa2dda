package org.irfoundation.rollout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.irfoundation.chat.ChatConfiguration;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.evidence.CustodyVerification;
import org.irfoundation.evidence.EvidenceConfiguration;
import org.irfoundation.evidence.EvidenceStoreProbe;
import org.irfoundation.evidence.EvidenceStoreProbe.RoundTrip;
import org.irfoundation.evidence.EvidenceViews.CustodyCheck;
import org.irfoundation.mail.NoticeLogHealthIndicator;
import org.irfoundation.ticket.TicketConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Weeks 5-6, infrastructure: every connector the playbooks use (tickets, chat, e-mail, evidence store) answers its
 * health check, the evidence store passes a write-hash-verify round trip, and every chain of custody verifies. The
 * health checks are read from Spring Boot's registry, the same ones {@code /actuator/health} shows, fresh (no cache).
 *
 * <p>A webhook chat (Teams, Mattermost) is UNKNOWN at best, since it cannot be checked without posting: that counts
 * as met when its host answers, and the metric says to post a test message. Blocking the rollout on something no
 * check can prove would only push teams off their chat tool; a host that does not answer still blocks.
 */
@Component
public class InfrastructureGate implements WeekGate {

  static final int WEEK = 5;
  static final int MAX_LISTED = 5;

  /** One health contributor the playbooks need, as a person names it. */
  record Connector(String contributor, String label, String defaultSystem, boolean unknownAccepted) {}

  static final List<Connector> CONNECTORS = List.of(
      new Connector(TicketConfiguration.HEALTH, "Ticket system", "?", false),
      new Connector(ChatConfiguration.HEALTH, "Chat", "?", true),
      // Spring Boot's SMTP indicator names no system; it shows the server as "location"
      new Connector(NoticeLogHealthIndicator.NAME, "E-mail", "SMTP", false),
      new Connector(EvidenceConfiguration.HEALTH, "Evidence store", "?", false));

  /** Absent when the health endpoint is switched off. */
  private final Supplier<HealthContributorRegistry> registry;
  private final EvidenceStoreProbe probe;
  private final CustodyVerification custody;

  @Autowired
  public InfrastructureGate(ObjectProvider<HealthContributorRegistry> registry, EvidenceStoreProbe probe,
      CustodyVerification custody) {
    this(registry::getIfAvailable, probe, custody);
  }

  InfrastructureGate(Supplier<HealthContributorRegistry> registry, EvidenceStoreProbe probe,
      CustodyVerification custody) {
    this.registry = registry;
    this.probe = probe;
    this.custody = custody;
  }

  @Override
  public int week() {
    return WEEK;
  }

  @Override
  public List<GateMetric> measure(Rollout rollout) {
    List<GateMetric> metrics = new ArrayList<>();
    for (Connector connector : CONNECTORS) {
      metrics.add(guarded(connector.label() + " answers its health check", "UP", () -> connector(connector)));
    }
    metrics.add(guarded("Evidence store passes a write-hash-verify round trip", ROUND_TRIP_TARGET, this::roundTrip));
    metrics.add(guarded(CUSTODY_NAME, CUSTODY_TARGET, this::custody));
    return metrics;
  }

  // ---------------------------------------------------------------- connectors

  GateMetric connector(Connector connector) {
    HealthContributorRegistry contributors = registry.get();
    HealthContributor contributor = contributors == null ? null : contributors.getContributor(connector.contributor());
    if (contributor == null) {
      return GateMetric.unmet(connector.label() + " answers its health check", "UP", "no health check",
          "no health check is registered as '" + connector.contributor() + "': is the health endpoint switched off "
              + "(management.endpoint.health)?");
    }
    Health health = health(contributor);
    Map<String, Object> details = health.getDetails();
    String system = text(details, ConnectorHealth.SYSTEM, connector.defaultSystem());
    String target = text(details, ConnectorHealth.TARGET, text(details, "location", "?"));
    String name = connector.label() + " (" + system + ") answers its health check";
    Status status = health.getStatus();
    if (Status.UP.equals(status)) {
      return GateMetric.met(name, "UP", "UP: " + text(details, ConnectorHealth.CHECKED, target + " answers"));
    }
    if (Status.UNKNOWN.equals(status) && connector.unknownAccepted()) {
      return GateMetric.met(name, "UP, or UNKNOWN for a webhook", "UNKNOWN (accepted for a webhook): "
          + text(details, ConnectorHealth.CHECKED, "cannot be checked without posting"));
    }
    String error = text(details, ConnectorHealth.ERROR, "no cause given");
    return GateMetric.unmet(name, "UP", status.getCode() + ": " + error, system + " at " + target
        + " does not answer its health check: fix the connection or its settings (GET /actuator/health/"
        + connector.contributor() + " shows the check), then measure the gate again");
  }

  /** An indicator's health, or the worst of a composite's (several mail senders). */
  static Health health(HealthContributor contributor) {
    try {
      if (contributor instanceof HealthIndicator indicator) {
        Health health = indicator.getHealth(true);
        return health == null ? Health.unknown().build() : health;
      }
      if (contributor instanceof CompositeHealthContributor composite) {
        Health worst = null;
        for (NamedContributor<HealthContributor> part : composite) {
          Health health = health(part.getContributor());
          if (worst == null || !Status.UP.equals(health.getStatus())) {
            worst = health;
          }
        }
        return worst == null ? Health.unknown().build() : worst;
      }
      return Health.unknown().withDetail(ConnectorHealth.ERROR, "a reactive health check, not read here").build();
    } catch (RuntimeException e) {
      return Health.down().withDetail(ConnectorHealth.ERROR, HttpConnector.rootMessage(e)).build();
    }
  }

  // ---------------------------------------------------------------- evidence store round trip

  static final String ROUND_TRIP_TARGET = "the probe's SHA-256 read back equals the SHA-256 written";
  /**
   * How long a passed round trip is reused: the program view measures the current week's gate on every look, and a
   * bucket with Object Lock keeps every probe, so a page reloaded often must not write one each time.
   */
  static final Duration ROUND_TRIP_REUSE = Duration.ofSeconds(60);

  private record Measured(RoundTrip trip, Instant at) {}

  private volatile Measured lastPassed;

  GateMetric roundTrip() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Measured last = lastPassed;
    boolean recent = last != null && !now.isBefore(last.at())
        && Duration.between(last.at(), now).compareTo(ROUND_TRIP_REUSE) < 0;
    Measured measured = recent ? last : new Measured(probe.roundTrip(), now);
    RoundTrip trip = measured.trip();
    if (trip.intact()) {
      lastPassed = measured;
    }
    String name = "Evidence store (" + trip.store() + ") passes a write-hash-verify round trip";
    if (!trip.intact()) {
      return GateMetric.unmet(name, ROUND_TRIP_TARGET, trip.problem(), "the evidence store does not keep what it is"
          + " given (" + trip.problem() + "): fix it before any evidence goes in; GET /actuator/health/"
          + EvidenceConfiguration.HEALTH + " shows its check");
    }
    String afterwards = trip.removed() ? "removed"
        : "could not be removed (retention or Object Lock keeps it; its content says it is a probe)";
    if (trip.removed() && "s3".equals(trip.store())) {
      afterwards = "removed (with Object Lock its version stays until the retention ends)";
    }
    return GateMetric.met(name, ROUND_TRIP_TARGET, "probe " + trip.id() + " (" + trip.size() + " bytes) written to "
        + trip.location() + " at " + measured.at() + ", read back with the same SHA-256 " + trip.sha256() + "; "
        + afterwards);
  }

  // ---------------------------------------------------------------- chains of custody

  static final String CUSTODY_NAME = "Chain of custody verifies for every incident with evidence";
  static final String CUSTODY_TARGET = "every chain intact";

  GateMetric custody() {
    List<CustodyCheck> checks = custody.checkAll();
    if (checks.isEmpty()) {
      return GateMetric.met(CUSTODY_NAME, CUSTODY_TARGET, "no incident has evidence yet: nothing to verify");
    }
    List<CustodyCheck> broken = checks.stream().filter(check -> !check.intact()).toList();
    String counted = checks.size() + (checks.size() == 1 ? " incident" : " incidents");
    if (broken.isEmpty()) {
      return GateMetric.met(CUSTODY_NAME, CUSTODY_TARGET, counted + ", all intact");
    }
    List<String> problems = broken.stream().limit(MAX_LISTED).map(InfrastructureGate::problem).toList();
    return GateMetric.unmet(CUSTODY_NAME, CUSTODY_TARGET, counted + ", " + broken.size() + " broken: "
        + String.join(", ", broken.stream().limit(MAX_LISTED).map(CustodyCheck::incidentId).toList())
        + (broken.size() > MAX_LISTED ? " and " + (broken.size() - MAX_LISTED) + " more" : ""),
        String.join("; ", problems) + (broken.size() > MAX_LISTED ? "; …" : "")
            + ". A broken chain means custody records were changed or deleted: GET /api/incidents/{id}/custody/verify"
            + " shows where; treat it as a security matter, with legal");
  }

  static String problem(CustodyCheck check) {
    if (check.firstBrokenEntry() != null) {
      return check.incidentId() + ": entry #" + check.firstBrokenEntry().sequence()
          + (check.firstBrokenEntry().entryId() == null ? "" : " (row " + check.firstBrokenEntry().entryId() + ")")
          + ": " + check.firstBrokenEntry().problem();
    }
    return check.incidentId() + ": " + String.join(", ", check.recordProblems());
  }

  // ---------------------------------------------------------------- helpers

  /** One metric that could not be measured is unmet with the cause; the others are still measured. */
  static GateMetric guarded(String name, String target, Supplier<GateMetric> measurement) {
    try {
      return measurement.get();
    } catch (RuntimeException e) {
      return GateMetric.unmet(name, target, "not measured", "the measurement failed: " + HttpConnector.rootMessage(e));
    }
  }

  private static String text(Map<String, Object> details, String key, String otherwise) {
    Object value = details.get(key);
    return value == null ? otherwise : value.toString();
  }
}
