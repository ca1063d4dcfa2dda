package org.irfoundation.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an API token may be used for. A token reaches only the requests its scopes name (and {@code GET /api/me},
 * to check it), and within them only what its user may do: the user's groups and Camunda authorizations still
 * apply. The engine REST API, the webapps, reports, rollouts, exercises and {@code /api/tokens} are for people.
 */
public enum TokenScope {

  /** {@code POST /api/incidents}: report an incident. */
  INCIDENTS_REPORT("incidents:report", matcher(HttpMethod.POST, "/api/incidents")),
  /**
   * {@code GET /api/incidents/**}: read incidents (their alerts, obligations, evidence list) the user may see; not
   * their reports or evidence content.
   */
  INCIDENTS_READ("incidents:read", matcher(HttpMethod.GET, "/api/incidents"),
      matcher(HttpMethod.GET, "/api/incidents/**")),
  /** {@code POST /api/alerts/**}: send alerts (single or batches). */
  ALERTS_WRITE("alerts:write", matcher(HttpMethod.POST, "/api/alerts/**")),
  /** Upload evidence to an incident and add custody entries to its items. */
  EVIDENCE_WRITE("evidence:write", matcher(HttpMethod.POST, "/api/incidents/*/evidence"),
      matcher(HttpMethod.POST, "/api/incidents/*/evidence/*/custody"));

  /** Any token may ask who it is. */
  private static final RequestMatcher ALWAYS = matcher(HttpMethod.GET, "/api/me");
  /** Under {@code /api/incidents/**} but for people: reports and evidence bytes. */
  private static final List<RequestMatcher> PEOPLE_ONLY = List.of(
      matcher(HttpMethod.GET, "/api/incidents/*/report/**"),
      matcher(HttpMethod.GET, "/api/incidents/*/evidence/*/content"));

  private final String id;
  private final List<RequestMatcher> requests;

  TokenScope(String id, RequestMatcher... requests) {
    this.id = id;
    this.requests = List.of(requests);
  }

  public String id() {
    return id;
  }

  public static Optional<TokenScope> of(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(TokenScope::id).toList();
  }

  /** Whether a token with {@code scopes} may make this request at all. */
  static boolean allows(Collection<TokenScope> scopes, HttpServletRequest request) {
    return ALWAYS.matches(request) || PEOPLE_ONLY.stream().noneMatch(m -> m.matches(request))
        && scopes.stream().anyMatch(s -> s.requests.stream().anyMatch(m -> m.matches(request)));
  }

  private static RequestMatcher matcher(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
