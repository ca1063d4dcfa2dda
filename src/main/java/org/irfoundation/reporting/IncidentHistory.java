package org.irfoundation.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.TimelineEntry;
import org.springframework.stereotype.Service;

/**
 * Everything a report measures, read once: the incident, its timeline and obligations, and from the engine's
 * history every process of the incident (business key), their user tasks and activities. Read as the system: who may
 * see the report was checked before.
 */
@Service
public class IncidentHistory {

  /** One incident's history as read at {@code now} (the engine's clock). */
  public record Snapshot(Incident incident, List<TimelineEntry> timeline, List<Obligation> obligations,
      List<HistoricProcessInstance> processes, List<HistoricTaskInstance> tasks,
      List<HistoricActivityInstance> activities, List<HistoricVariableInstance> variables, Instant now) {

    /** The first value of a variable of the given process instance (or of any of the incident's, when null). */
    public Optional<Object> variable(String processInstanceId, String name) {
      return variables.stream()
          .filter(v -> name.equals(v.getName()))
          .filter(v -> processInstanceId == null || processInstanceId.equals(v.getProcessInstanceId()))
          .map(HistoricVariableInstance::getValue).filter(Objects::nonNull).findFirst();
    }

    public List<HistoricActivityInstance> activities(String processKey, String activityId) {
      return activities.stream().filter(a -> activityId.equals(a.getActivityId()))
          .filter(a -> processKey == null || processKey.equals(a.getProcessDefinitionKey())).toList();
    }

    public List<HistoricTaskInstance> tasks(String taskKey) {
      return tasks.stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey())).toList();
    }

    public List<HistoricProcessInstance> processes(String processKey) {
      return processes.stream().filter(p -> processKey.equals(p.getProcessDefinitionKey())).toList();
    }
  }

  private final Incidents incidents;
  private final Obligations obligations;
  private final HistoryService historyService;
  private final SystemContext system;

  public IncidentHistory(Incidents incidents, Obligations obligations, HistoryService historyService,
      SystemContext system) {
    this.incidents = incidents;
    this.obligations = obligations;
    this.historyService = historyService;
    this.system = system;
  }

  /** The incident's history now; empty for an unknown incident. */
  public Optional<Snapshot> of(String incidentId) {
    return incidents.find(incidentId).map(incident -> system.call(() -> read(incident)));
  }

  private Snapshot read(Incident incident) {
    List<HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(incident.id()).orderByProcessInstanceStartTime().asc().list();
    List<HistoricActivityInstance> activities = new ArrayList<>();
    List<HistoricVariableInstance> variables = new ArrayList<>();
    for (HistoricProcessInstance process : processes) {
      activities.addAll(historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
          .list());
      variables.addAll(historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
          .disableCustomObjectDeserialization().list());
    }
    activities.sort(Comparator.comparing(HistoricActivityInstance::getStartTime)
        .thenComparing(HistoricActivityInstance::getId));
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(incident.id()).orderByHistoricActivityInstanceStartTime().asc().list();
    return new Snapshot(incident, incidents.timeline(incident.id()), obligations.of(incident.id()), processes,
        tasks, activities, variables, EngineClock.now());
  }
}
