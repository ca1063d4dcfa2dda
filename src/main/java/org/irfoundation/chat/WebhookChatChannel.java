package org.irfoundation.chat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ExerciseRouting;
import org.irfoundation.connector.HttpConnector;
import org.irfoundation.connector.HttpSettings;
import org.springframework.boot.actuate.health.Health;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chat reached by an incoming webhook (Microsoft Teams, Mattermost). A webhook posts into one channel and
 * cannot create channels, so that channel is every incident's war room: messages start with the incident id,
 * and the built-in war-room log keeps which incidents have a room (so a retried job announces it once) and a
 * copy of each message for the timeline. An exercise's variant posts to the exercise channel's own webhook
 * ({@code irf.chat.exercise.teams|mattermost.webhook-url}), every message marked {@code [EXERCISE] }.
 */
public abstract class WebhookChatChannel implements ChatChannel {

  private final String system;
  private final String property;
  private final URI webhook;
  private final HttpConnector http;
  /** The health check's client: shorter timeouts. */
  private final HttpConnector probe;
  private final BuiltinWarRoomLog log;
  protected final ChatProperties.Webhook settings;
  protected final HttpSettings httpSettings;
  protected final JdbcClient jdbc;
  protected final HttpConnector.Sleeper sleeper;
  /** "" in production, {@link ExerciseRouting#MARK} in the exercise variant. */
  private final String mark;

  protected WebhookChatChannel(String system, String property, ChatProperties.Webhook settings,
      HttpSettings httpSettings, JdbcClient jdbc, HttpConnector.Sleeper sleeper) {
    this(system, property, settings, httpSettings, jdbc, sleeper, "");
  }

  protected WebhookChatChannel(String system, String property, ChatProperties.Webhook settings,
      HttpSettings httpSettings, JdbcClient jdbc, HttpConnector.Sleeper sleeper, String mark) {
    if (settings == null || settings.webhookUrl() == null || settings.webhookUrl().isBlank()) {
      throw new IllegalStateException("irf.chat.provider=" + system.toLowerCase(java.util.Locale.ROOT) + " needs "
          + property + " (from the environment, see README)");
    }
    this.system = system;
    this.property = property;
    this.settings = settings;
    this.webhook = URI.create(settings.webhookUrl());
    this.http = sleeper == null ? new HttpConnector(system, null, httpSettings)
        : new HttpConnector(system, null, httpSettings, sleeper);
    this.probe = new HttpConnector(system, null, ConnectorHealth.probeSettings(httpSettings));
    this.log = new BuiltinWarRoomLog(jdbc, mark);
    this.httpSettings = httpSettings;
    this.jdbc = jdbc;
    this.sleeper = sleeper;
    this.mark = mark;
  }

  /** The exercise channel's webhook, named by {@code property}: refused when unset or the production webhook. */
  protected ChatProperties.Webhook exerciseWebhook(String url, String property, String environment) {
    if (url == null || url.isBlank()) {
      throw ExerciseRouting.notConfigured(system, property, environment, "war room");
    }
    if (url.trim().equals(settings.webhookUrl())) {
      throw ExerciseRouting.sameAsProduction(system, property);
    }
    return new ChatProperties.Webhook(url.trim(), settings.username());
  }

  @Override
  public String target() {
    return "the " + system + " channel of " + property.split(" ")[0];
  }

  /** The JSON the webhook takes for a message; {@code channel} may be null (the webhook's own channel). */
  protected abstract Map<String, Object> payload(String channel, String text);

  @Override
  public WarRoomRef openWarRoom(String incidentId, String title) {
    return openWarRoom(incidentId, title, null);
  }

  @Override
  public WarRoomRef openWarRoom(String incidentId, String title, String openingMessage) {
    Optional<WarRoomRef> existing = log.findWarRoom(incidentId);
    if (existing.isPresent()) {
      return existing.get();
    }
    send(null, "**War room opened: " + title + "**" + (openingMessage == null ? "" : "\n\n" + openingMessage),
        "announce the war room of " + incidentId);
    return log.openWarRoom(incidentId, title);
  }

  @Override
  public void post(WarRoomRef ref, String text) {
    send(null, text, "post to the war room " + ref);
    log.post(ref, text);
  }

  @Override
  public void postToChannel(String channel, String text) {
    ExerciseRouting.refuseStandingChannel(mark, channel);
    send(channel, text, "post to " + (channel == null ? "the webhook's channel" : channel));
  }

  @Override
  public Optional<WarRoomRef> findWarRoom(String incidentId) {
    return log.findWarRoom(incidentId);
  }

  /**
   * A webhook cannot be called without posting a message, so only its host is checked ({@code GET /}, any HTTP
   * answer will do): DOWN when the host does not answer, else UNKNOWN. Only the host is shown: the URL's path and
   * query are its secret.
   */
  @Override
  public Health health() {
    URI host = URI.create(webhook.getScheme() + "://" + webhook.getHost()
        + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort()) + "/");
    return ConnectorHealth.partly(system, host.toString(), () -> {
      int status = probe.call("GET " + host, (s, body) -> "", () ->
          probe.client().get().uri(host).exchange((request, response) -> response.getStatusCode().value()));
      return "the host answers (HTTP " + status + " to GET /); the webhook itself cannot be checked without "
          + "posting a message: post a test message and see it arrive in the channel";
    });
  }

  private void send(String channel, String text, String what) {
    http.call(what, (status, body) -> advice(status), () ->
        http.client().post().uri(webhook).contentType(MediaType.APPLICATION_JSON).body(payload(channel, mark + text))
            .retrieve().toBodilessEntity());
  }

  private String advice(int status) {
    return status == 404 || status == 403 || status == 401
        ? "the webhook is unknown or disabled: create a new incoming webhook and set " + property
        : "the webhook refused the message: check " + property;
  }

  String system() {
    return system;
  }
}
