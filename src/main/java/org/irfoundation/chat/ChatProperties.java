package org.irfoundation.chat;

import org.irfoundation.connector.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code irf.chat.*}: where war rooms are opened. Tokens and webhook URLs (which are secrets too) come from
 * environment variables and never appear in {@code toString}.
 */
@ConfigurationProperties("irf.chat")
public record ChatProperties(@DefaultValue("builtin") String provider,
    @DefaultValue("ir-announcements") String standingChannel, Slack slack, Webhook teams, Webhook mattermost,
    HttpSettings http, Exercise exercise) {

  /**
   * {@code irf.chat.exercise.*}: where an exercise incident's war room is, in the same chat as production (the
   * built-in log needs nothing: its exercise messages are marked). Unset for Slack, Teams or Mattermost: exercise
   * messages are refused, never posted where production war rooms are.
   */
  public record Exercise(SlackChannels slack, ExerciseWebhook teams, ExerciseWebhook mattermost) {

    /** Exercise war rooms are Slack channels {@code <channel-prefix><incident id>}, e.g. {@code irf-ex-}. */
    public record SlackChannels(String channelPrefix) {}

    /** The incoming webhook of the exercise channel; its URL holds its secret. */
    public record ExerciseWebhook(String webhookUrl) {

      @Override
      public String toString() {
        return "ExerciseWebhook[webhookUrl=" + (webhookUrl == null || webhookUrl.isEmpty() ? "(not set)" : "******")
            + "]";
      }
    }

    public String slackChannelPrefix() {
      return slack == null ? null : slack.channelPrefix();
    }

    public String teamsWebhookUrl() {
      return teams == null ? null : teams.webhookUrl();
    }

    public String mattermostWebhookUrl() {
      return mattermost == null ? null : mattermost.webhookUrl();
    }
  }

  /** Slack Web API with a bot token (scopes channels:manage, channels:read, channels:join, chat:write). */
  public record Slack(@DefaultValue("https://slack.com/api") String baseUrl, String botToken,
      @DefaultValue("irf-") String channelPrefix, @DefaultValue("false") boolean privateChannels) {

    @Override
    public String toString() {
      return "Slack[baseUrl=" + baseUrl + ", botToken=" + (botToken == null || botToken.isEmpty() ? "(not set)" : "******")
          + ", channelPrefix=" + channelPrefix + ", privateChannels=" + privateChannels + "]";
    }
  }

  /** An incoming webhook (Microsoft Teams workflow or Mattermost); its URL holds its secret. */
  public record Webhook(String webhookUrl, @DefaultValue("IR Foundation") String username) {

    @Override
    public String toString() {
      return "Webhook[webhookUrl=" + (webhookUrl == null || webhookUrl.isEmpty() ? "(not set)" : "******")
          + ", username=" + username + "]";
    }
  }
}
