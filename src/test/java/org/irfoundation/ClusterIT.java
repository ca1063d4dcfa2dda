package org.irfoundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.irfoundation.ClusterDatabase.Lock;
import org.irfoundation.ClusterDatabase.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (two JVMs of the packaged app, job executors on) on one PostgreSQL, Jira and Slack faked by WireMock.
 * Concurrent clients report incidents and alerts to both; halfway node A gets SIGKILL and the clients go on with B
 * (an incident whose request died with A is sent again with its externalRef, as a client behind a load balancer
 * would; an alert is not). Then: every acknowledged incident and alert is there once, each incident has one ticket
 * and one war room and waits in its first user task, and B ran the jobs A held when it died, once their locks
 * expired. Volumes (defaults: 500 incidents, 5,000 alerts, 50 fingerprints, 15 s lock time; about 70 s on 2 cores):
 * {@code -Dirf.cluster.incidents=… -Dirf.cluster.alerts=… -Dirf.cluster.fingerprints=… -Dirf.cluster.lock-millis=…}.
 */
class ClusterIT {

  static final int INCIDENTS = Integer.getInteger("irf.cluster.incidents", 500);
  static final int ALERTS = Integer.getInteger("irf.cluster.alerts", 5000);
  static final int FINGERPRINTS = Integer.getInteger("irf.cluster.fingerprints", 50);
  static final int LOCK_MILLIS = Integer.getInteger("irf.cluster.lock-millis", 15_000);
  static final int CLIENTS = Integer.getInteger("irf.cluster.clients", 8);
  static final int ALERTS_PER_REQUEST = 10;
  static final Duration SETTLE = Duration.ofMinutes(Integer.getInteger("irf.cluster.settle-minutes", 6));
  static final String FIRST_TASK = "Task_Acknowledge";
  static final Map<String, String> ADMIN = Map.of("IRF_ADMIN_USER", "admin", "IRF_ADMIN_PASSWORD", "Cluster-pw-1");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  /** What the clients were told: incident ids by externalRef, alert numbers acknowledged, answers by kind. */
  final Map<String, String> incidentByRef = new ConcurrentHashMap<>();
  final Set<Integer> alertsAcknowledged = ConcurrentHashMap.newKeySet();
  final Set<String> incidentIds = ConcurrentHashMap.newKeySet();
  final AtomicInteger alertsLostInFlight = new AtomicInteger();
  final AtomicInteger incidentsResent = new AtomicInteger();
  final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  final List<String> clientErrors = Collections.synchronizedList(new ArrayList<>());
  /** Job id -> lock owner, as seen while both nodes ran: maps lock owners to nodes afterwards. */
  final Map<String, String> ownerOfJob = new ConcurrentHashMap<>();

  volatile boolean aDead;

