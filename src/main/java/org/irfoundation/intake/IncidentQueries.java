package org.irfoundation.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Access;
import org.irfoundation.incident.AlertStore;
import org.irfoundation.incident.AlertStore.AlertRow;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentAccess;
import org.irfoundation.incident.IncidentAccessException;
import org.irfoundation.incident.IncidentResponseApi;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineStore;
import org.irfoundation.intake.IncidentViews.AlertPage;
import org.irfoundation.intake.IncidentViews.AlertView;
import org.irfoundation.intake.IncidentViews.Deadline;
import org.irfoundation.intake.IncidentViews.FingerprintView;
import org.irfoundation.intake.IncidentViews.IncidentDetail;
import org.irfoundation.intake.IncidentViews.IncidentPage;
import org.irfoundation.intake.IncidentViews.IncidentSummary;
import org.irfoundation.intake.IncidentViews.ObligationView;
import org.irfoundation.intake.IncidentViews.OpenTask;
import org.irfoundation.intake.IncidentViews.TeamView;
import org.irfoundation.intake.IncidentViews.TimelinePage;
import org.springframework.stereotype.Service;

/**
 * Reads incidents for the API: the record, its open work and deadlines from the engine, its timeline. Bounded
 * however many alerts came: the view shows the newest timeline entries, the rest are a page away.
 */
@Service
public class IncidentQueries {

  /** Timeline entries in the incident view, the newest; {@code /timeline} pages through all. */
  static final int DETAIL_TIMELINE = 50;
  /** Fingerprints listed with the alerts, the most recently active (an incident has few: one per claim). */
  static final int FINGERPRINTS = 100;

  private final IncidentStore store;
  private final IncidentAccess access;
  private final IncidentTeam team;
  private final Obligations obligations;
  private final ObjectMapper json;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final SystemContext system;
  private final AlertStore alerts;
  private final TimelineStore timelines;

  public IncidentQueries(IncidentStore store, IncidentAccess access, IncidentTeam team, Obligations obligations,
      ObjectMapper json,
      TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService, RepositoryService repositoryService, HistoryService historyService,
      SystemContext system, AlertStore alerts, TimelineStore timelines) {
    this.alerts = alerts;
    this.timelines = timelines;
    this.store = store;
    this.access = access;
    this.team = team;
    this.obligations = obligations;
    this.json = json;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.system = system;
  }

  /**
   * The incidents the caller may see; of those they only reported, id, status and severity. Exercises' incidents
   * are listed apart ({@code exercises}), never among the real ones.
   */
  public IncidentPage list(String caller, String status, boolean exercises, int page, int size) {
    IncidentAccess.Viewer viewer = access.viewer(caller);
    List<IncidentSummary> items = store.list(viewer, status, exercises, page * size, size).stream()
        .map(listed -> listed.full() ? IncidentSummary.of(listed.incident())
            : IncidentSummary.forReporter(listed.incident()))
        .toList();
    return new IncidentPage(items, page, size, store.count(viewer, status, exercises));
  }

  /** The incident as far as the caller may see it; unknown to them: {@link IncidentAccessException}. */
  public IncidentDetail detail(String id, String caller) {
    Incident row = access.require(id, caller, Access.REPORTER);
    if (!access.of(row, access.viewer(caller)).readsAll()) {
      return IncidentDetail.forReporter(row);
    }
    return system.call(() -> detail(row));
  }

  /** The alerts kept whole, a page newest first, with every fingerprint's count. */
  public AlertPage alerts(String id, String caller, int page, int size) {
    access.require(id, caller, Access.READ);
    List<AlertView> items = alerts.kept(id, (long) page * size, size).stream()
        .map(kept -> view(kept.sequence(), kept.alert())).toList();
    List<FingerprintView> fingerprints = alerts.aggregates(id, FINGERPRINTS).stream()
        .map(a -> new FingerprintView(a.fingerprint(), a.count(), a.firstSeen(), a.lastSeen(), a.firstReceivedAt(),
            a.lastReceivedAt(), view(a.count(), a.newest())))
        .toList();
    return new AlertPage(items, page, size, alerts.keptCount(id), alerts.received(id), fingerprints);
  }

  /** A page of the timeline, newest first, for those who read all of the incident. */
  public TimelinePage timeline(String id, String caller, int page, int size) {
    access.require(id, caller, Access.READ);
    return new TimelinePage(timelines.newest(id, (long) page * size, size), page, size, timelines.count(id));
  }

  private AlertView view(Long sequence, AlertRow a) {
    return new AlertView(a.fingerprint(), sequence, a.source(), a.category(), a.title(), a.observedAt(),
        a.receivedAt(), json(a.indicators()), json(a.details()));
  }

  public List<ObligationView> obligations(String id, String caller) {
    access.require(id, caller, Access.READ);
    return obligations.of(id).stream().map(ObligationView::of).toList();
  }

  public TeamView team(String id, String caller) {
    Incident row = access.require(id, caller, Access.READ);
    return TeamView.of(id, team.of(row));
  }

  private IncidentDetail detail(Incident row) {
    List<OpenTask> tasks = taskService.createTaskQuery().processInstanceBusinessKey(row.id()).active()
        .orderByTaskCreateTime().asc().list().stream().map(this::openTask).toList();
    List<TimelineEntry> timeline = timelines.newest(row.id(), 0, DETAIL_TIMELINE);
    return new IncidentDetail(row.id(), row.title(), row.description(), row.category(), row.domain(),
        row.status(), row.severity(), row.responseSla(), row.playbook(), row.reporter(), row.source(),
        row.externalRef(), row.detectedAt(), row.awareAt(), row.reportedAt(), row.closedAt(), row.restricted(),
        variable(row, IncidentResponseApi.Refs.TICKET_REF.name()),
        variable(row, IncidentResponseApi.Refs.WAR_ROOM_REF.name()),
        alerts.received(row.id()), obligations.next(row.id()).map(ObligationView::of).orElse(null), tasks,
        deadlines(row), timeline, timelines.count(row.id()));
  }

  private OpenTask openTask(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    return new OpenTask(task.getName(), groups, task.getAssignee(), instant(task.getCreateTime()),
        instant(task.getDueDate()));
  }

  /** The response SLA from the report time, then every running timer of the incident's processes. */
  private List<Deadline> deadlines(Incident row) {
    List<Deadline> deadlines = new ArrayList<>();
    if (row.responseSla() != null && row.isOpen()) {
      try {
        deadlines.add(new Deadline("Respond (" + row.severity() + " SLA)",
            row.reportedAt().plus(Duration.parse(row.responseSla()))));
      } catch (DateTimeParseException notADuration) {
        // a process owner may write an SLA the API cannot add; the timers below still show
      }
    }
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(row.id()).list()) {
      for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        deadlines.add(new Deadline(timerName(timer), instant(timer.getDuedate())));
      }
    }
    return deadlines;
  }

  private String timerName(Job timer) {
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .jobDefinitionId(timer.getJobDefinitionId()).singleResult();
    if (definition == null) {
      return "Timer";
    }
    ModelElementInstance element = repositoryService.getBpmnModelInstance(timer.getProcessDefinitionId())
        .getModelElementById(definition.getActivityId());
    String name = element == null ? null : element.getAttributeValue("name");
    return name == null ? definition.getActivityId() : name;
  }

  private String variable(Incident row, String name) {
    if (row.processInstanceId() == null) {
      return null;
    }
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(row.processInstanceId()).variableName(name).list().stream()
        .map(HistoricVariableInstance::getValue).filter(java.util.Objects::nonNull).map(Object::toString)
        .findFirst().orElse(null);
  }

  private JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException stored) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
