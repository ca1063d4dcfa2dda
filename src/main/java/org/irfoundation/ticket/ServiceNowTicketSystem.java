package org.irfoundation.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * ServiceNow, Table API on {@code incident}. The incident id is the record's {@code correlation_id}: opening
 * first looks it up, so a retried job finds the record it created. The reference is the record's number
 * ({@code INC0010001}); comments are work notes; states use the out-of-the-box values (1 New, 2 In Progress,
 * 6 Resolved, 7 Closed); closing resolves with {@code close_code} and {@code close_notes}. The exercise variant
 * ({@link #forExercise}) assigns to the exercise group, at the lowest urgency (no on-call rule fires for a drill),
 * and marks what it writes {@code [EXERCISE] }.
 */
@Component
@ConditionalOnProperty(name = TicketConfiguration.PROVIDER, havingValue = "servicenow")
public class ServiceNowTicketSystem implements TicketSystem {

  static final String SYSTEM = "ServiceNow";
  static final String TABLE = "/api/now/table/incident";
  static final String EXERCISE_GROUP = "irf.ticket.exercise.servicenow.assignment-group";

  private final TicketProperties.ServiceNow snow;
  private final HttpConnector http;
  /** The health check's client: same system, shorter timeouts. */
  private final HttpConnector probe;
  private final String authorization;
  private final HttpSettings settings;
  private final HttpConnector.Sleeper sleeper;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  @Autowired
  public ServiceNowTicketSystem(TicketProperties properties) {
    this(properties.servicenow(), properties.http(), null);
  }

  public ServiceNowTicketSystem(TicketProperties.ServiceNow snow, HttpSettings settings, HttpConnector.Sleeper sleeper) {
    this(snow, settings, sleeper, "");
  }

  private ServiceNowTicketSystem(TicketProperties.ServiceNow snow, HttpSettings settings,
      HttpConnector.Sleeper sleeper, String mark) {
    if (snow == null || blank(snow.instanceUrl()) || blank(snow.user()) || blank(snow.password())) {
      throw new IllegalStateException("irf.ticket.provider=servicenow needs irf.ticket.servicenow.instance-url, "
          + "irf.ticket.servicenow.user and irf.ticket.servicenow.password (from the environment: "
          + "IRF_SERVICENOW_URL, IRF_SERVICENOW_USER, IRF_SERVICENOW_PASSWORD)");
    }
    this.snow = snow;
    this.http = sleeper == null ? new HttpConnector(SYSTEM, snow.instanceUrl(), settings)
        : new HttpConnector(SYSTEM, snow.instanceUrl(), settings, sleeper);
    this.probe = new HttpConnector(SYSTEM, snow.instanceUrl(), ConnectorHealth.probeSettings(settings));
    this.authorization = HttpConnector.basic(snow.user(), snow.password());
    this.settings = settings;
    this.sleeper = sleeper;
    this.mark = mark;
  }

  /** The same instance and user, assigning to {@code irf.ticket.exercise.servicenow.assignment-group}. */
  @Override
  public TicketSystem forExercise(TicketProperties.Exercise exercise) {
    String group = exercise == null ? null : exercise.serviceNowAssignmentGroup();
    if (blank(group)) {
      throw ExerciseRouting.notConfigured(SYSTEM, EXERCISE_GROUP, "IRF_SERVICENOW_EXERCISE_ASSIGNMENT_GROUP",
          "ticket");
    }
    if (group.trim().equalsIgnoreCase(snow.assignmentGroup())) {
      throw ExerciseRouting.sameAsProduction(SYSTEM, EXERCISE_GROUP);
    }
    return new ServiceNowTicketSystem(new TicketProperties.ServiceNow(snow.instanceUrl(), snow.user(), snow.password(),
        group.trim(), snow.closeCode()), settings, sleeper, ExerciseRouting.MARK);
  }

  @Override
  public String target() {
    return "assignment group " + (blank(snow.assignmentGroup()) ? "(none)" : snow.assignmentGroup());
  }

  @Override
  public TicketRef open(TicketRequest request) {
    Optional<TicketRef> existing = findByIncident(request.incidentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    Map<String, Object> record = new HashMap<>();
    record.put("short_description", mark + "[" + orDash(request.severity()) + "] " + request.incidentId() + ": " + request.title());
    record.put("description", mark + "Incident " + request.incidentId() + " (category " + orDash(request.category())
        + "), tracked by IR Foundation.");
    record.put("correlation_id", request.incidentId());
    record.put("correlation_display", "IR Foundation");
    record.put("category", "Security");
    String level = mark.isEmpty() ? urgency(request.severity()) : "3";
    record.put("urgency", level);
    record.put("impact", level);
    if (!blank(snow.assignmentGroup())) {
      record.put("assignment_group", snow.assignmentGroup());
    }
    JsonNode created = http.call("create incident record for " + request.incidentId(), this::advice, () ->
        http.client().post().uri(TABLE + "?sysparm_fields=sys_id,number").headers(this::auth)
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(record)
            .retrieve().body(JsonNode.class));
    return new TicketRef(created.path("result").path("number").asText());
  }

  @Override
  public Optional<TicketRef> findByIncident(String incidentId) {
    return first("correlation_id=" + incidentId, "look up the record of " + incidentId)
        .map(r -> new TicketRef(r.path("number").asText()));
  }

  @Override
  public void comment(TicketRef ref, String text) {
    update(ref, Map.of("work_notes", mark + text), "add a work note to " + ref);
  }

  @Override
  public void changeStatus(TicketRef ref, TicketStatus status) {
    if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
      close(ref, "Resolved by IR Foundation");
      return;
    }
    update(ref, Map.of("state", state(status)), "set the state of " + ref);
  }

  @Override
  public void close(TicketRef ref, String resolution) {
    JsonNode record = record(ref);
    String state = record.path("state").asText();
    if ("6".equals(state) || "7".equals(state)) {
      return; // resolved or closed already: a retried job changes nothing
    }
    patch(record.path("sys_id").asText(), Map.of("state", "6", "close_code", snow.closeCode(),
        "close_notes", mark + resolution), "resolve " + ref);
  }

  private void update(TicketRef ref, Map<String, Object> changes, String what) {
    patch(record(ref).path("sys_id").asText(), changes, what);
  }

  private void patch(String sysId, Map<String, Object> changes, String what) {
    http.call(what, this::advice, () ->
        http.client().patch().uri(TABLE + "/{sysId}?sysparm_fields=sys_id", sysId).headers(this::auth)
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(changes)
            .retrieve().toBodilessEntity());
  }

  private JsonNode record(TicketRef ref) {
    return first("number=" + ref.id(), "find record " + ref).orElseThrow(() ->
        new IllegalArgumentException("ServiceNow has no incident record " + ref));
  }

  private Optional<JsonNode> first(String query, String what) {
    JsonNode found = http.call(what, this::advice, () ->
        http.client().get().uri(b -> b.path(TABLE).queryParam("sysparm_query", "{q}")
                .queryParam("sysparm_fields", "sys_id,number,state").queryParam("sysparm_limit", 1).build(query))
            .headers(this::auth).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    JsonNode result = found.path("result");
    return result.isArray() && !result.isEmpty() ? Optional.of(result.get(0)) : Optional.empty();
  }

  /**
   * One row of the incident table, the table this adapter writes: a user who can log in but lacks the ACLs the
   * adapter needs is DOWN here too, not only at the first incident.
   */
  @Override
  public Health health() {
    return ConnectorHealth.check(SYSTEM, snow.instanceUrl(), () -> {
      probe.call("read the incident table (GET " + TABLE + "?sysparm_limit=1)", this::advice, () ->
          probe.client().get().uri(TABLE + "?sysparm_limit=1&sysparm_fields=sys_id").headers(this::auth)
              .accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity());
      return "GET " + TABLE + "?sysparm_limit=1 answered";
    });
  }

  String advice(int status, String body) {
    return switch (status) {
      case 401 -> "ServiceNow did not accept the credentials: check IRF_SERVICENOW_USER and IRF_SERVICENOW_PASSWORD";
      case 403 -> "the ServiceNow user may not write the incident table: give it the itil role "
          + "(or rest_api_explorer plus incident write ACLs)";
      case 404 -> "not found: check irf.ticket.servicenow.instance-url (" + snow.instanceUrl() + ")";
      default -> body.contains("assignment_group") ? "check "
          + (mark.isEmpty() ? "irf.ticket.servicenow.assignment-group" : EXERCISE_GROUP)
          : "check the irf.ticket.servicenow settings";
    };
  }

  static String state(TicketStatus status) {
    return switch (status) {
      case OPEN -> "1";
      case IN_PROGRESS -> "2";
      case RESOLVED -> "6";
      case CLOSED -> "7";
    };
  }

  /** P1 -> 1 (high) ... P3/P4 -> 3 (low). */
  static String urgency(String severity) {
    if ("P1".equals(severity)) {
      return "1";
    }
    return "P2".equals(severity) ? "2" : "3";
  }

  private void auth(HttpHeaders headers) {
    headers.set(HttpHeaders.AUTHORIZATION, authorization);
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
