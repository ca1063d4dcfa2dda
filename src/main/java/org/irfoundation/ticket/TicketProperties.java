package org.irfoundation.ticket;

import java.util.Map;
import org.irfoundation.connector.HttpSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code irf.ticket.*}: which ticket system incidents are tracked in, and how to reach it. Secrets come from
 * environment variables (see README, "Connecting your tools") and never appear in {@code toString}.
 */
@ConfigurationProperties("irf.ticket")
public record TicketProperties(@DefaultValue("builtin") String provider, Jira jira, ServiceNow servicenow,
    HttpSettings http, Exercise exercise) {

  /**
   * {@code irf.ticket.exercise.*}: where an exercise incident's ticket is opened, in the same system as production
   * (the built-in log needs nothing: its exercise tickets are marked). Unset for Jira or ServiceNow: exercise
   * tickets are refused, never opened in the production project.
   */
  public record Exercise(JiraProject jira, ServiceNowQueue servicenow) {

    /** The Jira project exercise tickets go to, e.g. {@code IREX}. */
    public record JiraProject(String projectKey) {}

    /** The ServiceNow assignment group exercise records go to, e.g. {@code IR Exercise}. */
    public record ServiceNowQueue(String assignmentGroup) {}

    public String jiraProjectKey() {
      return jira == null ? null : jira.projectKey();
    }

    public String serviceNowAssignmentGroup() {
      return servicenow == null ? null : servicenow.assignmentGroup();
    }
  }

  /** Jira Cloud, REST API v3, Basic authentication with an account e-mail and an API token. */
  public record Jira(String baseUrl, String email, String apiToken, @DefaultValue("IR") String projectKey,
      @DefaultValue("Task") String issueType, Map<TicketStatus, String> statuses) {

    /** The Jira status name of a ticket status (defaults: To Do, In Progress, Done, Done). */
    public String statusName(TicketStatus status) {
      if (statuses != null && statuses.containsKey(status)) {
        return statuses.get(status);
      }
      return switch (status) {
        case OPEN -> "To Do";
        case IN_PROGRESS -> "In Progress";
        case RESOLVED, CLOSED -> "Done";
      };
    }

    @Override
    public String toString() {
      return "Jira[baseUrl=" + baseUrl + ", email=" + email + ", apiToken=" + redact(apiToken) + ", projectKey="
          + projectKey + ", issueType=" + issueType + ", statuses=" + statuses + "]";
    }
  }

  /** ServiceNow Table API on {@code incident}, Basic authentication with an integration user. */
  public record ServiceNow(String instanceUrl, String user, String password, String assignmentGroup,
      @DefaultValue("Solution provided") String closeCode) {

    @Override
    public String toString() {
      return "ServiceNow[instanceUrl=" + instanceUrl + ", user=" + user + ", password=" + redact(password)
          + ", assignmentGroup=" + assignmentGroup + ", closeCode=" + closeCode + "]";
    }
  }

  static String redact(String secret) {
    return secret == null || secret.isEmpty() ? "(not set)" : "******";
  }
}
