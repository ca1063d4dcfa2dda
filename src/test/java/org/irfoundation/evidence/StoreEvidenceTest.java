package org.irfoundation.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorException;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.evidence.EvidenceApiTest.Snapshot;
import org.irfoundation.evidence.EvidenceViews.EvidenceItem;
import org.irfoundation.evidence.UrlEvidenceCollector.UrlCollection;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentStore;
import org.irfoundation.incident.TimelineEntry;
import org.irfoundation.incident.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Store evidence" end to end in the app: a file at a URL (WireMock on localhost, the one host the test profile
 * allows) streamed into the evidence store like an upload, what is refused, retries, and a step made from the
 * element template {@code store-evidence.json} run by the engine as the job executor would run it.
 */
@IrSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreEvidenceTest {

  @RegisterExtension
  static WireMockExtension source = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** A one-step process made from the template. */
  static final String STEP = "test-store-evidence";
  /** The same step followed by one that fails until the test sets {@code storeEvidenceChecked}. */
  static final String STEP_THEN_CHECK = "test-store-evidence-then-check";
  static final String ACTOR = "process:" + STEP;
  static final String SIGNATURE = "X-Amz-Signature=sig-secret-0815";
  static final Path TEMPLATE = Path.of("bpmn/.camunda/element-templates/store-evidence.json");
  static final AtomicInteger NEXT = new AtomicInteger(1);

  @Autowired EvidenceCatalogService catalog;
  @Autowired EvidenceCustody custody;
  @Autowired UrlEvidenceCollector urlEvidence;
  @Autowired EvidenceStore store;
  @Autowired EvidenceProperties properties;
  @Autowired IncidentStore incidents;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  final List<ProcessInstance> started = new ArrayList<>();

  @BeforeAll
  void processesMadeFromTheTemplate() throws IOException {
    Map<String, String> inputs = Map.of("evidenceUrl", "${exportUrl}", "evidenceDescription",
        "Memory image of host-17", "evidenceItem", "memory-image", "evidenceSource", "CrowdStrike Falcon");
    repositoryService.createDeployment()
        .addModelInstance(STEP + ".bpmn", fromTemplate(STEP, inputs, null))
        .addModelInstance(STEP_THEN_CHECK + ".bpmn", fromTemplate(STEP_THEN_CHECK, inputs, "${storeEvidenceChecked}"))
        .deploy();
  }

  @AfterEach
  void endWhatWasStarted() {
    for (ProcessInstance instance : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
        runtimeService.deleteProcessInstance(instance.getId(), "test done");
      }
    }
    started.clear();
  }

  // --- the service ---

  @Test
  void aFileAtAnAllowedUrlIsStreamedIntoTheStoreWithItsHashAndACollectedEntry() throws IOException {
    String incident = incident();
    byte[] bytes = new byte[700_000];
    new Random(17).nextBytes(bytes);
    source.stubFor(get(urlPathEqualTo("/exports/host-17.raw")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/octet-stream").withBody(bytes)));

    EvidenceItem item = urlEvidence.collect(incident, fetch("/exports/host-17.raw?" + SIGNATURE, incident));

    String sha256 = FilesystemEvidenceStoreTest.sha256(bytes);
    assertThat(item.sha256()).isEqualTo(sha256);
    assertThat(item.size()).isEqualTo(bytes.length);
    assertThat(((FilesystemEvidenceStore) store).path(item.location())).hasBinaryContent(bytes);
    assertThat(item.fileName()).isEqualTo("host-17.raw");
    assertThat(item.declaredContentType()).isEqualTo("application/octet-stream");
    assertThat(item.description()).isEqualTo("Memory image of host-17");
    assertThat(item.collectionMethod()).isEqualTo("HTTP GET " + url("/exports/host-17.raw"));
    assertThat(item.sourceSystem()).isEqualTo("localhost");
    assertThat(item.collectedBy()).isEqualTo(ACTOR);
    assertThat(item.registeredBy()).isEqualTo(ACTOR);
    assertThat(item.custody()).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("COLLECTED");
      assertThat(entry.actor()).isEqualTo(ACTOR);
      assertThat(entry.evidenceSha256()).isEqualTo(sha256);
      assertThat(entry.reason()).contains("using HTTP GET " + url("/exports/host-17.raw"),
          "fetched as 'host-17.raw', 700000 bytes");
    });
    assertThat(custody.verifyCustody(incident, IrSpringBootTest.ADMIN).intact()).isTrue();
    assertThat(custody.verify(incident, item.id(), IrSpringBootTest.ADMIN).intact()).isTrue();
    assertThat(incidents.timeline(incident)).extracting(TimelineEntry::type).contains(TimelineEvent.EVIDENCE_COLLECTED);
    assertThat(new ObjectMapper().findAndRegisterModules().writeValueAsString(
        catalog.list(incident, IrSpringBootTest.ADMIN)) + incidents.timeline(incident)).doesNotContain("sig-secret");
  }

  @Test
  void aRetryUnderTheSameKeyFetchesAndStoresNothingNewWhileANewKeyFetchesAgain() throws IOException {
    String incident = incident();
    source.stubFor(get(urlPathEqualTo("/exports/auth.log")).willReturn(aResponse().withStatus(200)
        .withBody("Nov 28 09:12:00 host-17 sshd[4711]: Accepted publickey for root")));
    EvidenceItem first = urlEvidence.collect(incident, fetch("/exports/auth.log", incident + ":1"));
    Snapshot before = snapshot();

    EvidenceItem retried = urlEvidence.collect(incident, fetch("/exports/auth.log", incident + ":1"));

    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(retried.sha256()).isEqualTo(first.sha256());
    assertThat(retried.custody()).hasSize(1);
    assertThat(snapshot()).isEqualTo(before);
    source.verify(1, getRequestedFor(urlPathEqualTo("/exports/auth.log")));

    EvidenceItem again = urlEvidence.collect(incident, fetch("/exports/auth.log", incident + ":2"));
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(catalog.list(incident, IrSpringBootTest.ADMIN)).hasSize(2);
  }

  @Test
  void twoNodesRunningTheSameJobAtOnceStoreOneItem() throws Exception {
    String incident = incident();
    source.stubFor(get(urlPathEqualTo("/exports/slow.pcap")).willReturn(aResponse().withStatus(200)
        .withBody("packets").withFixedDelay(1000)));
    Snapshot before = snapshot();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Callable<EvidenceItem> attempt = () -> {
        go.await();
        return urlEvidence.collect(incident, fetch("/exports/slow.pcap", incident));
      };
      Future<EvidenceItem> first = nodes.submit(attempt);
      Future<EvidenceItem> second = nodes.submit(attempt);
      go.countDown();

      assertThat(second.get(30, TimeUnit.SECONDS).id()).isEqualTo(first.get(30, TimeUnit.SECONDS).id());
    } finally {
      nodes.shutdownNow();
    }
    source.verify(2, getRequestedFor(urlPathEqualTo("/exports/slow.pcap"))); // both fetched: the index decided
    assertThat(catalog.list(incident, IrSpringBootTest.ADMIN)).hasSize(1);
    assertThat(snapshot()).isEqualTo(new Snapshot(before.evidence() + 1, before.custody() + 1, before.files() + 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      host not allowed      | http://127.0.0.1:{port}/exports/x.zip        | 0   | 0       | config      | irf.evidence.fetch.allowed-hosts (IRF_EVIDENCE_FETCH_ALLOWEDHOSTS)
      credentials in URL    | http://analyst:pw@localhost:{port}/exports/x.zip | 0 | 0     | config      | carries credentials
      server error          | http://localhost:{port}/exports/x.zip        | 500 | 10      | unavailable | localhost answered HTTP 500 to GET http://localhost:{port}/exports/x.zip
      not found             | http://localhost:{port}/exports/x.zip        | 404 | 10      | config      | check evidenceUrl
      larger than the limit | http://localhost:{port}/exports/x.zip        | 200 | 1500000 | config      | irf.evidence.max-file-size
      empty file            | http://localhost:{port}/exports/x.zip        | 200 | 0       | config      | answered an empty file
      """)
  void refusedAndFailedFetchesStoreNothing(String name, String url, int status, int size, String kind,
      String message) throws IOException {
    String incident = incident();
    if (status > 0) {
      source.stubFor(get(urlPathEqualTo("/exports/x.zip")).willReturn(aResponse().withStatus(status)
          .withBody(new byte[size])));
    }
    Snapshot before = snapshot();

    Throwable failure = catchThrowable(() -> urlEvidence.collect(incident, new UrlCollection(
        url.replace("{port}", String.valueOf(source.getPort())) + "?" + SIGNATURE, "Export", null, null, ACTOR,
        incident)));

    assertThat(failure).isInstanceOf(kind.equals("config") ? ConnectorConfigurationException.class
        : ConnectorUnavailableException.class);
    assertThat(failure.getMessage()).contains(message.replace("{port}", String.valueOf(source.getPort())))
        .doesNotContain("sig-secret", ":pw@");
    assertThat(snapshot()).isEqualTo(before);
    source.verify(status > 0 ? 1 : 0, getRequestedFor(urlPathEqualTo("/exports/x.zip")));
  }

  @Test
  void aFileOfUnknownLengthIsCutOffAtTheLimitWhileStreamingAndNothingIsStored() throws IOException {
    long limit = properties.maxFileSize().toBytes();
    HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
    server.createContext("/stream", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        for (long sent = 0; sent < 3 * limit; sent += chunk.length) {
          out.write(chunk);
        }
      } catch (IOException readerGone) {
        // the app stopped reading at the limit
      }
    });
    server.start();
    try {
      String incident = incident();
      Snapshot before = snapshot();

      Throwable failure = catchThrowable(() -> urlEvidence.collect(incident, new UrlCollection(
          "http://localhost:" + server.getAddress().getPort() + "/stream", "Export", null, null, ACTOR, incident)));

      assertThat(failure).isInstanceOf(ConnectorConfigurationException.class)
          .hasMessageContaining("more than " + limit + " bytes, the limit irf.evidence.max-file-size");
      assertThat(snapshot()).isEqualTo(before);
    } finally {
      server.stop(0);
    }
  }

  // --- a step made from the element template, run by the engine ---

  @Test
  void aStepFromTheTemplateStoresTheFileAndTheWaitingEvidenceCollectionCountsItOnceVerified() {
    String incident = incident();
    byte[] bytes = "memory image of host-17\n".repeat(500).getBytes();
    source.stubFor(get(urlPathEqualTo("/exports/mem.raw")).willReturn(aResponse().withStatus(200).withBody(bytes)));
    ProcessInstance collection = track(runtimeService.createProcessInstanceByKey(EvidenceCollectionApi.PROCESS_KEY)
        .businessKey(incident).setVariable("evidenceItems", "[{\"name\": \"memory-image\", \"required\": true}]")
        .execute());
    ProcessInstance step = start(STEP, incident, url("/exports/mem.raw?" + SIGNATURE));

    assertThat(run(job(step))).isNull();

    EvidenceItem item = catalog.list(incident, IrSpringBootTest.ADMIN).get(0);
    assertThat(item.sha256()).isEqualTo(FilesystemEvidenceStoreTest.sha256(bytes));
    assertThat(item.item()).isEqualTo("memory-image");
    assertThat(item.description()).isEqualTo("Memory image of host-17");
    assertThat(item.sourceSystem()).isEqualTo("CrowdStrike Falcon");
    assertThat(item.collectedBy()).isEqualTo("process:" + STEP);
    assertThat(taskService.createTaskQuery().processInstanceId(step.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ReviewEvidence");
    EvidenceApiTest.runJobs(managementService, collection);
    assertThat(runtimeService.getVariable(collection.getId(), "missingItems")).isEqualTo("memory-image");

    custody.verify(incident, item.id(), IrSpringBootTest.ADMIN);
    EvidenceApiTest.runJobs(managementService, collection);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(collection.getId()).count()).isZero();
  }

  @Test
  void aServerErrorIsRetriedByTheJobExecutorAndTheRetryStoresOneItem() throws IOException {
    String incident = incident();
    source.stubFor(get(urlPathEqualTo("/exports/flaky.log")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    source.stubFor(get(urlPathEqualTo("/exports/flaky.log")).inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200).withBody("log lines")));
    ProcessInstance step = start(STEP, incident, url("/exports/flaky.log?" + SIGNATURE));
    Snapshot before = snapshot();

    assertThat(run(job(step))).isInstanceOf(ConnectorUnavailableException.class);

    Job retried = job(step);
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getDuedate()).isAfter(Instant.now().plusSeconds(50)); // R5/PT1M
    assertThat(retried.getExceptionMessage())
        .isEqualTo("localhost answered HTTP 503 to GET " + url("/exports/flaky.log") + ": Service Unavailable");
    assertThat(managementService.getJobExceptionStacktrace(retried.getId())).doesNotContain("sig-secret");
    assertThat(snapshot()).isEqualTo(before);

    assertThat(run(retried)).isNull();
    assertThat(catalog.list(incident, IrSpringBootTest.ADMIN)).hasSize(1);
    source.verify(2, getRequestedFor(urlPathEqualTo("/exports/flaky.log")));
  }

  @Test
  void aHostThatIsNotAllowedIsACockpitIncidentAtOnceThatNamesTheSetting() throws IOException {
    String incident = incident();
    ProcessInstance step = start(STEP, incident, "http://127.0.0.1:" + source.getPort() + "/exports/x.zip");
    Snapshot before = snapshot();

    assertThat(run(job(step))).isInstanceOf(ConnectorConfigurationException.class);

    assertThat(job(step).getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(step.getId()).singleResult().getIncidentMessage())
        .isEqualTo("The host 127.0.0.1 of evidenceUrl is not in irf.evidence.fetch.allowed-hosts"
            + " (IRF_EVIDENCE_FETCH_ALLOWEDHOSTS): add it there to fetch evidence from it");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(source.getAllServeEvents()).isEmpty();
  }

  @Test
  void aJobThatFailsAfterTheFileWasStoredFindsItOnRetryAndStoresNoSecondItem() {
    String incident = incident();
    source.stubFor(get(urlPathEqualTo("/exports/netflow.csv")).willReturn(aResponse().withStatus(200)
        .withBody("10.0.0.17,203.0.113.9,443")));
    ProcessInstance step = start(STEP_THEN_CHECK, incident, url("/exports/netflow.csv"));

    assertThat(run(job(step))).hasMessageContaining("storeEvidenceChecked"); // the step after it failed
    List<EvidenceItem> stored = catalog.list(incident, IrSpringBootTest.ADMIN);
    assertThat(stored).hasSize(1); // registered in a transaction of its own
    runtimeService.setVariable(step.getId(), "storeEvidenceChecked", true);

    assertThat(run(job(step))).isNull();

    assertThat(catalog.list(incident, IrSpringBootTest.ADMIN)).extracting(EvidenceItem::id)
        .containsExactly(stored.get(0).id());
    source.verify(1, getRequestedFor(urlPathEqualTo("/exports/netflow.csv")));
    assertThat(taskService.createTaskQuery().processInstanceId(step.getId()).count()).isOne();
  }

  @Test
  void withoutTheIncidentAsBusinessKeyTheStepFailsAtOnce() {
    ProcessInstance step = track(runtimeService.startProcessInstanceByKey(STEP,
        Map.of("exportUrl", url("/exports/x.zip"))));

    assertThat(run(job(step))).isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("needs the incident id as the process's business key");
    assertThat(job(step).getRetries()).isZero();
  }

  // --- helpers ---

  /**
   * A process whose one service task is made from the template the way the Modeler makes it: the delegate, async
   * before and the template's input parameters, filled from {@code inputs}; then {@code next} (an expression), if
   * any, and a user task to wait in.
   */
  static BpmnModelInstance fromTemplate(String key, Map<String, String> inputs, String next) throws IOException {
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile()).get(0);
    ServiceTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_StoreEvidence").name(template.get("name").asText());
    for (JsonNode property : template.get("properties")) {
      String type = property.at("/binding/type").asText();
      String name = property.at("/binding/name").asText();
      if (type.equals("property") && name.equals("camunda:delegateExpression")) {
        task.camundaDelegateExpression(property.get("value").asText());
      } else if (type.equals("property") && name.equals("camunda:asyncBefore")) {
        task.camundaAsyncBefore(property.get("value").asBoolean());
      } else if (type.equals("camunda:inputParameter")) {
        assertThat(inputs).as("a value for the template's input %s", name).containsKey(name);
        task.camundaInputParameter(name, inputs.get(name));
      } else {
        throw new AssertionError("the test does not know the template's binding " + type + " " + name);
      }
    }
    AbstractFlowNodeBuilder<?, ?> last = next == null ? task : task.serviceTask("Task_CheckStored")
        .camundaExpression(next);
    return last.userTask("Task_ReviewEvidence").name("Review evidence").endEvent().done();
  }

  String incident() {
    String id = String.format("INC-2097-%04d", NEXT.getAndIncrement());
    Instant now = Instant.now();
    incidents.insert(new Incident(id, "Store evidence test " + id, null, "MALWARE", null, now, now, now, "test",
        "test", null, null, null, null, Incident.OPEN, null, null, "{}"));
    return id;
  }

  static String url(String path) {
    return "http://localhost:" + source.getPort() + path;
  }

  /** A fetch by {@link #ACTOR}, no item or source. */
  static UrlCollection fetch(String path, String key) {
    return new UrlCollection(url(path), "Memory image of host-17", null, null, ACTOR, key);
  }

  Snapshot snapshot() throws IOException {
    return EvidenceApiTest.snapshot(jdbc, store);
  }

  ProcessInstance start(String key, String incident, String exportUrl) {
    return track(runtimeService.startProcessInstanceByKey(key, incident, Map.of("exportUrl", exportUrl)));
  }

  ProcessInstance track(ProcessInstance instance) {
    started.add(instance);
    return instance;
  }

  Job job(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Runs the job as the job executor would; the failure it threw, or null. */
  Throwable run(Job job) {
    Throwable failure = catchThrowable(() -> managementService.executeJob(job.getId()));
    if (failure instanceof ConnectorException connector) {
      assertThat(connector.getMessage()).doesNotContain("sig-secret");
    }
    return failure;
  }
}
