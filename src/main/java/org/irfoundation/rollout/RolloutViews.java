package org.irfoundation.rollout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the rollout API answers and accepts. */
public final class RolloutViews {

  /** {@code POST /api/rollouts}. */
  public record StartRequest(@NotBlank @Size(max = 200) String organisation,
      @NotBlank @Size(max = 64) String sponsor, @NotBlank @Size(max = 64) String programOwner,
      @NotNull LocalDate startDate) {}

  public enum WeekStatus { NOT_STARTED, IN_PROGRESS, PASSED, FAILED_GATE }

  public record RolloutView(String id, String organisation, String sponsor, String programOwner, LocalDate startDate,
      String status, Integer currentWeek, boolean planChangedSinceApproval, List<String> changedSinceApproval,
      List<WeekView> weeks) {}

  public record WeekView(int number, String title, WeekStatus status, Instant due, boolean overdue,
      List<DeliverableView> deliverables, GateView gate) {}

  public record DeliverableView(String name, String evidenceId, String sha256, long size, Instant storedAt) {

    static DeliverableView of(Deliverable d) {
      return new DeliverableView(d.name(), d.id(), d.sha256(), d.size(), d.createdAt());
    }
  }

  /** The gate's metrics: recorded when it passed, else as measured now; attempts = measurements recorded. */
  public record GateView(boolean met, Instant measuredAt, int attempts, List<GateMetric> metrics) {}

  /** {@code GET …/readiness}: one entry per AWS Well-Architected SEC10 best practice. */
  public record Readiness(String rolloutId, String organisation, Instant at, List<Practice> practices) {}

  public record Practice(String id, String title, String status, List<Evidence> evidence) {}

  /** What proves a practice: a week's gate, its metrics, its deliverables. */
  public record Evidence(int week, String weekTitle, WeekStatus weekStatus, List<GateMetric> metrics,
      List<DeliverableView> deliverables) {}

  private RolloutViews() {}
}
