package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.RawHttp.Answer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Access, role by endpoint: each group of {@link Roles} (as its demo user of {@link DemoUsers}), an administrator, a
 * user in no group and an anonymous caller, against the app's API, the engine's REST API and the webapps' own API.
 * Each cell is what the security model (README "Logging in", "Who sees an incident") says: an answer with the
 * incident's data (SEES), an answer without it (EMPTY: lists the engine filters), or a status. A row is one line of
 * {@link #rows()}. The administrator's API tokens (one per scope) are callers too: a token reaches only what its scope
 * names ({@link #reaches}), there as its user. The cells of the incident's own endpoints per kind of membership are
 * in NeedToKnowMatrixTest.
 */
class AccessMatrixTest extends AccessFixture {

  /** What a cell expects: a status, or 200 with (SEES) or without (EMPTY) the fixture incident in the answer. */
  enum Cell { SEES, EMPTY, OK, S201, S204, S400, S401, S403, S404, REFUSED }

  /** One endpoint and what each caller gets. */
  record Row(String method, String path, String body, Function<Caller, Cell> cell) {}

  List<Row> rows() {
    String inc = "/api/incidents/" + incident;
    String pi = processInstance;
    Function<Caller, Cell> authenticated = c -> c.anonymous() ? Cell.S401 : Cell.OK;
    Function<Caller, Cell> readsIncident = c -> c.anonymous() ? Cell.S401 : c.readsIncident() ? Cell.OK : Cell.S404;
    Function<Caller, Cell> worksIncident = c -> c.anonymous() ? Cell.S401 : c.worksIncident() ? Cell.OK
        : c.readsIncident() ? Cell.S403 : Cell.S404;
    Function<Caller, Cell> engineList = c -> c.anonymous() ? Cell.S401 : c.readsIncident() ? Cell.SEES : Cell.EMPTY;
    Function<Caller, Cell> engineItem = c -> c.anonymous() ? Cell.S401 : c.readsIncident() ? Cell.OK : Cell.S404;
    Function<Caller, Cell> engineVariables = c -> c.anonymous() ? Cell.S401 : c.readsIncident() ? Cell.OK
        : Cell.S403;
    Function<Caller, Cell> taskList = c -> c.anonymous() ? Cell.S401 : c.candidate() ? Cell.SEES : Cell.EMPTY;
    Function<Caller, Cell> adminOnly = c -> c.anonymous() ? Cell.S401 : c.admin() ? Cell.REFUSED : Cell.S403;
    // a user in no group has no webapp to log in to
    Function<Caller, Cell> webappList = c -> c.groups().isEmpty() ? Cell.S401 : engineList.apply(c);
    Function<Caller, Cell> webappTasks = c -> c.groups().isEmpty() ? Cell.S401 : taskList.apply(c);
    Function<Caller, Cell> rolloutReader = c -> c.anonymous() ? Cell.S401
        : c.in(Roles.CAMUNDA_ADMIN, Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER, Roles.EXECUTIVE) ? Cell.OK : Cell.S404;
    return List.of(
        // the app's API
        new Row("GET", "/api/me", null, authenticated),
        new Row("GET", "/api/incidents?size=100", null, c -> c.anonymous() ? Cell.S401 : c.readsIncident()
            ? Cell.SEES : Cell.EMPTY),
        new Row("POST", "/api/incidents", "{}", c -> c.anonymous() ? Cell.S401 : Cell.S400), // anyone may report
        new Row("POST", "/api/alerts", "[]", c -> c.anonymous() ? Cell.S401 : Cell.S400),
        new Row("GET", inc, null, readsIncident),
        new Row("GET", inc + "/alerts", null, readsIncident),
        new Row("GET", inc + "/evidence", null, readsIncident),
        new Row("GET", inc + "/evidence/" + evidence + "/content", null, worksIncident),
        new Row("GET", inc + "/report", null, readsIncident),
        new Row("GET", inc + "/improvements", null, readsIncident),
        new Row("POST", inc + "/team/" + NAMED, null, c -> c.anonymous() ? Cell.S401 : c.lead() ? Cell.OK
            : c.readsIncident() ? Cell.S403 : Cell.S404),
        new Row("GET", "/api/improvements", null, authenticated),
        // credentials: administrators signed in with a password only
        new Row("GET", "/api/tokens", null, c -> c.anonymous() ? Cell.S401 : c.admin() ? Cell.OK : Cell.S403),
        new Row("POST", "/api/tokens", "{}", c -> c.anonymous() ? Cell.S401 : c.admin() ? Cell.S400 : Cell.S403),
        new Row("DELETE", "/api/tokens/" + spareToken, null, c -> c.anonymous() ? Cell.S401 : c.admin() ? Cell.S204
            : Cell.S403),
        new Row("GET", "/api/rollouts", null, c -> c.anonymous() ? Cell.S401
            : rolloutReader.apply(c) == Cell.OK ? Cell.SEES : Cell.EMPTY),
        new Row("GET", "/api/rollouts/" + rollout, null, rolloutReader),
        new Row("GET", "/api/rollouts/" + rollout + "/readiness", null, rolloutReader),
        new Row("POST", "/api/rollouts", "{\"organisation\":\"x\",\"sponsor\":\"mx-nobody\",\"programOwner\":"
            + "\"mx-nobody\",\"startDate\":\"2027-01-04\"}", c -> c.anonymous() ? Cell.S401
            : c.in(Roles.CAMUNDA_ADMIN, Roles.IR_PROGRAM_OWNER) ? Cell.S400 : Cell.S403),
        new Row("GET", "/api/scenarios", null, authenticated),
        new Row("GET", "/api/exercises", null, authenticated),
        new Row("POST", "/api/exercises", "{\"scenario\":\"mx-none\"}", c -> c.anonymous() ? Cell.S401
            : c.in(Roles.CAMUNDA_ADMIN, Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER) ? Cell.S400 : Cell.S403),
        new Row("GET", "/actuator/prometheus", null, c -> c.anonymous() ? Cell.S401 : Cell.OK),
        // the engine's REST API: the incident's instance, its history and variables for whoever may read it
        new Row("GET", "/engine-rest/process-instance?businessKey=" + incident, null, engineList),
        new Row("GET", "/engine-rest/process-instance/" + pi, null, engineItem),
        new Row("GET", "/engine-rest/process-instance/" + pi + "/variables", null, engineVariables),
        new Row("GET", "/engine-rest/variable-instance?processInstanceIdIn=" + pi, null, engineList),
        new Row("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + incident, null,
            engineList),
        new Row("GET", "/engine-rest/history/process-instance/" + pi, null, engineItem),
        new Row("GET", "/engine-rest/history/activity-instance?processInstanceId=" + pi, null, engineList),
        new Row("GET", "/engine-rest/history/variable-instance?processInstanceId=" + pi, null, engineList),
        new Row("GET", "/engine-rest/history/detail?processInstanceId=" + pi, null, engineList),
        new Row("GET", "/engine-rest/history/decision-instance?processInstanceId=" + pi, null,
            c -> c.anonymous() ? Cell.S401 : c.in(Roles.CAMUNDA_ADMIN, Roles.IR_LEAD) ? Cell.SEES : Cell.EMPTY),
        new Row("GET", "/engine-rest/task?processInstanceBusinessKey=" + incident, null, taskList),
        new Row("GET", "/engine-rest/task/" + task + "/variables", null, c -> c.anonymous() ? Cell.S401
            : c.candidate() ? Cell.OK : Cell.S403),
        new Row("GET", "/engine-rest/decision-definition?key=incident-severity", null, c -> c.anonymous()
            ? Cell.S401 : c.in(Roles.CAMUNDA_ADMIN, Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER) ? Cell.SEES : Cell.EMPTY),
        // who may not read the decision does not learn it exists
        new Row("POST", "/engine-rest/decision-definition/key/incident-severity/evaluate", "{\"variables\":{}}",
            c -> c.anonymous() ? Cell.S401 : c.admin() ? Cell.REFUSED
                : c.in(Roles.IR_LEAD, Roles.IR_PROGRAM_OWNER) ? Cell.S403 : Cell.S404),
        new Row("GET", "/engine-rest/process-definition?key=incident-response", null, c -> c.anonymous()
            ? Cell.S401 : c.groups().isEmpty() ? Cell.EMPTY : Cell.SEES),
        new Row("POST", "/engine-rest/process-definition/key/incident-response/start", "{\"businessKey\":\""
            + incident + "\"}", c -> c.anonymous() ? Cell.S401 : Cell.S400), // intake only, for everyone
        new Row("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"mx-new\"},\"credentials\":"
            + "{\"password\":\"Other-pw-2026!x\"}}", adminOnly),
        new Row("PUT", "/engine-rest/group/" + Roles.CAMUNDA_ADMIN + "/members/{caller}", null, adminOnly),
        new Row("POST", "/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":"
            + "\"{caller}\",\"resourceType\":0,\"resourceId\":\"mx-app\"}", adminOnly),
        // the webapps' own API (session login)
        new Row("WEBAPP", "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKey="
            + incident, null, webappList),
        new Row("WEBAPP", "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + pi, null,
            webappList),
        new Row("WEBAPP", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + incident, null,
            webappTasks),
        new Row("WEBAPP-SETUP", "/camunda/api/admin/setup/default/user/create", null, c -> Cell.S403));
  }

  @TestFactory
  Stream<DynamicTest> everyCell() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : rows()) {
      for (Caller caller : callers()) {
        // the administrator is a member already: they add the named user (not a caller) instead
        String path = row.path().replace("{caller}", caller.anonymous() ? "nobody" : caller.admin() ? NAMED
            : caller.user());
        String body = row.body() == null ? null : row.body().replace("{caller}", caller.anonymous() ? "nobody"
            : caller.user());
        Cell expected = !caller.bearer() ? row.cell().apply(caller) : row.method().equals("WEBAPP") ? Cell.S401
            : reaches(caller.scope(), row.method(), path) ? row.cell().apply(caller) : Cell.S403;
        String name = row.method() + " " + row.path().replace(incident, "{inc}").replace(processInstance, "{pi}")
            .replace(task, "{task}").replace(evidence, "{eid}").replace(rollout, "{rollout}")
            .replace(spareToken, "{token}") + " as "
            + caller.name() + ": " + expected;
        cells.add(DynamicTest.dynamicTest(name, () -> assertCell(call(row.method(), path, body, caller), expected)));
      }
    }
    return cells.stream();
  }

  /**
   * What a token of {@code scope} reaches (README "API tokens"): {@code GET /api/me}, and its scope's requests; never
   * reports, evidence content, the engine, the webapps or {@code /api/tokens}, whatever its user may do.
   */
  static boolean reaches(String scope, String method, String pathAndQuery) {
    String path = pathAndQuery.split("\\?", 2)[0];
    if (method.equals("GET") && path.equals("/api/me")) {
      return true;
    }
    return switch (scope) {
      case "incidents:report" -> method.equals("POST") && path.equals("/api/incidents");
      case "incidents:read" -> method.equals("GET") && path.matches("/api/incidents(/.*)?")
          && !path.matches("/api/incidents/[^/]+/(report(/.*)?|evidence/[^/]+/content)");
      case "alerts:write" -> method.equals("POST") && path.matches("/api/alerts(/.*)?");
      case "evidence:write" -> method.equals("POST") && path.matches("/api/incidents/[^/]+/evidence(/[^/]+/custody)?");
      default -> throw new IllegalArgumentException(scope);
    };
  }

  private void assertCell(Answer answer, Cell expected) throws Exception {
    String shown = answer.status() + " " + abbreviate(answer.body());
    switch (expected) {
      case SEES, EMPTY -> {
        assertThat(answer.status()).as(shown).isEqualTo(200);
        boolean sees = answer.body().contains(incident) || answer.body().contains(processInstance)
            || answer.body().contains("incident-severity") || answer.body().contains("incident-response")
            || answer.body().contains(rollout);
        assertThat(sees).as(shown).isEqualTo(expected == Cell.SEES);
      }
      case OK -> assertThat(answer.status()).as(shown).isEqualTo(200);
      case S201 -> assertThat(answer.status()).as(shown).isEqualTo(201);
      case S204 -> assertThat(answer.status()).as(shown).isEqualTo(204);
      case S400 -> assertThat(answer.status()).as(shown).isEqualTo(400);
      case S401 -> assertThat(answer.status()).as(shown).isEqualTo(401);
      case S403 -> assertThat(answer.status()).as(shown).isEqualTo(403);
      case S404 -> assertThat(answer.status()).as(shown).isEqualTo(404);
      case REFUSED -> assertThat(answer.status()).as(shown).isNotIn(401, 403).isBetween(200, 499);
      default -> throw new IllegalStateException();
    }
    if (answer.status() == 403 || answer.status() == 404) {
      assertThat(answer.body()).as("a refusal shows nothing of the incident").doesNotContain(SECRET_WORD);
    }
  }

  static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  static final String ADMIN = IrSpringBootTest.ADMIN;
}