  @Test
  void twoNodesShareTheWorkAndTheSurvivorTakesOverTheDeadNodesJobs() throws Exception {
    Instant began = Instant.now();
    try (ClusterDatabase db = new ClusterDatabase(); ConnectorFakes fakes = new ConnectorFakes();
        AppProcess a = node("node-a", db, fakes); AppProcess b = node("node-b", db, fakes)) {
      Instant loadStarted = Instant.now();
      log("both nodes up after %.1f s", seconds(began, loadStarted));
      List<Runnable> requests = requests(a, b);
      int half = requests.size() / 2;
      AtomicInteger done = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      requests.forEach(request -> clients.submit(() -> {
        try {
          request.run();
        } finally {
          done.incrementAndGet();
        }
      }));
      while (done.get() < half) {
        ownerOfJobs(db);
        Thread.sleep(200);
      }
      ownerOfJobs(db);
      a.kill();
      aDead = true;
      Instant killed = Instant.now();
      log("node A killed after %d of %d requests", done.get(), requests.size());
      List<Lock> heldAtKill = db.locks().stream().filter(lock -> lock.expires().isAfter(killed)).toList();
      clients.shutdown();
      assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).isTrue();
      Duration load = Duration.between(loadStarted, Instant.now());
      log("all requests answered");

      long expected = INCIDENTS + FINGERPRINTS;
      Instant deadline = Instant.now().plus(SETTLE);
      while (db.waitingIn(incidentIds, FIRST_TASK) < incidentIds.size() && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      Duration settled = Duration.between(loadStarted, Instant.now());
      log("%d of %d incidents in %s", db.waitingIn(incidentIds, FIRST_TASK), incidentIds.size(), FIRST_TASK);

      // every acknowledged incident exists once; alerts opened one incident per fingerprint
      System.out.println("client errors: " + clientErrors);
      assertThat(serverErrors).as("5xx answers").isEmpty();
      assertThat(incidentByRef).hasSize(INCIDENTS);
      assertThat(new HashSet<>(incidentByRef.values())).hasSize(INCIDENTS);
      assertThat(incidentIds).hasSize((int) expected);
      assertThat(db.count("select count(*) from incident")).isEqualTo(expected);
      for (Map.Entry<String, String> reported : incidentByRef.entrySet()) {
        assertThat(db.count("select count(*) from incident where external_ref = ? and id = ?", reported.getKey(),
            reported.getValue())).as(reported.getKey()).isOne();
      }
      assertThat(db.count("select count(*) from open_fingerprint")).isEqualTo(FINGERPRINTS);
      // every acknowledged alert is stored once
      Map<Integer, Integer> stored = storedAlerts(db);
      assertThat(stored.values()).as("alerts stored twice").allMatch(n -> n == 1);
      assertThat(stored.keySet()).containsAll(alertsAcknowledged);
      // one ticket, one war room, each waiting in its first user task
      int duplicates = 0;
      for (String id : incidentIds) {
        assertThat(fakes.ticketsOf(id)).as("tickets of " + id).isOne();
        assertThat(fakes.warRoomsOf(id)).as("war rooms of " + id).isOne();
      }
      duplicates += fakes.tickets() - incidentIds.size() + fakes.warRooms() - incidentIds.size();
      assertThat(db.failedJobs()).as("failed jobs").isEmpty();
      assertThat(db.waitingIn(incidentIds, FIRST_TASK)).as("incidents waiting in " + FIRST_TASK).isEqualTo(expected);

      // the survivor ran what the dead node held, after the locks expired
      List<Run> runs = db.successfulRuns();
      Map<String, String> nodeOfOwner = new HashMap<>();
      for (Run run : runs) {
        String owner = ownerOfJob.get(run.jobId());
        if (owner != null && run.at().isBefore(killed)) {
          nodeOfOwner.putIfAbsent(owner, run.node());
        }
      }
      Set<String> deadOwners = nodeOfOwner.entrySet().stream().filter(e -> e.getValue().equals("node-a"))
          .map(Map.Entry::getKey).collect(Collectors.toSet());
      Set<String> orphaned = heldAtKill.stream().filter(lock -> deadOwners.contains(lock.owner()))
          .map(Lock::jobId).collect(Collectors.toSet());
      List<Run> takenOver = runs.stream().filter(run -> orphaned.contains(run.jobId())).toList();
      assertThat(orphaned).as("jobs node A held when it was killed").isNotEmpty();
      assertThat(takenOver).extracting(Run::node).containsOnly("node-b");
      assertThat(takenOver.stream().map(Run::jobId).collect(Collectors.toSet())).isEqualTo(orphaned);
      Instant firstTakeover = takenOver.stream().map(Run::at).min(Instant::compareTo).orElseThrow();
      Instant lastTakeover = takenOver.stream().map(Run::at).max(Instant::compareTo).orElseThrow();
      assertThat(firstTakeover).isAfter(killed);

      Map<String, Long> perNode = db.runsPerNode();
      long afterKillOnB = runs.stream().filter(r -> r.node().equals("node-b") && r.at().isAfter(killed)).count();
      String figures = String.format("""
          cluster run (2 nodes, 1 PostgreSQL, %d clients, lock time %d ms):
            incidents: %d reported + %d opened by alerts = %d, each once (%d incident requests re-sent after the kill)
            alerts: %d sent in %d requests, %d acknowledged, %d lost in flight with node A (not acknowledged), %d stored
            jobs run: node-a %d, node-b %d (%d of them after the kill)
            jobs node A held when killed: %d; node B ran them %.1f s to %.1f s after the kill
            duplicates (tickets + war rooms beyond one per incident): %d; server errors: %d
            load %.1f s, all incidents in %s after %.1f s, whole test %.1f s
          """, CLIENTS, LOCK_MILLIS, INCIDENTS, FINGERPRINTS, expected, incidentsResent.get(), ALERTS,
          ALERTS / ALERTS_PER_REQUEST, alertsAcknowledged.size(), alertsLostInFlight.get(), stored.size(),
          perNode.getOrDefault("node-a", 0L), perNode.getOrDefault("node-b", 0L), afterKillOnB, orphaned.size(),
          seconds(killed, firstTakeover), seconds(killed, lastTakeover), duplicates, serverErrors.size(),
          load.toMillis() / 1000.0, FIRST_TASK, settled.toMillis() / 1000.0, seconds(began, Instant.now()));
      System.out.print(figures);
      Path report = Path.of("target", "reliability", "cluster.txt");
      Files.createDirectories(report.getParent());
      Files.writeString(report, figures);
      assertThat(duplicates).isZero();
    }
  }

