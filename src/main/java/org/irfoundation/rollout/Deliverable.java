package org.irfoundation.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A stored deliverable of a rollout week (charter, plan, certificate, report): where, how big, its SHA-256. */
public record Deliverable(String id, String rolloutId, int week, String name, String fileName, String contentType,
    String location, long size, String sha256, Instant createdAt, String createdBy) {

  /** A gate metric: the week holds a deliverable whose name contains {@code name} (any case). */
  static GateMetric present(List<Deliverable> all, int week, String name, String rolloutId) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<Deliverable> found = all.stream().filter(d -> d.week() == week
        && d.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    String metric = name + " stored";
    return found.isEmpty()
        ? GateMetric.unmet(metric, "stored with its SHA-256", "not stored", "upload it: POST /api/rollouts/"
            + rolloutId + "/deliverables (week " + week + ", name \"" + name + "\")")
        : GateMetric.met(metric, "stored with its SHA-256", found.get(found.size() - 1).sha256().substring(0, 12)
            + "…");
  }
}
