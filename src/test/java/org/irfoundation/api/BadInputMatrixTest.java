package org.irfoundation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.irfoundation.testing.RawHttp;
import org.irfoundation.testing.RawHttp.Answer;
import org.irfoundation.testing.RowCounts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input, endpoint by input class: every JSON body the API takes, malformed, oversized, of the wrong type, with
 * unknown fields, with injection-shaped values where a value is checked, and with the Unicode edges text must not
 * have; the query parameters and path segments the API reads; the multipart forms; the engine REST starts the app
 * guards; header values with CR, LF and NUL. Each answers 4xx with problem details and changes no row of any table.
 */
class BadInputMatrixTest extends BadInputFixture {

  static final List<String> INJECTIONS = List.of("${7*7}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
      "../../etc/passwd", "' OR '1'='1' --");
  /** JSON string literals (escapes as written on the wire) that are not text. */
  static final Map<String, String> NOT_TEXT = Map.of("NUL", "\"a\\u0000b\"", "control BEL", "\"a\\u0007b\"",
      "lone high surrogate", "\"a\\ud800b\"", "lone low surrogate", "\"a\\udc00\"",
      "surrogates reversed", "\"\\udc00\\ud800\"");
  static final String EMOJI = "\uD83D\uDE00"; // U+1F600: 4 bytes in UTF-8, 2 UTF-16 units

  /** One JSON endpoint: a valid body, a free-text field and its limit (0: none), fields whose values are checked. */
  record JsonEndpoint(String method, String path, String valid, String text, int max, List<String> checked) {}

  List<JsonEndpoint> jsonEndpoints() {
    String at = "\"2026-01-01T00:00:00Z\"";
    String evidencePath = "/api/incidents/" + incident + "/evidence/" + evidence + "/custody";
    return List.of(
        new JsonEndpoint("POST", "/api/incidents", "{\"title\":\"T\",\"category\":\"MALWARE\",\"detectedAt\":" + at
            + "}", "title", 200, List.of("category", "detectedAt")),
        new JsonEndpoint("POST", "/api/alerts", "{\"fingerprint\":\"bi-fp\",\"title\":\"T\",\"observedAt\":" + at
            + "}", "title", 200, List.of("category", "observedAt")),
        new JsonEndpoint("PUT", "/api/incidents/" + incident + "/severity", "{\"severity\":\"P3\",\"reason\":\"r\"}",
            "reason", 2000, List.of("severity")),
        new JsonEndpoint("PUT", "/api/incidents/" + incident + "/restriction",
            "{\"restricted\":true,\"reason\":\"r\"}", "reason", 2000, List.of("restricted")),
        new JsonEndpoint("POST", evidencePath, "{\"action\":\"TRANSFERRED\",\"location\":\"lab\",\"reason\":\"r\"}",
            "location", 1000, List.of("action")),
        new JsonEndpoint("POST", "/api/rollouts", "{\"organisation\":\"Acme\",\"sponsor\":\"admin\",\"programOwner\":"
            + "\"admin\",\"startDate\":\"2027-01-04\"}", "organisation", 200, List.of("startDate", "sponsor")),
        new JsonEndpoint("POST", "/api/exercises", "{\"scenario\":\"compromised-admin-account\",\"participants\":"
            + "[\"admin\"],\"timeCompression\":12}", "mode", 0, List.of("scenario", "timeCompression")),
        tokens());
  }

