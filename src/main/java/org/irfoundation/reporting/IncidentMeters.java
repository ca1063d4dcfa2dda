package org.irfoundation.reporting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.Incidents;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.RegulatoryNotificationApi;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The incident metrics for Prometheus, recorded when the step happens (the engine's execution and task events the
 * Camunda starter publishes) and only once its transaction commits: timers {@code irf.incident.acknowledge},
 * {@code .contain} (the first containment) and {@code .resolve} (closure), each from the report, tagged severity,
 * category and exercise; counter {@code irf.deadline} (kind, outcome met|missed, exercise) for every user task with a
 * deadline as it is completed, and for every regulatory notice as it is filed.
 */
@Component
public class IncidentMeters {

  public static final String ACKNOWLEDGE = "irf.incident.acknowledge";
  public static final String CONTAIN = "irf.incident.contain";
  public static final String RESOLVE = "irf.incident.resolve";
  public static final String DEADLINE = "irf.deadline";
  /** Tags named as the incident's variables they carry. */
  static final String TAG_SEVERITY = IncidentResponseApi.Decided.SEVERITY.name();
  static final String TAG_CATEGORY = IncidentResponseApi.Inputs.CATEGORY.name();

  /** Deadline kinds with a name of their own; other tasks count under their task id. */
  static final Map<String, String> KINDS = Map.of(IncidentResponseApi.Elements.TASK_ACKNOWLEDGE,
      IncidentMetrics.ACKNOWLEDGE, CompromisedAccountPlaybookApi.Elements.TASK_TRIAGE, IncidentMetrics.TRIAGE,
      org.irfoundation.response.MalwareRansomwarePlaybookApi.Elements.TASK_TRIAGE, IncidentMetrics.TRIAGE,
      DataBreachApi.Elements.TASK_ASSESS_SEVERITY, IncidentMetrics.TRIAGE,
      DataBreachApi.Elements.TASK_CONFIRM_DPO_NOTICE, IncidentMetrics.DPO_NOTICE);

  private final MeterRegistry registry;
  private final Incidents incidents;
  private final HistoryService historyService;
  private final SystemContext system;

  public IncidentMeters(MeterRegistry registry, Incidents incidents, HistoryService historyService,
      SystemContext system) {
    this.registry = registry;
    this.incidents = incidents;
    this.historyService = historyService;
    this.system = system;
  }

  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
  public void ended(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    if (IncidentResponseApi.Elements.TASK_ACKNOWLEDGE.equals(activity)) {
      sinceReport(execution, ACKNOWLEDGE);
    } else if (IncidentResponseApi.Elements.TASK_CLOSE_INCIDENT.equals(activity)) {
      sinceReport(execution, RESOLVE);
    } else if (CompromisedAccountPlaybookApi.Elements.SUB_PROCESS_CONTAIN.equals(activity)
        && IncidentMetrics.CONTAIN_PROCESSES.contains(processKey(execution)) && firstContainment(execution)) {
      sinceReport(execution, CONTAIN);
    } else if (RegulatoryNotificationApi.Elements.TASK_RECORD_PROOF.equals(activity)) {
      String code = RegulatoryNotificationApi.Obligation.CODE.get(execution);
      Boolean inTime = RegulatoryNotificationApi.Vars.FILED_IN_TIME.get(execution);
      incident(IncidentOfStep.of(execution)).filter(i -> code != null && inTime != null)
          .ifPresent(i -> afterCommit(() -> deadline(i, IncidentMetrics.NOTICE + code, inTime)));
    }
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void completed(DelegateTask task) {
    Optional<Incident> incident = incident(IncidentOfStep.of(task));
    if (incident.isEmpty()) {
      return;
    }
    Instant due = task.getDueDate() != null ? task.getDueDate().toInstant()
        : task.getBpmnModelElementInstance() != null && task.getCreateTime() != null
            ? TaskDeadlines.overdueAfter(task.getBpmnModelElementInstance(), task::getVariable)
                .map(d -> task.getCreateTime().toInstant().plus(d)).orElse(null)
            : null;
    if (due == null) {
      return;
    }
    boolean met = !EngineClock.now().isAfter(due);
    String kind = KINDS.getOrDefault(task.getTaskDefinitionKey(), IncidentMetrics.TASK + task.getTaskDefinitionKey());
    afterCommit(() -> deadline(incident.get(), kind, met));
  }

  private void sinceReport(DelegateExecution execution, String timer) {
    incident(IncidentOfStep.of(execution)).ifPresent(incident -> {
      Duration took = Duration.between(incident.reportedAt(), EngineClock.now());
      afterCommit(() -> Timer.builder(timer).description("time from report, " + timer.substring(13))
          .tag(TAG_SEVERITY, String.valueOf(incident.severity())).tag(TAG_CATEGORY, String.valueOf(incident.category()))
          .tag("exercise", String.valueOf(incidents.isExercise(incident.id())))
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
          .maximumExpectedValue(Duration.ofDays(60)).register(registry).record(took.isNegative() ? Duration.ZERO : took));
    });
  }

  private void deadline(Incident incident, String kind, boolean met) {
    Counter.builder(DEADLINE).description("deadlines of incidents, met or missed").tag("kind", kind)
        .tag("outcome", met ? "met" : "missed").tag("exercise", String.valueOf(incidents.isExercise(incident.id())))
        .register(registry).increment();
  }

  /** Whether no containment of the incident ended before (a later round after new findings is not the MTTC). */
  private boolean firstContainment(DelegateExecution execution) {
    String incident = IncidentOfStep.of(execution);
    return incident != null && system.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(incident).list().stream()
        .noneMatch(p -> historyService.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
            .activityId(CompromisedAccountPlaybookApi.Elements.SUB_PROCESS_CONTAIN).finished().list().stream()
            .anyMatch(a -> !a.getId().equals(execution.getActivityInstanceId()))));
  }

  private Optional<Incident> incident(String incidentId) {
    return incidentId == null ? Optional.empty() : incidents.find(incidentId);
  }

  /** The key of the process the execution runs in (definition ids of long keys carry no key). */
  private static String processKey(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    while (element != null && !(element instanceof org.camunda.bpm.model.bpmn.instance.Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((org.camunda.bpm.model.bpmn.instance.Process) element).getId();
  }

  /** Runs once the engine's transaction commits (a rolled-back step is not measured); at once outside one. */
  static void afterCommit(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          work.run();
        }
      });
    } else {
      work.run();
    }
  }
}
