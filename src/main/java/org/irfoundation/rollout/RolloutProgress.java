package org.irfoundation.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.rollout.RolloutViews.DeliverableView;
import org.irfoundation.rollout.RolloutViews.GateView;
import org.irfoundation.rollout.RolloutViews.RolloutView;
import org.irfoundation.rollout.RolloutViews.WeekStatus;
import org.irfoundation.rollout.RolloutViews.WeekView;
import org.springframework.stereotype.Service;

/**
 * Where a rollout stands, week by week, from the engine's history and the gates' records: status, due date,
 * deliverables and the gate's metrics (recorded for a passed week, measured now for the current one).
 */
@Service
public class RolloutProgress {

  /** The weeks as the program runs them (weeks 5-6 are one, numbered 5). */
  public static final Map<Integer, String> WEEKS = weeks();

  private final RolloutStore store;
  private final Gates gates;
  private final Approvals approvals;
  private final HistoryService history;
  private final SystemContext system;

  public RolloutProgress(RolloutStore store, Gates gates, Approvals approvals, HistoryService history,
      SystemContext system) {
    this.store = store;
    this.gates = gates;
    this.approvals = approvals;
    this.history = history;
    this.system = system;
  }

  private static Map<Integer, String> weeks() {
    Map<Integer, String> weeks = new LinkedHashMap<>();
    weeks.put(1, "Team formation");
    weeks.put(2, "IR plan");
    weeks.put(3, "Training");
    weeks.put(4, "Core playbooks");
    weeks.put(5, "Infrastructure (weeks 5-6)");
    weeks.put(7, "Simulation planning");
    weeks.put(8, "Simulation and assessment");
    return weeks;
  }

  public static String activityOf(int week) {
    return RolloutApi.Elements.week(week);
  }

  public RolloutView of(Rollout rollout) {
    List<WeekView> weeks = new ArrayList<>();
    Integer current = null;
    List<Deliverable> deliverables = store.deliverables(rollout.id());
    List<RolloutStore.GateRecord> records = store.gates(rollout.id());
    for (Map.Entry<Integer, String> week : WEEKS.entrySet()) {
      WeekView view = week(rollout, week.getKey(), week.getValue(), deliverables, records);
      if (view.status() == WeekStatus.IN_PROGRESS || view.status() == WeekStatus.FAILED_GATE) {
        current = week.getKey();
      }
      weeks.add(view);
    }
    HistoricProcessInstance instance = rollout.processInstanceId() == null ? null : system.call(() ->
        history.createHistoricProcessInstanceQuery().processInstanceId(rollout.processInstanceId()).singleResult());
    List<String> changed = new ArrayList<>(approvals.changedSince(rollout.id(), PlanGate.SUBJECT + ":"));
    approvals.changedSince(rollout.id(), "review:").stream().distinct()
        .map(c -> "playbook " + c).forEach(changed::add);
    approvals.changedSince(rollout.id(), TeamGate.RACI_APPROVAL).forEach(changed::add);
    return new RolloutView(rollout.id(), rollout.organisation(), rollout.sponsor(), rollout.programOwner(),
        rollout.startDate(), instance == null ? "NOT_STARTED" : instance.getState(), current,
        !approvals.changedSince(rollout.id(), PlanGate.SUBJECT + ":").isEmpty(), changed, weeks);
  }

  WeekView week(Rollout rollout, int number, String title, List<Deliverable> deliverables,
      List<RolloutStore.GateRecord> records) {
    WeekStatus status = status(rollout, number, records);
    Instant due = RolloutCalendar.dueAt(rollout.startDate(), number);
    List<RolloutStore.GateRecord> ofWeek = records.stream().filter(r -> r.week() == number).toList();
    GateView gate = switch (status) {
      case NOT_STARTED -> new GateView(false, null, 0, List.of());
      case PASSED -> {
        RolloutStore.GateRecord passed = ofWeek.stream().filter(RolloutStore.GateRecord::passed)
            .reduce((a, b) -> b).orElse(ofWeek.get(ofWeek.size() - 1));
        yield new GateView(true, passed.measuredAt(), ofWeek.size(), gates.metrics(passed));
      }
      default -> {
        Gates.Result now = gates.measure(rollout, number);
        yield new GateView(now.passed(), EngineClock.now(), ofWeek.size(), now.metrics());
      }
    };
    return new WeekView(number, title, status, due, status != WeekStatus.PASSED && EngineClock.now().isAfter(due),
        deliverables.stream().filter(d -> d.week() == number).map(DeliverableView::of).toList(), gate);
  }

  WeekStatus status(Rollout rollout, int number, List<RolloutStore.GateRecord> records) {
    if (rollout.processInstanceId() == null) {
      return WeekStatus.NOT_STARTED;
    }
    List<HistoricActivityInstance> runs = system.call(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(rollout.processInstanceId()).activityId(activityOf(number)).list());
    if (runs.isEmpty()) {
      return WeekStatus.NOT_STARTED;
    }
    if (runs.stream().allMatch(r -> r.getEndTime() != null)) {
      return WeekStatus.PASSED;
    }
    boolean lastFailed = records.stream().filter(r -> r.week() == number).reduce((a, b) -> b)
        .map(r -> !r.passed()).orElse(false);
    return lastFailed ? WeekStatus.FAILED_GATE : WeekStatus.IN_PROGRESS;
  }
}
