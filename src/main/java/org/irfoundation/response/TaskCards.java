package org.irfoundation.response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.TaskClocks;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.IncidentSeverity;
import org.irfoundation.incident.Incidents;
import org.irfoundation.templates.TemplateVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes every user task of an incident say what it is for in Tasklist: name "Acknowledge the incident · INC-2026-0001
 * (P1)" (a restricted incident shows id and severity, never its title), the title and category as description, the
 * priority from the severity (P1 first in the default sort), and a due date from the task's own clock where the model
 * sets none; id, severity and category as task variables for the filters' columns. A severity change re-does name,
 * priority and severity of the incident's open tasks.
 */
@Component
public class TaskCards {

  static final String SEPARATOR = " · ";
  static final int UNKNOWN_PRIORITY = 50;

  private final Incidents incidents;
  private final TaskService taskService;
  private final SystemContext system;

  public TaskCards(Incidents incidents, TaskService taskService, SystemContext system) {
    this.incidents = incidents;
    this.taskService = taskService;
    this.system = system;
  }

  /** P1=100, P2=75, P3=50, P4=25; unclassified 50. */
  public static int priorityOf(String severity) {
    if (severity == null) {
      return UNKNOWN_PRIORITY;
    }
    return switch (severity.trim().toUpperCase()) {
      case "P1" -> 100;
      case "P2" -> 75;
      case "P3" -> 50;
      case "P4" -> 25;
      default -> UNKNOWN_PRIORITY;
    };
  }

  /** The name as modelled, then id and severity: "Acknowledge the incident · INC-2026-0001 (P1)". */
  static String name(String modelled, String incidentId, String severity) {
    String base = modelledName(modelled, incidentId);
    String name = base + SEPARATOR + incidentId + (severity == null ? "" : " (" + severity + ")");
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  /** The modelled part of a name this class wrote (or the name itself). */
  static String modelledName(String name, String incidentId) {
    String base = name == null ? "Task" : name;
    int suffix = base.lastIndexOf(SEPARATOR + incidentId);
    return suffix < 0 ? base : base.substring(0, suffix);
  }

  /** Title (or the restricted text) and category; never the title of a restricted incident. */
  static String description(Incident incident) {
    String title = incident.restricted() ? TemplateVariables.RESTRICTED_TITLE : incident.title();
    String category = incident.category() == null ? "" : " — " + incident.category();
    String text = (title == null ? "" : title) + category;
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void created(DelegateTask task) {
    String incidentId = IncidentOfStep.of(task);
    Incident incident = incidentId == null ? null : incidents.find(incidentId).orElse(null);
    if (incident == null) {
      return;
    }
    String severity = incident.severity() != null ? incident.severity() : Decided.SEVERITY.get(task);
    task.setName(name(task.getName(), incidentId, severity));
    task.setDescription(description(incident));
    task.setPriority(priorityOf(severity));
    // local, so a playbook's task shows the incident's severity, not the one its process was started with
    task.setVariableLocal(Inputs.INCIDENT_ID.name(), incidentId);
    task.setVariableLocal(Decided.SEVERITY.name(), severity);
    task.setVariableLocal(Inputs.CATEGORY.name(), incident.category());
    clocks(task, incident);
  }

  /** Due from the task's clock when the model sets none; follow-up at an earlier reminder. */
  private static void clocks(DelegateTask task, Incident incident) {
    List<Date> timers = TaskClocks.timersOf(task);
    Date due = task.getDueDate();
    if (due == null && !timers.isEmpty()) {
      due = timers.get(timers.size() - 1);
    }
    if (IncidentResponseApi.Elements.TASK_ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
      Date bySla = reportedPlusSla(incident, Decided.ACKNOWLEDGE_SLA.get(task));
      // the earlier of the two: an exercise's compressed timer runs ahead of the real SLA
      if (bySla != null && (due == null || bySla.before(due))) {
        due = bySla;
      }
    }
    if (RegulatoryNotificationApi.PROCESS_KEY.equals(processKey(task.getProcessDefinitionId()))) {
      if (due == null) {
        due = RegulatoryNotificationApi.Vars.DUE_AT.get(task);
      }
      Date remind = RegulatoryNotificationApi.Vars.REMIND_AT.get(task);
      if (remind != null) {
        timers = List.of(remind);
      }
    }
    if (due != null && task.getDueDate() == null) {
      task.setDueDate(due);
    }
    if (task.getFollowUpDate() == null && !timers.isEmpty() && due != null && timers.get(0).before(due)) {
      task.setFollowUpDate(timers.get(0));
    }
  }

  static Date reportedPlusSla(Incident incident, String sla) {
    Instant reported = incident.reportedAt();
    if (reported == null || sla == null || sla.isBlank()) {
      return null;
    }
    try {
      return Date.from(reported.plus(Duration.parse(sla.trim())));
    } catch (DateTimeParseException notADuration) {
      return null;
    }
  }

  private static String processKey(String processDefinitionId) {
    return processDefinitionId == null ? null : processDefinitionId.split(":")[0];
  }

  /** A raised or lowered severity: the incident's open tasks are renamed and re-prioritised. */
  @EventListener
  public void severityChanged(IncidentSeverity.Changed change) {
    String severity = change.severity().name();
    system.call(() -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(change.incidentId()).list()) {
        task.setName(name(task.getName(), change.incidentId(), severity));
        task.setPriority(priorityOf(severity));
        taskService.saveTask(task);
        taskService.setVariableLocal(task.getId(), Decided.SEVERITY.name(), severity);
      }
      return null;
    });
  }
}