  private AppProcess node(String name, ClusterDatabase db, ConnectorFakes fakes) throws Exception {
    Path dir = Files.createDirectories(workDir.resolve(name));
    Map<String, String> env = new HashMap<>(ADMIN);
    env.putAll(db.env());
    // every alert kept whole (the raw sample's maximum), so each acknowledged alert is found by its own number
    env.put("IRF_INTAKE_ALERTS_RAWSAMPLE", "100000");
    env.putAll(Map.of("IRF_TICKET_PROVIDER", "jira", "IRF_JIRA_BASE_URL", fakes.jiraUrl(),
        "IRF_JIRA_EMAIL", "irf@example.org", "IRF_JIRA_API_TOKEN", "jira-token", "IRF_CHAT_PROVIDER", "slack",
        "IRF_SLACK_BOT_TOKEN", "xoxb-cluster"));
    // one node after the other: the first creates the schema, the second finds it
    return AppProcess.start(dir, env, List.of("-Xmx384m"), "--spring.profiles.active=postgres",
        "--irf.chat.slack.base-url=" + fakes.slackUrl(),
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.generic-properties.properties.hostname=" + name);
  }

  /** Incident reports and alert batches, interleaved; each goes to A or B in turn, to B once A is dead. */
  private List<Runnable> requests(AppProcess a, AppProcess b) {
    List<Runnable> requests = new ArrayList<>();
    int batches = ALERTS / ALERTS_PER_REQUEST;
    int total = INCIDENTS + batches;
    int incident = 0;
    int batch = 0;
    for (int i = 0; i < total; i++) {
      AppProcess preferred = i % 2 == 0 ? a : b;
      // spread both kinds evenly over the run
      boolean reportIncident = batch >= batches || (incident < INCIDENTS && (long) incident * total <= (long) i * INCIDENTS);
      if (reportIncident) {
        int n = incident++;
        requests.add(() -> reportIncident(n, preferred, b));
      } else {
        int n = batch++;
        requests.add(() -> sendAlerts(n, preferred, b));
      }
    }
    return requests;
  }

  private void reportIncident(int n, AppProcess preferred, AppProcess survivor) {
    String ref = "cluster-" + n;
    String body = """
        {"title": "Malware on host-%d", "category": "MALWARE", "detectedAt": "%s", "source": "cluster-it",
         "externalRef": "%s"}""".formatted(n, Instant.now().minusSeconds(600), ref);
    AppProcess node = aDead ? survivor : preferred;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        HttpResponse<String> answer = node.postJson("/api/incidents", body);
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
          String id = JSON.readTree(answer.body()).get("id").asText();
          incidentByRef.put(ref, id);
          incidentIds.add(id);
        } else {
          serverErrors.add(ref + ": " + answer.statusCode() + " " + answer.body());
        }
        return;
      } catch (IOException | InterruptedException diedWithTheNode) {
        clientErrors.add(ref + " to " + (node == survivor ? "node-b" : "node-a") + ": " + diedWithTheNode);
        incidentsResent.incrementAndGet();
        node = survivor;
      }
    }
  }

  private void sendAlerts(int n, AppProcess preferred, AppProcess survivor) {
    String fingerprint = "cluster-fp-" + (n % FINGERPRINTS);
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < ALERTS_PER_REQUEST; i++) {
      int number = n * ALERTS_PER_REQUEST + i;
      body.append(i == 0 ? "" : ",").append("""
          {"fingerprint": "%s", "source": "siem", "title": "Beacon to known C2", "observedAt": "%s",
           "details": {"alert": %d}}""".formatted(fingerprint, Instant.now().minusSeconds(60), number));
    }
    AppProcess node = aDead ? survivor : preferred;
    try {
      HttpResponse<String> answer = node.postJson("/api/alerts", body.append("]").toString());
      if (answer.statusCode() != 202) {
        serverErrors.add(fingerprint + ": " + answer.statusCode() + " " + answer.body());
        return;
      }
      for (JsonNode outcome : JSON.readTree(answer.body())) {
        incidentIds.add(outcome.get("incidentId").asText());
      }
      for (int i = 0; i < ALERTS_PER_REQUEST; i++) {
        alertsAcknowledged.add(n * ALERTS_PER_REQUEST + i);
      }
    } catch (IOException | InterruptedException diedWithTheNode) {
      alertsLostInFlight.addAndGet(ALERTS_PER_REQUEST); // not acknowledged: it may or may not be stored
    }
  }

  private void ownerOfJobs(ClusterDatabase db) {
    db.locks().forEach(lock -> ownerOfJob.putIfAbsent(lock.jobId(), lock.owner()));
  }

  /** Alert number -> how many times it is stored. */
  private static Map<Integer, Integer> storedAlerts(ClusterDatabase db) {
    Map<Integer, Integer> stored = new HashMap<>();
    db.jdbc.queryForList("select details from alert", String.class).forEach(details -> {
      try {
        stored.merge(JSON.readTree(details).get("alert").asInt(), 1, Integer::sum);
      } catch (IOException e) {
        throw new IllegalStateException(details, e);
      }
    });
    return stored;
  }

  private static void log(String format, Object... args) {
    System.out.println(Instant.now() + " ClusterIT: " + String.format(format, args));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
