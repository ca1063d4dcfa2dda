package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The evidence API end to end over HTTP: uploads streamed to the store, downloads and verification on the
 * chain of custody, tampering with files and with the custody table, bad uploads, and the incident team.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceApiTest {

  static final String PASSWORD = "Evidence-pw-2026";
  /** In the engaged group (ir-analyst) of every incident made here. */
  static final String ANALYST = "ev-analyst";
  /** Legal, never engaged here: not on the team. */
  static final String OUTSIDER = "ev-outsider";
  /** Communications, assignee of one of the incident's tasks. */
  static final String ASSIGNEE = "ev-assignee";
  /** Communications, completed one of the incident's tasks (timeline). */
  static final String COMPLETER = "ev-completer";
  static final AtomicInteger NEXT = new AtomicInteger(1);

  /** Incidents whose custody records a test changed on purpose. */
  final List<String> tampered = new java.util.ArrayList<>();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired IncidentStore incidents;
  @Autowired IncidentTeam team;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EvidenceStore store;
  @Autowired EvidenceProperties properties;

  @BeforeAll
  void usersAndAnIncidentProcess() {
    user(ANALYST, Roles.IR_ANALYST);
    user(OUTSIDER, Roles.LEGAL);
    user(ASSIGNEE, Roles.COMMUNICATIONS);
    user(COMPLETER, Roles.COMMUNICATIONS);
    repositoryService.createDeployment().addModelInstance("test-evidence-incident.bpmn",
        Bpmn.createExecutableProcess("test-evidence-incident").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").name("Work the incident").endEvent().done()).deploy();
  }

  /**
   * Other tests on this shared context check every chain (the rollout's infrastructure gate): a chain broken on
   * purpose here is removed with its evidence records once its test is done.
   */
  @AfterEach
  void forgetTheChainsTamperedWith() {
    for (String incident : tampered) {
      jdbc.sql("delete from custody_entry where incident_id = ?").param(incident).update();
      jdbc.sql("delete from custody_head where incident_id = ?").param(incident).update();
      jdbc.sql("delete from evidence where incident_id = ?").param(incident).update();
    }
    tampered.clear();
  }

  @Test
  void anUploadIsStoredWithItsHashAndEveryAccessIsOnTheChainOfCustody() throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    byte[] bytes = "memory image of host-17\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

    ResponseEntity<JsonNode> created = upload(ANALYST, incident, "host-17.raw", bytes, Map.of(
        "description", "Memory image of host-17", "collectedAt", "2026-11-28T09:12:00+01:00[Europe/Berlin]",
        "collectedBy", "Arno Analyst", "sourceSystem", "host-17", "collectionMethod", "winpmem 4.0",
        "item", "memory-image"));

    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode item = created.getBody();
    String id = item.get("id").asText();
    assertThat(item.get("sha256").asText()).isEqualTo(FilesystemEvidenceStoreTest.sha256(bytes));
    assertThat(item.get("size").asLong()).isEqualTo(bytes.length);
    assertThat(item.get("fileName").asText()).isEqualTo("host-17.raw");
    assertThat(item.get("collectedAt").asText()).isEqualTo("2026-11-28T09:12:00+01:00[Europe/Berlin]");
    assertThat(item.get("store").asText()).isEqualTo("filesystem");
    assertThat(item.get("location").asText()).isEqualTo("fs:" + id.substring(0, 2) + "/" + id)
        .doesNotContain("host-17");
    assertThat(item.get("custody").findValuesAsText("action")).containsExactly("COLLECTED");
    assertThat(created.getHeaders().getLocation().getPath())
        .isEqualTo("/api/incidents/" + incident + "/evidence/" + id + "/content");
    assertThat(fileOf(item)).hasBinaryContent(bytes);

    ResponseEntity<byte[]> content = as(ANALYST).exchange(created.getHeaders().getLocation(), HttpMethod.GET, null,
        byte[].class);
    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getBody()).isEqualTo(bytes);
    assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(content.getHeaders().getFirst("X-Evidence-SHA256")).isEqualTo(item.get("sha256").asText());
    assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo("host-17.raw");

    JsonNode verified = post(ANALYST, "/api/incidents/" + incident + "/evidence/" + id + "/verify").getBody();
    assertThat(verified.get("intact").asBoolean()).isTrue();
    assertThat(verified.get("actualSha256").asText()).isEqualTo(item.get("sha256").asText());

    JsonNode listed = get(ANALYST, "/api/incidents/" + incident + "/evidence").getBody();
    assertThat(listed).hasSize(1);
    JsonNode custody = listed.get(0).get("custody");
    assertThat(custody.findValuesAsText("action")).containsExactly("COLLECTED", "ACCESSED", "VERIFIED");
    assertThat(custody.findValuesAsText("actor")).containsOnly(ANALYST);
    assertThat(custody.get(1).get("previousHash").asText()).isEqualTo(custody.get(0).get("hash").asText());
    assertThat(custody.get(0).get("previousHash").asText()).isEqualTo(CustodyLog.GENESIS);
    assertThat(custody.get(0).get("reason").asText()).contains("Arno Analyst", "winpmem 4.0", "host-17");
    assertThat(custody.get(1).get("time").asText()).matches(".*[+-Z].*\\[.+]");
    assertThat(listed.get(0).get("lastVerification").get("intact").asBoolean()).isTrue();

    JsonNode chain = get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody();
    assertThat(chain.get("intact").asBoolean()).isTrue();
    assertThat(chain.get("entries").asInt()).isEqualTo(3);
    assertThat(chain.get("headHash").asText()).isEqualTo(custody.get(2).get("hash").asText());
    assertThat(timeline(incident)).contains("EVIDENCE_COLLECTED", "EVIDENCE_VERIFIED");
  }

  @Test
  void theSameNameTwiceIsTwoItemsAndNothingIsOverwritten() throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    JsonNode first = upload(ANALYST, incident, "auth.log", "first".getBytes(), fields()).getBody();
    JsonNode second = upload(ANALYST, incident, "auth.log", "second".getBytes(), fields()).getBody();

    assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
    assertThat(fileOf(first)).hasContent("first");
    assertThat(fileOf(second)).hasContent("second");
    assertThat(get(ANALYST, "/api/incidents/" + incident + "/evidence").getBody().findValuesAsText("fileName"))
        .containsExactly("auth.log", "auth.log");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      path traversal            | ../../x      | 1    | file        | 400
      absolute path             | /etc/passwd  | 1    | file        | 400
      windows path              | ..\\..\\x    | 1    | file        | 400
      empty file                | empty.bin    | 0    | file        | 400
      over the limit            | big.bin      | -1   |             | 413
      """)
  void badUploadsAnswer4xxAndStoreNothing(String name, String fileName, int size, String field, int status)
      throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    long limit = properties.maxFileSize().toBytes();
    byte[] bytes = new byte[size < 0 ? (int) (limit + limit / 2) : size];
    Snapshot before = snapshot();

    ResponseEntity<JsonNode> answer = upload(ANALYST, incident, fileName, bytes, fields());

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    if (field != null) {
      assertThat(answer.getBody().get("errors").findValuesAsText("field")).contains(field);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no description        | description |                        | collectedAt
      no collection time    | collectedAt | 2026-11-28T09:12:00Z   | description
      time without a zone   | collectedAt | 2026-11-28T09:12:00    | -
      time in the future    | collectedAt | 2999-01-01T00:00:00Z   | -
      unknown field         | colour      | red                    | -
      """)
  void missingOrWrongFieldsAnswer400NamingThemAndStoreNothing(String name, String field, String value,
      String leaveOut) throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    Map<String, String> fields = new java.util.HashMap<>(fields());
    if (value != null) {
      fields.put(field, value);
    }
    fields.remove(leaveOut);
    Snapshot before = snapshot();

    ResponseEntity<JsonNode> answer = upload(ANALYST, incident, "x.bin", new byte[] {1, 2}, fields);

    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").findValuesAsText("field"))
        .contains("-".equals(leaveOut) ? field : leaveOut);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void changedBytesInTheStoreAreReportedByVerify() throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    JsonNode item = upload(ANALYST, incident, "disk.img", "original disk image".getBytes(), fields()).getBody();
    Path file = fileOf(item);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap("O".getBytes()), 0); // one changed byte, same size
    }

    JsonNode verified = post(ANALYST, "/api/incidents/" + incident + "/evidence/" + item.get("id").asText()
        + "/verify").getBody();

    assertThat(verified.get("intact").asBoolean()).isFalse();
    assertThat(verified.get("expectedSha256").asText()).isEqualTo(item.get("sha256").asText());
    assertThat(verified.get("actualSha256").asText())
        .isEqualTo(FilesystemEvidenceStoreTest.sha256("Original disk image".getBytes()));
    assertThat(verified.get("detail").asText()).startsWith("MISMATCH");
    JsonNode custody = get(ANALYST, "/api/incidents/" + incident + "/evidence").getBody().get(0).get("custody");
    assertThat(custody.get(1).get("action").asText()).isEqualTo("VERIFIED");
    assertThat(custody.get(1).get("reason").asText()).startsWith("MISMATCH");
    assertThat(timeline(incident)).contains("EVIDENCE_MISMATCH");

    Files.delete(file);
    JsonNode gone = post(ANALYST, "/api/incidents/" + incident + "/evidence/" + item.get("id").asText()
        + "/verify").getBody();
    assertThat(gone.get("intact").asBoolean()).isFalse();
    assertThat(gone.get("detail").asText()).contains("missing");
    assertThat(as(ANALYST).getForEntity("/api/incidents/" + incident + "/evidence/" + item.get("id").asText()
        + "/content", String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
  }

  @Test
  void anEditedCustodyRowIsTheFirstBrokenEntry() {
    String incident = tampered(incidentWithFourEntries());
    long second = entryId(incident, 2);
    jdbc.sql("update custody_entry set actor = 'someone-else' where id = ?").param(second).update();

    JsonNode check = get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody();

    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.at("/firstBrokenEntry/sequence").asLong()).isEqualTo(2);
    assertThat(check.at("/firstBrokenEntry/entryId").asLong()).isEqualTo(second);
    assertThat(check.at("/firstBrokenEntry/problem").asText()).contains("changed");
  }

  @Test
  void anEditedTimeOrHashIsCaughtToo() {
    String incident = tampered(incidentWithFourEntries());
    jdbc.sql("update custody_entry set occurred_at = ? where id = ?")
        .params(Instant.parse("2020-01-01T00:00:00Z").atOffset(ZoneOffset.UTC), entryId(incident, 3)).update();
    assertThat(get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody()
        .at("/firstBrokenEntry/sequence").asLong()).isEqualTo(3);

    String rehashed = tampered(incidentWithFourEntries());
    // an attacker who also recomputes the edited entry's own hash breaks the link to the next entry
    jdbc.sql("update custody_entry set entry_hash = ? where id = ?").params("f".repeat(64), entryId(rehashed, 1))
        .update();
    assertThat(get(ANALYST, "/api/incidents/" + rehashed + "/custody/verify").getBody()
        .at("/firstBrokenEntry/sequence").asLong()).isEqualTo(1);
  }

  @Test
  void aDeletedCustodyRowIsNamedInTheMiddleAndAtTheEnd() {
    String incident = tampered(incidentWithFourEntries());
    jdbc.sql("delete from custody_entry where id = ?").param(entryId(incident, 3)).update();
    JsonNode middle = get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody();
    assertThat(middle.get("intact").asBoolean()).isFalse();
    assertThat(middle.at("/firstBrokenEntry/sequence").asLong()).isEqualTo(3);
    assertThat(middle.at("/firstBrokenEntry/problem").asText()).contains("#3", "missing");

    String last = tampered(incidentWithFourEntries());
    jdbc.sql("delete from custody_entry where id = ?").param(entryId(last, 4)).update();
    JsonNode end = get(ANALYST, "/api/incidents/" + last + "/custody/verify").getBody();
    assertThat(end.get("intact").asBoolean()).isFalse();
    assertThat(end.at("/firstBrokenEntry/sequence").asLong()).isEqualTo(4);
  }

  @Test
  void aChangedEvidenceRecordNoLongerMatchesWhatItsCollectedEntryVouchesFor() {
    String incident = tampered(incident(Roles.IR_ANALYST));
    JsonNode item = upload(ANALYST, incident, "a.bin", "abc".getBytes(), fields()).getBody();
    String id = item.get("id").asText();
    jdbc.sql("update evidence set sha256 = ? where id = ?").params("0".repeat(64), id).update();

    JsonNode verified = post(ANALYST, "/api/incidents/" + incident + "/evidence/" + id + "/verify").getBody();
    assertThat(verified.get("intact").asBoolean()).isFalse();
    assertThat(verified.get("detail").asText()).contains("record was changed");
    JsonNode check = get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody();
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("recordProblems").get(0).asText()).contains(id);
  }

  @Test
  void handOversAndReleasesAreRecordedByPeople() {
    String incident = incident(Roles.IR_ANALYST);
    String id = upload(ANALYST, incident, "a.bin", "abc".getBytes(), fields()).getBody().get("id").asText();
    String path = "/api/incidents/" + incident + "/evidence/" + id + "/custody";

    ResponseEntity<JsonNode> transferred = postJson(ANALYST, path,
        "{\"action\": \"TRANSFERRED\", \"location\": \"LKA evidence room, bag 4711\", \"reason\": \"Copy for the police\"}");
    assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(transferred.getBody().get("sequence").asLong()).isEqualTo(2);
    assertThat(postJson(ANALYST, path, "{\"action\": \"RELEASED\", \"location\": \"owner\", \"reason\": \"Case closed\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> accessed = postJson(ANALYST, path,
        "{\"action\": \"ACCESSED\", \"location\": \"x\", \"reason\": \"y\"}");
    assertThat(accessed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(accessed.getBody().get("errors").findValuesAsText("field")).contains("action");
    assertThat(postJson(ANALYST, path, "{\"action\": \"RELEASED\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody().get("entries").asInt())
        .isEqualTo(3);
  }

  @Test
  void someoneWhoMayNotSeeTheIncidentGets404OnEveryEvidenceEndpoint() throws IOException {
    String incident = incident(Roles.IR_ANALYST);
    String id = upload(ANALYST, incident, "quokka.bin", "quokka-content".getBytes(), fields()).getBody().get("id").asText();
    String base = "/api/incidents/" + incident;
    Snapshot before = snapshot();

    List<ResponseEntity<JsonNode>> answers = List.of(
        upload(OUTSIDER, incident, "b.bin", "def".getBytes(), fields()),
        get(OUTSIDER, base + "/evidence"),
        get(OUTSIDER, base + "/evidence/" + id + "/content"),
        post(OUTSIDER, base + "/evidence/" + id + "/verify"),
        postJson(OUTSIDER, base + "/evidence/" + id + "/custody",
            "{\"action\": \"RELEASED\", \"location\": \"x\", \"reason\": \"y\"}"),
        get(OUTSIDER, base + "/custody/verify"));

    for (ResponseEntity<JsonNode> answer : answers) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      // Neither the bytes nor the file name leak; words with non-hex letters, so an id in the path can't match.
      assertThat(answer.getBody().toString()).doesNotContain("quokka");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(get(ANALYST, base + "/custody/verify").getBody().get("entries").asInt()).isEqualTo(1);
  }

  @Test
  void theTeamIsTheEngagedGroupsTheTaskWorkersAndTheAdministrators() {
    String incident = incident(Roles.IR_ANALYST + ", " + Roles.IT_OPERATIONS);
    String list = "/api/incidents/" + incident + "/evidence";
    assertThat(get(ANALYST, list).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(IrSpringBootTest.ADMIN, list).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(ASSIGNEE, list).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(COMPLETER, list).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String processInstance = incidents.find(incident).orElseThrow().processInstanceId();
    taskService.setAssignee(taskService.createTaskQuery().processInstanceId(processInstance).singleResult().getId(),
        ASSIGNEE);
    team.worked(incident, COMPLETER); // what the task listener records when COMPLETER completes a task

    assertThat(get(ASSIGNEE, list).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(COMPLETER, list).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(OUTSIDER, list).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUnknownIncidentIs404AndNoCredentialsIs401() {
    assertThat(get(ANALYST, "/api/incidents/INC-1999-9999/evidence").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload(ANALYST, "INC-1999-9999", "a.bin", new byte[] {1}, fields()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    String incident = incident(Roles.IR_ANALYST);
    assertThat(get(ANALYST, "/api/incidents/" + incident + "/evidence/" + java.util.UUID.randomUUID() + "/content")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/incidents/" + incident + "/evidence", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWaitingEvidenceCollectionHearsOfUploadsAndVerificationsAndEnds() {
    String incident = incident(Roles.IR_ANALYST);
    ProcessInstance collection = runtimeService.createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(incident).setVariable("evidenceItems", "[{\"name\": \"memory-image\", \"required\": true},"
            + " {\"name\": \"netflow\", \"required\": false}]").execute();
    assertThat(taskService.createTaskQuery().processInstanceId(collection.getId()).singleResult().getName())
        .startsWith("Collect evidence · " + incident); // the task card's name (TaskCards)

    Map<String, String> fields = new java.util.HashMap<>(fields());
    fields.put("item", "memory-image");
    String id = upload(ANALYST, incident, "mem.raw", "memory".getBytes(), fields).getBody().get("id").asText();
    runJobs(collection);
    assertThat(runtimeService.getVariable(collection.getId(), "missingItems")).isEqualTo("memory-image");

    post(ANALYST, "/api/incidents/" + incident + "/evidence/" + id + "/verify");
    runJobs(collection);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(collection.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(collection.getId()).count()).isZero();
  }

  @Test
  void theEvidenceApiIsDescribedWithOpenApi() {
    JsonNode paths = get(IrSpringBootTest.ADMIN, "/api/openapi").getBody().get("paths");
    assertThat(paths.has("/api/incidents/{id}/evidence")).isTrue();
    assertThat(paths.has("/api/incidents/{id}/evidence/{eid}/content")).isTrue();
    assertThat(paths.has("/api/incidents/{id}/evidence/{eid}/verify")).isTrue();
    assertThat(paths.has("/api/incidents/{id}/custody/verify")).isTrue();
    assertThat(paths.at("/~1api~1incidents~1{id}~1evidence/post/requestBody/content").has("multipart/form-data"))
        .isTrue();
  }

  // --- helpers ---

  /** An incident whose escalation engaged {@code engagedGroups} (as the intake records it), with one open task. */
  String incident(String engagedGroups) {
    String id = String.format("INC-2099-%04d", NEXT.getAndIncrement());
    Instant now = Instant.now();
    incidents.insert(new Incident(id, "Evidence test " + id, null, "MALWARE", null, now, now, now, "test", "test",
        null, null, null, null, Incident.OPEN, null, null, "{}"));
    ProcessInstance instance = runtimeService.createProcessInstanceByKey("test-evidence-incident").businessKey(id)
        .setVariable("engagedGroups", engagedGroups).execute();
    incidents.classified(id, "P3", "PT8H", null, instance.getId());
    team.engaged(id, engagedGroups);
    return id;
  }

  /** An incident with one item and four custody entries: COLLECTED, ACCESSED, VERIFIED, ACCESSED. */
  String incidentWithFourEntries() {
    String incident = incident(Roles.IR_ANALYST);
    String id = upload(ANALYST, incident, "a.bin", "abc".getBytes(), fields()).getBody().get("id").asText();
    String item = "/api/incidents/" + incident + "/evidence/" + id;
    assertThat(as(ANALYST).getForEntity(item + "/content", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    post(ANALYST, item + "/verify");
    as(ANALYST).getForEntity(item + "/content", byte[].class);
    assertThat(get(ANALYST, "/api/incidents/" + incident + "/custody/verify").getBody().get("intact").asBoolean())
        .isTrue();
    return incident;
  }

  String tampered(String incident) {
    tampered.add(incident);
    return incident;
  }

  long entryId(String incident, int sequence) {
    return jdbc.sql("select id from custody_entry where incident_id = ? and seq = ?").params(incident, sequence)
        .query(Long.class).single();
  }

  record Snapshot(long evidence, long custody, long files) {}

  Snapshot snapshot() throws IOException {
    return snapshot(jdbc, store);
  }

  /** How many evidence records, custody entries and stored files there are (all incidents). */
  static Snapshot snapshot(JdbcClient jdbc, EvidenceStore store) throws IOException {
    Path root = ((FilesystemEvidenceStore) store).root();
    long files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    return new Snapshot(jdbc.sql("select count(*) from evidence").query(Long.class).single(),
        jdbc.sql("select count(*) from custody_entry").query(Long.class).single(), files);
  }

  Path fileOf(JsonNode item) throws IOException {
    return ((FilesystemEvidenceStore) store).path(item.get("location").asText());
  }

  List<String> timeline(String incident) {
    return incidents.timeline(incident).stream().map(e -> e.type().name()).toList();
  }

  void runJobs(ProcessInstance instance) {
    runJobs(managementService, instance);
  }

  /** Runs the instance's due message jobs (continuations) until there are none, as the job executor would. */
  static void runJobs(ManagementService managementService, ProcessInstance instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).executable().messages()
          .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  static Map<String, String> fields() {
    return Map.of("description", "Evidence for the test", "collectedAt", "2026-11-28T09:12:00Z");
  }

  ResponseEntity<JsonNode> upload(String user, String incident, String fileName, byte[] bytes,
      Map<String, String> fields) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity("/api/incidents/" + incident + "/evidence", new HttpEntity<>(form, headers),
        JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return as(user).getForEntity(path, JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, String path) {
    return as(user).postForEntity(path, null, JsonNode.class);
  }

  ResponseEntity<JsonNode> postJson(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
  }

  TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, IrSpringBootTest.ADMIN.equals(user) ? IrSpringBootTest.ADMIN_PASSWORD : PASSWORD);
  }

  void user(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