  private static JsonEndpoint tokens() {
    return new JsonEndpoint("POST", "/api/tokens", "{\"user\":\"admin\",\"name\":\"T\",\"scopes\":[\"alerts:write\"],"
        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}", "name", 100,
        List.of("user", "scopes", "expiresAt"));
  }

  @TestFactory
  Stream<DynamicTest> jsonBodies() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonEndpoint e : jsonEndpoints()) {
      String name = e.method() + " " + e.path().replace(incident, "{id}").replace(evidence, "{eid}") + ": ";
      String half = e.valid().substring(0, e.valid().length() / 2);
      tests.add(refused(name + "malformed JSON", e, half.getBytes(StandardCharsets.UTF_8), false));
      tests.add(refused(name + "invalid UTF-8", e, with(e, e.text(), new byte[] {'"', 'a', (byte) 0xC3, 0x28, '"'}),
          false));
      tests.add(refused(name + "empty body", e, new byte[0], false));
      tests.add(refused(name + "a string, not an object", e, bytes("\"just text\""), false));
      byte[] huge = with(e, e.text(), bytes("\"" + "x".repeat((int) BodyLimitFilter.MAX_JSON_BODY) + "\""));
      tests.add(refused(name + "oversized (declared length)", e, huge, false));
      tests.add(refused(name + "oversized (chunked)", e, huge, true));
      tests.add(refused(name + "wrong type: an object for " + e.text(), e, with(e, e.text(), bytes("{\"a\":1}")),
          false));
      tests.add(refused(name + "unknown field", e, bytes(e.valid().replaceFirst("\\{",
          "{\"role\":\"camunda-admin\",")), false));
      tests.add(DynamicTest.dynamicTest(name + "wrong content type", () -> assertRefused(
          send(e.method(), e.path(), "text/plain", bytes(e.valid()), false), 415)));
      if (e.max() > 0) {
        tests.add(refused(name + e.text() + " one over " + e.max(), e, with(e, e.text(), literal("x".repeat(e.max()
            + 1))), false));
        tests.add(refused(name + e.text() + ": 4-byte characters over " + e.max(), e, with(e, e.text(),
            literal(EMOJI.repeat(e.max() / 2 + 1))), false));
      }
      NOT_TEXT.forEach((what, json) -> tests.add(refused(name + e.text() + " with " + what, e,
          with(e, e.text(), bytes(json)), false)));
      for (String field : e.checked()) {
        for (String injection : INJECTIONS) {
          tests.add(refused(name + field + " = " + injection, e, with(e, field, literal(injection)), false));
        }
      }
    }
    String alert = "{\"fingerprint\":\"bi-batch\",\"title\":\"T\",\"observedAt\":\"2026-01-01T00:00:00Z\"}";
    JsonEndpoint alerts = jsonEndpoints().get(1);
    tests.add(refused("POST /api/alerts: a batch with one bad alert", alerts,
        bytes("[" + alert + "," + alert.replace("T\"", "T\",\"category\":\"${x}\"") + "]"), false));
    tests.add(refused("POST /api/alerts: an empty batch", alerts, bytes("[]"), false));
    JsonEndpoint tokens = tokens();
    Map.of("an unknown scope", List.of("scopes", "[\"alerts:write\",\"incidents:delete\"]"),
        "a scope that is not text", List.of("scopes", "[7]"), "scopes a number", List.of("scopes", "7"),
        "no scopes", List.of("scopes", "[]"), "an expiry in the past", List.of("expiresAt", "\"2020-01-01T00:00:00Z\""),
        "an expiry a boolean", List.of("expiresAt", "true"), "a user in a list", List.of("user", "[\"admin\"]"),
        "a caller-chosen secret", List.of("token", "\"irf_chosen\"")).forEach((what, fieldAndJson) -> tests.add(
        refused("POST /api/tokens: " + what, tokens, with(tokens, fieldAndJson.get(0), bytes(fieldAndJson.get(1))),
            false)));
    // the refusals are the input's: the valid body makes a token
    tests.add(DynamicTest.dynamicTest("POST /api/tokens: the valid body answers 201", () -> assertThat(
        send("POST", "/api/tokens", "application/json", bytes(tokens.valid()), false).answer().status()).isEqualTo(201)));
    return tests.stream();
  }

  private DynamicTest refused(String name, JsonEndpoint e, byte[] body, boolean chunked) {
    return DynamicTest.dynamicTest(name, () -> assertRefused(send(e.method(), e.path(), "application/json", body,
        chunked), 400));
  }

  /** The valid body with {@code field} set to the raw JSON {@code value} (added when the body has no such field). */
  private static byte[] with(JsonEndpoint e, String field, byte[] value) {
    String marker = "\u0001MARK\u0001";
    String json = e.valid().contains("\"" + field + "\":")
        ? e.valid().replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*]|[^,}]+)", "\"" + field + "\":" + marker)
        : e.valid().replaceFirst("\\{", "{\"" + field + "\":" + marker + ",");
    String[] parts = json.split(marker, 2);
    byte[] head = bytes(parts[0]);
    byte[] tail = bytes(parts[1]);
    byte[] all = new byte[head.length + value.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(value, 0, all, head.length, value.length);
    System.arraycopy(tail, 0, all, head.length + value.length, tail.length);
    return all;
  }

  static byte[] literal(String text) {
    return bytes("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> queryParametersAndPaths() {
    String inc = "/api/incidents/" + incident;
    List<String[]> cases = List.of(
        new String[] {"GET", "/api/incidents?size=abc"}, new String[] {"GET", "/api/incidents?size=0"},
        new String[] {"GET", "/api/incidents?size=101"}, new String[] {"GET", "/api/incidents?page=-1"},
        new String[] {"GET", "/api/incidents?status=%24%7B7*7%7D"},
        new String[] {"GET", "/api/incidents?exercise=maybe"},
        new String[] {"GET", inc + "/alerts?size=501"}, new String[] {"GET", inc + "/alerts?page=x"},
        new String[] {"GET", "/api/improvements?status=%23%7B7*7%7D"},
        new String[] {"GET", "/api/improvements?playbook=..%2F..%2Fetc%2Fpasswd"},
        new String[] {"GET", "/api/improvements?playbook=%27%20OR%20%271%27%3D%271"},
        new String[] {"GET", "/api/improvements?exercise=%7B%7B7*7%7D%7D"},
        new String[] {"GET", inc + "/report?final=maybe"},
        new String[] {"GET", "/api/exercises/EX-2026-9999/report?final=maybe"},
        new String[] {"GET", "/api/incidents/INC-2026-0001%27%20OR%20%271%27%3D%271"},
        new String[] {"GET", "/api/incidents/%24%7B7*7%7D"},
        new String[] {"GET", "/api/rollouts/%7B%7B7*7%7D%7D"},
        new String[] {"GET", "/api/exercises/..%252F..%252Fetc"},
        new String[] {"GET", inc + "/evidence/%27%20OR%201%3D1%20--/content"},
        new String[] {"POST", inc + "/team/%24%7B7*7%7D"}, new String[] {"POST", inc + "/team/%27%20OR%201%3D1"},
        new String[] {"DELETE", inc + "/team/%3Cscript%3E"},
        new String[] {"POST", inc + "/evidence/" + evidence + "%27/verify"});
    return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1].replace(incident, "{id}"),
        () -> assertRefused(send(c[0], c[1], null, null, false), 0)));
  }

  /**
   * Paths Tomcat itself refuses (an encoded slash or NUL, an encoded '<'): 400 before the app is reached, in Tomcat's
   * words, not problem details; nothing can change.
   */
  @TestFactory
  Stream<DynamicTest> pathsTheServletContainerRefuses() {
    String inc = "/api/incidents/" + incident;
    return Stream.of("/api/incidents/..%2F..%2Fetc%2Fpasswd", "/api/incidents/%00",
            "/api/incidents/%3Cscript%3Ealert(1)%3C%2Fscript%3E", inc + "/evidence/..%2F..%2Fetc%2Fpasswd/content",
            inc + "/team/..%2Fadmin")
        .map(path -> DynamicTest.dynamicTest(path.replace(incident, "{id}"), () -> {
          Sent sent = send("GET", path, null, null, false);
          assertThat(sent.answer().status()).isEqualTo(400);
          assertThat(sent.changed()).isEmpty();
        }));
  }

  @TestFactory
  Stream<DynamicTest> engineRestStartsTheAppGuards() {
    return Stream.of("incident-response", "playbook-compromised-account", "evidence-collection")
        .flatMap(key -> Stream.of("start", "submit-form").map(verb -> DynamicTest.dynamicTest(key + " " + verb,
            () -> assertRefused(send("POST", "/engine-rest/process-definition/key/" + key + "/" + verb,
                "application/json", bytes("{\"businessKey\":\"INC-2026-9999\",\"variables\":{}}"), false), 400))));
  }

  @TestFactory
  Stream<DynamicTest> multipartForms() {
    String upload = "/api/incidents/" + incident + "/evidence";
    String at = "2026-01-01T09:00:00Z";
    Map<String, String[]> file = Map.of("file", new String[] {"rules.txt", "content"});
    List<Object[]> cases = List.of(
        new Object[] {"evidence: file name with a path", upload, RawHttp.multipart(RawHttp.fields("description", "d",
            "collectedAt", at), Map.of("file", new String[] {"../../etc/passwd", "x"}))},
        new Object[] {"evidence: file name with a NUL", upload, RawHttp.multipart(RawHttp.fields("description", "d",
            "collectedAt", at), Map.of("file", new String[] {"a\u0000.txt", "x"}))},
        new Object[] {"evidence: description with a NUL", upload, RawHttp.multipart(RawHttp.fields("description",
            "a\u0000b", "collectedAt", at), file)},
        new Object[] {"evidence: description over 2000", upload, RawHttp.multipart(RawHttp.fields("description",
            "x".repeat(2001), "collectedAt", at), file)},
        new Object[] {"evidence: collectedAt ${7*7}", upload, RawHttp.multipart(RawHttp.fields("description", "d",
            "collectedAt", "${7*7}"), file)},
        new Object[] {"evidence: unknown field", upload, RawHttp.multipart(RawHttp.fields("description", "d",
            "collectedAt", at, "registeredBy", "admin"), file)},
        new Object[] {"evidence: no file", upload, RawHttp.multipart(RawHttp.fields("description", "d",
            "collectedAt", at), Map.of())},
        new Object[] {"deliverable: week abc", deliverables(), RawHttp.multipart(RawHttp.fields("week", "abc",
            "name", "Charter"), file)},
        new Object[] {"deliverable: week 99", deliverables(), RawHttp.multipart(RawHttp.fields("week", "99",
            "name", "Charter"), file)},
        new Object[] {"deliverable: name with a NUL", deliverables(), RawHttp.multipart(RawHttp.fields("week", "1",
            "name", "a\u0000b"), file)},
        new Object[] {"deliverable: name over 200", deliverables(), RawHttp.multipart(RawHttp.fields("week", "1",
            "name", "x".repeat(201)), file)});
    Stream<DynamicTest> forms = cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
      RawHttp.Multipart form = (RawHttp.Multipart) c[2];
      assertRefused(send("POST", (String) c[1], form.contentType(), form.body(), false), 400);
    }));
    return Stream.concat(forms, Stream.of(DynamicTest.dynamicTest("evidence: JSON instead of a form",
        () -> assertRefused(send("POST", upload, "application/json", bytes("{}"), false), 415))));
  }

  @TestFactory
  Stream<DynamicTest> headersWithControlCharacters() {
    String report = "/api/incidents/" + incident + "/report";
    // (a bare LF ends a header line, RFC 9112 2.2: that is two headers, not one with a line break)
    return Stream.of(new String[] {"CR in a value (Tomcat refuses)", "Accept: text/html\rX-Injected: 1"},
            new String[] {"NUL in a value (Tomcat refuses)", "Accept: text/html\u0000"},
            new String[] {"a folded line: Accept no media type", "Accept: text/html\r\n X-Injected: 1"})
        .map(h -> DynamicTest.dynamicTest(h[0], () -> {
          Map<String, Long> before = rows.now();
          Answer answer = http.raw(ADMIN, ADMIN_PASSWORD, "GET", report, List.of(h[1]));
          assertThat(answer.status()).as(answer.body()).isEqualTo(400);
          assertThat(answer.isProblem() || h[0].contains("Tomcat")).as(answer.body()).isTrue();
          assertThat(RowCounts.changed(before, rows.now())).isEmpty();
        }));
  }

  private String deliverables() {
    return "/api/rollouts/" + rollout + "/deliverables";
  }

  /** 4xx ({@code status}, or any when 0) with problem details, and no table changed. */
  private void assertRefused(Sent sent, int status) {
    Answer answer = sent.answer();
    if (status == 0) {
      assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
    } else {
      assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }
    assertThat(answer.isProblem()).as("problem details: %s %s", answer.contentType(), answer.body()).isTrue();
    assertThat(sent.changed()).as("tables changed").isEmpty();
  }
}
