package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Roles;
import org.irfoundation.testing.IncidentJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The evidence upload page the "Collect evidence" form links to: served by the app, and its calls (the missing items
 * from the collection's variables, the multipart upload, the verification) answered for a member of the team.
 */
@IrSpringBootTest
class EvidenceUploadPageTest {

  static final String PASSWORD = "Upload-page-Pw-2027";
  static final AtomicInteger NEXT = new AtomicInteger(1);
  /** The link in the form's text: {@code [label](/evidence-upload.html?...)}. */
  static final Pattern LINK = Pattern.compile("\\]\\((/evidence-upload\\.html\\?[^)]+)\\)");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IncidentStore incidents;
  @Autowired IncidentTeam team;

  @Test
  void theCollectEvidenceFormLinksToTheUploadPageTheAppServes() throws Exception {
    Matcher link = LINK.matcher(Files.readString(Path.of("bpmn/forms/collect-evidence.form")));
    assertThat(link.find()).as("a link to the upload page in collect-evidence.form").isTrue();
    assertThat(link.group(1)).isEqualTo("/evidence-upload.html?incident={{incidentId}}");
    String analyst = user(Roles.IR_ANALYST);

    ResponseEntity<String> page = rest.withBasicAuth(analyst, PASSWORD)
        .getForEntity(link.group(1).replace("{{incidentId}}", "INC-2095-9999"), String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("Upload evidence for", "evidence-upload.js", "keep the API route",
        "IRF_EVIDENCE_MAX_FILE_SIZE", "SHA-256");
    ResponseEntity<String> script = rest.getForEntity("/evidence-upload.js", String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("/api/incidents/", "/evidence", "variables/missingItems", "sha256");
  }

  @Test
  void theUploadAsThePageSendsItIsStoredWithItsHashAndCustodyAndTheItemIsNoLongerMissing() throws Exception {
    String analyst = user(Roles.IR_ANALYST);
    String incident = incident();
    ProcessInstance collection = runtimeService.createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(incident).setVariable(Inputs.EVIDENCE_ITEMS.name(),
            "[{\"name\": \"sign-in-log\", \"required\": true}]").execute();
    IncidentJobs.runAll(runtimeService, managementService, incident);

    // what the page reads to pre-select the item
    JsonNode instances = rest.withBasicAuth(analyst, PASSWORD).getForEntity("/engine-rest/process-instance"
        + "?processDefinitionKey=evidence-collection&businessKey=" + incident, JsonNode.class).getBody();
    assertThat(instances.findValuesAsText("id")).containsExactly(collection.getId());
    JsonNode missing = rest.withBasicAuth(analyst, PASSWORD).getForEntity("/engine-rest/process-instance/"
        + collection.getId() + "/variables/missingItems?deserializeValue=false", JsonNode.class).getBody();
    assertThat(missing.get("value").asText()).isEqualTo("sign-in-log");

    // the page's FormData: the file, the item, a description, the time as toISOString() writes it
    byte[] bytes = "2026-11-30T08:12:01Z login alice from 203.0.113.9\n".getBytes(StandardCharsets.UTF_8);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return "signin-export.csv";
      }
    });
    form.add("description", "Entra ID sign-in export, last 24 h");
    form.add("collectedAt", Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString());
    form.add("item", "sign-in-log");
    form.add("sourceSystem", "Entra ID");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> stored = rest.withBasicAuth(analyst, PASSWORD).postForEntity("/api/incidents/"
        + incident + "/evidence", new HttpEntity<>(form, headers), JsonNode.class);

    assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody().get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(stored.getBody().get("custody").findValuesAsText("action")).contains("COLLECTED");
    assertThat(stored.getBody().get("collectedBy").asText()).isEqualTo(analyst);
    String id = stored.getBody().get("id").asText();
    JsonNode verified = rest.withBasicAuth(analyst, PASSWORD).postForEntity("/api/incidents/" + incident
        + "/evidence/" + id + "/verify", null, JsonNode.class).getBody();
    assertThat(verified.get("intact").asBoolean()).isTrue();
    IncidentJobs.runAll(runtimeService, managementService, incident);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(collection.getId()).count()).isZero();

    ResponseEntity<String> outsider = rest.withBasicAuth(user(Roles.LEGAL), PASSWORD).postForEntity("/api/incidents/"
        + incident + "/evidence", new HttpEntity<>(form, headers), String.class);
    assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** An incident its analysts are engaged on, as the intake leaves it. */
  private String incident() {
    String id = String.format("INC-2095-%04d", NEXT.getAndIncrement());
    Instant now = Instant.now();
    incidents.insert(new Incident(id, "Upload page test " + id, null, "COMPROMISED_ACCOUNT", null, now, now, now,
        "test", "test", null, null, null, null, Incident.OPEN, null, null, "{}"));
    team.engaged(id, Roles.IR_ANALYST);
    return id;
  }

  private String user(String group) {
    String id = "upload-" + group + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }
}
