package org.irfoundation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira and Slack as one WireMock server that remembers what was created, as the real ones do: a Jira search finds
 * the issues created before (by label), a second {@code conversations.create} of a name answers {@code name_taken}
 * and {@code conversations.list} shows the channel. It counts every create, so a duplicate ticket or war room shows.
 */
public final class ConnectorFakes implements ResponseDefinitionTransformerV2, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABEL = Pattern.compile("labels = \"([^\"]+)\"");

  /** Issue creates per label ({@code irf-<incident id>}), and the key of the first. */
  private final Map<String, AtomicInteger> issueCreates = new ConcurrentHashMap<>();
  private final Map<String, String> issueKeys = new ConcurrentHashMap<>();
  /** Channel creates that succeeded per name, and the channel ids. */
  private final Map<String, AtomicInteger> channelCreates = new ConcurrentHashMap<>();
  private final Map<String, String> channelIds = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final WireMockServer server;

  public ConnectorFakes() {
    server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40).extensions(this)
        .disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(getName())));
  }

  public String jiraUrl() {
    return server.baseUrl();
  }

  public String slackUrl() {
    return server.baseUrl() + "/slack";
  }

  /** How many times an issue with {@code irf-<incidentId>} was created (1 is right). */
  public int ticketsOf(String incidentId) {
    AtomicInteger n = issueCreates.get("irf-" + incidentId);
    return n == null ? 0 : n.get();
  }

  /** How many times the war room of the incident was created (1 is right). */
  public int warRoomsOf(String incidentId) {
    AtomicInteger n = channelCreates.get(("irf-" + incidentId).toLowerCase(java.util.Locale.ROOT));
    return n == null ? 0 : n.get();
  }

  public int tickets() {
    return issueCreates.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int warRooms() {
    return channelCreates.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public String getName() {
    return "irf-connector-state";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    calls.incrementAndGet();
    String url = event.getRequest().getUrl();
    String method = event.getRequest().getMethod().getName();
    try {
      JsonNode body = event.getRequest().getBody().length == 0 ? JSON.createObjectNode()
          : JSON.readTree(event.getRequest().getBody());
      if (url.startsWith("/slack/")) {
        return json(slack(url.substring("/slack/".length()), body));
      }
      if (method.equals("POST") && url.equals("/rest/api/3/issue")) {
        String label = body.path("fields").path("labels").path(0).asText();
        issueCreates.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
        String key = issueKeys.computeIfAbsent(label, l -> "IR-" + sequence.incrementAndGet());
        return json(JSON.createObjectNode().put("key", key));
      }
      if (url.startsWith("/rest/api/3/search/jql")) {
        ObjectNode found = JSON.createObjectNode();
        ArrayNode issues = found.putArray("issues");
        Matcher label = LABEL.matcher(java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8));
        if (label.find() && issueKeys.containsKey(label.group(1))) {
          issues.addObject().put("key", issueKeys.get(label.group(1)));
        }
        return json(found);
      }
      return json(JSON.createObjectNode().put("displayName", "IR Foundation bot"));
    } catch (IOException e) {
      return new ResponseDefinition(400, e.getMessage());
    }
  }

  private ObjectNode slack(String method, JsonNode body) {
    ObjectNode answer = JSON.createObjectNode().put("ok", true);
    if (method.startsWith("conversations.create")) {
      String name = body.path("name").asText();
      boolean[] created = {false};
      String id = channelIds.computeIfAbsent(name, n -> {
        created[0] = true;
        return "C" + sequence.incrementAndGet();
      });
      if (!created[0]) {
        return JSON.createObjectNode().put("ok", false).put("error", "name_taken");
      }
      channelCreates.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      answer.putObject("channel").put("id", id).put("name", name);
    } else if (method.startsWith("conversations.list")) {
      ArrayNode channels = answer.putArray("channels");
      channelIds.forEach((name, id) -> channels.addObject().put("id", id).put("name", name).put("is_member", true));
    }
    return answer;
  }

  private static ResponseDefinition json(JsonNode body) {
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  @Override
  public void close() {
    server.stop();
  }
}
