package org.irfoundation.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irfoundation.connector.ConnectorConfigurationException;
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
 * Jira Cloud (REST API v3). The incident id is kept as the issue label {@code irf-<incident id>}: opening first
 * searches for it (JQL), so a retried job finds the issue it created. Status changes are workflow transitions
 * found by the target status name ({@code irf.ticket.jira.statuses}); closing transitions to Done with the
 * resolution as the comment in the same request, so a retry adds no second comment. The exercise variant
 * ({@link #forExercise}) works in the exercise project and marks what it writes {@code [EXERCISE] }.
 */
@Component
@ConditionalOnProperty(name = TicketConfiguration.PROVIDER, havingValue = "jira")
public class JiraTicketSystem implements TicketSystem {

  static final String SYSTEM = "Jira";
  static final String LABEL_PREFIX = "irf-";
  static final String EXERCISE_PROJECT = "irf.ticket.exercise.jira.project-key";

  private final TicketProperties.Jira jira;
  private final HttpConnector http;
  /** The health check's client: same system, shorter timeouts. */
  private final HttpConnector probe;
  private final String authorization;
  private final HttpSettings settings;
  private final HttpConnector.Sleeper sleeper;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  @Autowired
  public JiraTicketSystem(TicketProperties properties) {
    this(properties.jira(), properties.http(), null);
  }

  public JiraTicketSystem(TicketProperties.Jira jira, HttpSettings settings, HttpConnector.Sleeper sleeper) {
    this(jira, settings, sleeper, "");
  }

  private JiraTicketSystem(TicketProperties.Jira jira, HttpSettings settings, HttpConnector.Sleeper sleeper,
      String mark) {
    if (jira == null || blank(jira.baseUrl()) || blank(jira.email()) || blank(jira.apiToken())) {
      throw new IllegalStateException("irf.ticket.provider=jira needs irf.ticket.jira.base-url, "
          + "irf.ticket.jira.email and irf.ticket.jira.api-token (from the environment: IRF_JIRA_BASE_URL, "
          + "IRF_JIRA_EMAIL, IRF_JIRA_API_TOKEN)");
    }
    this.jira = jira;
    this.http = sleeper == null ? new HttpConnector(SYSTEM, jira.baseUrl(), settings)
        : new HttpConnector(SYSTEM, jira.baseUrl(), settings, sleeper);
    this.probe = new HttpConnector(SYSTEM, jira.baseUrl(), ConnectorHealth.probeSettings(settings));
    this.authorization = HttpConnector.basic(jira.email(), jira.apiToken());
    this.settings = settings;
    this.sleeper = sleeper;
    this.mark = mark;
  }

  /** The same Jira site and account, in the project {@code irf.ticket.exercise.jira.project-key}. */
  @Override
  public TicketSystem forExercise(TicketProperties.Exercise exercise) {
    String key = exercise == null ? null : exercise.jiraProjectKey();
    if (blank(key)) {
      throw ExerciseRouting.notConfigured(SYSTEM, EXERCISE_PROJECT, "IRF_JIRA_EXERCISE_PROJECT_KEY", "ticket");
    }
    if (key.trim().equalsIgnoreCase(jira.projectKey())) {
      throw ExerciseRouting.sameAsProduction(SYSTEM, EXERCISE_PROJECT);
    }
    return new JiraTicketSystem(new TicketProperties.Jira(jira.baseUrl(), jira.email(), jira.apiToken(), key.trim(),
        jira.issueType(), jira.statuses()), settings, sleeper, ExerciseRouting.MARK);
  }

  @Override
  public String target() {
    return "project " + jira.projectKey();
  }

  @Override
  public TicketRef open(TicketRequest request) {
    Optional<TicketRef> existing = findByIncident(request.incidentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    Map<String, Object> fields = Map.of(
        "project", Map.of("key", jira.projectKey()),
        "issuetype", Map.of("name", jira.issueType()),
        "summary", summary(request),
        "labels", List.of(label(request.incidentId())),
        "description", adf(mark + "Incident " + request.incidentId() + " (severity " + orDash(request.severity())
            + ", category " + orDash(request.category()) + "), tracked by IR Foundation."));
    JsonNode created = http.call("create issue for " + request.incidentId(), this::advice, () ->
        http.client().post().uri("/rest/api/3/issue").headers(this::auth).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("fields", fields)).retrieve().body(JsonNode.class));
    return new TicketRef(created.path("key").asText());
  }

  @Override
  public Optional<TicketRef> findByIncident(String incidentId) {
    String jql = "project = \"" + jira.projectKey() + "\" AND labels = \"" + label(incidentId) + "\" ORDER BY created ASC";
    JsonNode found = http.call("search the issue of " + incidentId, this::advice, () ->
        http.client().get().uri(b -> b.path("/rest/api/3/search/jql").queryParam("jql", "{jql}")
                .queryParam("fields", "key").queryParam("maxResults", 1).build(jql))
            .headers(this::auth).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    JsonNode issues = found.path("issues");
    return issues.isArray() && !issues.isEmpty() ? Optional.of(new TicketRef(issues.get(0).path("key").asText()))
        : Optional.empty();
  }

  @Override
  public void comment(TicketRef ref, String text) {
    http.call("comment on " + ref, this::advice, () ->
        http.client().post().uri("/rest/api/3/issue/{key}/comment", ref.id()).headers(this::auth)
            .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", adf(mark + text))).retrieve().toBodilessEntity());
  }

  @Override
  public void changeStatus(TicketRef ref, TicketStatus status) {
    transition(ref, jira.statusName(status), null);
  }

  @Override
  public void close(TicketRef ref, String resolution) {
    transition(ref, jira.statusName(TicketStatus.CLOSED), resolution == null ? null : mark + resolution);
  }

  private void transition(TicketRef ref, String target, String comment) {
    JsonNode issue = http.call("read the status of " + ref, this::advice, () ->
        http.client().get().uri("/rest/api/3/issue/{key}?fields=status", ref.id()).headers(this::auth)
            .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    String current = issue.path("fields").path("status").path("name").asText();
    if (current.equalsIgnoreCase(target)) {
      return; // already there: a retried job changes nothing
    }
    JsonNode transitions = http.call("list the transitions of " + ref, this::advice, () ->
        http.client().get().uri("/rest/api/3/issue/{key}/transitions", ref.id()).headers(this::auth)
            .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    String id = null;
    for (JsonNode t : transitions.path("transitions")) {
      if (target.equalsIgnoreCase(t.path("to").path("name").asText()) || target.equalsIgnoreCase(t.path("name").asText())) {
        id = t.path("id").asText();
        break;
      }
    }
    if (id == null) {
      throw new ConnectorConfigurationException(SYSTEM, 0, "Jira offers no transition from \"" + current
          + "\" to \"" + target + "\" for " + ref + ": check irf.ticket.jira.statuses against the project's workflow");
    }
    Map<String, Object> body = comment == null ? Map.of("transition", Map.of("id", id))
        : Map.of("transition", Map.of("id", id),
            "update", Map.of("comment", List.of(Map.of("add", Map.of("body", adf(comment))))));
    http.call("move " + ref + " to " + target, this::advice, () ->
        http.client().post().uri("/rest/api/3/issue/{key}/transitions", ref.id()).headers(this::auth)
            .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
  }

  /** The account the token belongs to ({@code GET /rest/api/3/myself}): the cheapest read that needs the token. */
  @Override
  public Health health() {
    return ConnectorHealth.check(SYSTEM, jira.baseUrl(), () -> {
      JsonNode me = probe.call("read the API user (GET /rest/api/3/myself)", this::advice, () ->
          probe.client().get().uri("/rest/api/3/myself").headers(this::auth).accept(MediaType.APPLICATION_JSON)
              .retrieve().body(JsonNode.class));
      return "GET /rest/api/3/myself answered as " + (me == null ? "?" : me.path("displayName").asText("?"));
    });
  }

  /** What to fix when Jira rejects a request. */
  String advice(int status, String body) {
    return switch (status) {
      case 401 -> "Jira did not accept the credentials: check IRF_JIRA_EMAIL and IRF_JIRA_API_TOKEN "
          + "(irf.ticket.jira.email, irf.ticket.jira.api-token)";
      case 403 -> "the Jira account may not do this: give it Browse, Create, Edit and Transition Issues and "
          + "Add Comments in project " + jira.projectKey();
      case 404 -> "not found: check irf.ticket.jira.base-url (" + jira.baseUrl() + ") and that the issue exists";
      default -> body.contains("project") ? "Jira rejected the project key " + jira.projectKey()
          + ": check " + (mark.isEmpty() ? "irf.ticket.jira.project-key" : EXERCISE_PROJECT)
          : body.contains("issuetype") ? "Jira rejected the issue type " + jira.issueType()
              + ": check irf.ticket.jira.issue-type"
              : "check the irf.ticket.jira settings against the Jira project";
    };
  }

  private void auth(HttpHeaders headers) {
    headers.set(HttpHeaders.AUTHORIZATION, authorization);
  }

  static String label(String incidentId) {
    return LABEL_PREFIX + incidentId;
  }

  private String summary(TicketRequest request) {
    String summary = mark + "[" + orDash(request.severity()) + "] " + request.incidentId() + ": " + request.title();
    return summary.length() <= 250 ? summary : summary.substring(0, 250);
  }

  /** Atlassian Document Format: one paragraph per line. */
  static Map<String, Object> adf(String text) {
    List<Map<String, Object>> paragraphs = text.lines().filter(l -> !l.isBlank())
        .map(line -> Map.<String, Object>of("type", "paragraph",
            "content", List.of(Map.of("type", "text", "text", line))))
        .toList();
    return Map.of("type", "doc", "version", 1, "content", paragraphs);
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
