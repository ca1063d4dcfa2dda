package org.irfoundation.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.irfoundation.chat.ChatProperties;
import org.irfoundation.chat.SlackChatChannel;
import org.irfoundation.chat.TeamsChatChannel;
import org.irfoundation.chat.WarRoomRef;
import org.irfoundation.chat.WarRoomService;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.TestDatabase;
import org.irfoundation.incident.DataScope;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentLifecycle;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.IncidentTeam.Principal;
import org.irfoundation.incident.IncidentTeam.Reason;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Obligations;
import org.irfoundation.incident.TimelineEvent;
import org.irfoundation.mail.ExerciseParticipants;
import org.irfoundation.mail.MailProperties;
import org.irfoundation.mail.NoticeKind;
import org.irfoundation.mail.NoticeService;
import org.irfoundation.mail.SmtpNotifier;
import org.irfoundation.response.NoticeDrafts;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.ticket.JiraTicketSystem;
import org.irfoundation.ticket.TicketProperties;
import org.irfoundation.ticket.TicketRef;
import org.irfoundation.ticket.TicketRequest;
import org.irfoundation.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 14, "in exercise mode nothing reaches the outside by mistake": an exercise incident goes through its ticket
 * (open, comment), its war room (open, post, an announcement, a reminder), its notices and a regulator notice, with
 * Jira, Slack and Teams (WireMock) and SMTP (GreenMail) set up as in production plus their exercise places. Not one
 * request reaches the production project, channels or webhook; every exercise request is marked [EXERCISE]; mail
 * goes to the exercise's participants only; the regulator notice is drafted "DO NOT FILE" and never sent.
 */
class ExerciseModeConnectorsTest {

  @RegisterExtension
  static WireMockExtension jira = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension teamsProduction = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension teamsExercise = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String EXERCISE = "INC-2026-0007";
  static final String REAL = "INC-2026-0008";
  static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
      Duration.ofSeconds(5));
  static final String SEARCH = "/rest/api/3/search/jql";
  static final String PARTICIPANT = "pat@exercise.example";

  final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
  final Incidents incidents = mock(Incidents.class);
  final IdentityService identity = mock(IdentityService.class);
  final List<String> timeline = new ArrayList<>();
  final IncidentLifecycle lifecycle = new IncidentLifecycle() {
    @Override
    public void recordEvent(String incidentId, TimelineEvent type, String actor, String detail) {
      timeline.add(incidentId + " " + type + " " + detail);
    }

    @Override
    public void close(String incidentId) {
    }
  };
  final CommunicationTemplates templates = new CommunicationTemplates();
  final Map<String, Object> variables = Map.of("incidentId", EXERCISE, "title", "Ransomware drill", "severity", "P1");

  TicketService tickets;
  WarRoomService slackRooms;
  NoticeService notices;

  @BeforeEach
  void setUp() {
    db.insertIncident(EXERCISE);
    db.insertIncident(REAL);
    when(incidents.isExercise(EXERCISE)).thenReturn(true);
    when(incidents.team(EXERCISE)).thenReturn(new IncidentTeam.Team(false, List.of(
        row(Principal.GROUP, "legal", Reason.ENGAGED), row(Principal.USER, "alice", Reason.WORKED),
        row(Principal.USER, "pat", Reason.NAMED), row(Principal.USER, "quinn", Reason.NAMED))));
    when(identity.createUserQuery()).thenAnswer(call -> userQuery());

    tickets = new TicketService(new JiraTicketSystem(new TicketProperties.Jira(jira.baseUrl(), "ir@example.com",
        "secret-token", "IR", "Task", null), FAST, d -> { }), lifecycle, incidents,
        new TicketProperties.Exercise(new TicketProperties.Exercise.JiraProject("IREX"), null));
    slackRooms = new WarRoomService(new SlackChatChannel(new ChatProperties.Slack(slack.baseUrl() + "/api",
        "xoxb-secret", "irf-", false), "security-announcements", FAST, d -> { }), lifecycle, templates, incidents,
        new ChatProperties.Exercise(new ChatProperties.Exercise.SlackChannels("irf-ex-"), null, null));
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(ServerSetupTest.SMTP.getPort());
    SmtpNotifier smtpNotifier = new SmtpNotifier(sender, identity, new MailProperties(true, "ir@example.com",
        "[IR] ", Map.of("legal", List.of("outside-counsel@lawfirm.example"))), db.jdbc);
    notices = new NoticeService(smtpNotifier, lifecycle, templates, incidents,
        new ExerciseParticipants(incidents, identity, new SystemContext(identity)));
    stubProduction();
    stubExercise();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** What production would be asked: each answers, so a request that reached one would not go unnoticed. */
  static void stubProduction() {
    jira.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("jql", containing("project = \"IR\""))
        .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    jira.stubFor(post("/rest/api/3/issue").withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IR")))
        .willReturn(created("IR-1")));
    jira.stubFor(post(urlPathMatching("/rest/api/3/issue/IR-\\d+/comment")).willReturn(aResponse().withStatus(201)));
    slack.stubFor(post("/api/conversations.create").withRequestBody(matchingJsonPath("$.name",
        equalTo("irf-inc-2026-0008"))).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0PROD\"}}")));
    teamsProduction.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
  }

  static void stubExercise() {
    jira.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("jql", containing("project = \"IREX\""))
        .willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    jira.stubFor(post("/rest/api/3/issue").withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IREX")))
        .willReturn(created("IREX-12")));
    jira.stubFor(post("/rest/api/3/issue/IREX-12/comment").willReturn(aResponse().withStatus(201)));
    slack.stubFor(get(urlPathEqualTo("/api/conversations.list"))
        .willReturn(okJson("{\"ok\":true,\"channels\":[],\"response_metadata\":{\"next_cursor\":\"\"}}")));
    slack.stubFor(post("/api/conversations.create").withRequestBody(matchingJsonPath("$.name",
        equalTo("irf-ex-inc-2026-0007"))).willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0EX\"}}")));
    slack.stubFor(post("/api/conversations.setTopic").willReturn(okJson("{\"ok\":true}")));
    slack.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"ts\":\"1.1\"}")));
    teamsExercise.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
  }

  @Test
  void anExerciseReachesNoProductionEndpointMarksEverythingAndMailsOnlyItsParticipants() throws Exception {
    TicketRef ticket = tickets.open(new TicketRequest(EXERCISE, "Ransomware drill", "P1", "MALWARE_RANSOMWARE"));
    tickets.comment(EXERCISE, ticket.id(), "Backups checked", null);
    WarRoomRef room = slackRooms.open(EXERCISE, "Ransomware drill", "P1", variables);
    slackRooms.post(EXERCISE, room.id(), null, null, "Hosts isolated", variables);
    slackRooms.post(EXERCISE, room.id(), "security-announcements", null, "All staff: do not open attachments",
        variables);
    slackRooms.remindStatusUpdate(EXERCISE, room.id(), "Ransomware drill", "P1", "PT1H");
    notices.notifyGroups(NoticeKind.ENGAGED, List.of("legal", "executive"), facts(), null, "Task_Notify:1");
    notices.send(EXERCISE, CommunicationTemplate.EXECUTIVE_BRIEF, List.of("executive"), List.of("board@acme.example"),
        variables, "Task_Brief:1");
    notices.send(EXERCISE, CommunicationTemplate.REGULATOR_NOTICE, List.of(), List.of("breach@dpa.example"),
        variables, "Task_Regulator:1");
    String draft = drafts().draft(EXERCISE, "GDPR Art. 33", "Lead supervisory authority", "authority",
        Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-05T09:00:00Z"));

    // the production project, channels and webhook got nothing
    jira.verify(0, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("jql", containing("project = \"IR\"")));
    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IR"))));
    jira.verify(0, postRequestedFor(urlPathMatching("/rest/api/3/issue/IR-\\d+/comment")));
    slack.verify(0, postRequestedFor(urlPathEqualTo("/api/conversations.create"))
        .withRequestBody(matchingJsonPath("$.name", equalTo("irf-inc-2026-0007"))));
    teamsProduction.verify(0, anyRequestedFor(anyUrl()));
    // every request names the exercise's project or channel, and says it is an exercise
    for (LoggedRequest request : jira.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(request.getUrl() + request.getBodyAsString()).as(request.getUrl()).contains("IREX");
    }
    assertThat(json(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).get(0)
        .at("/fields/summary").asText()).isEqualTo("[EXERCISE] [P1] INC-2026-0007: Ransomware drill");
    assertThat(json(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue/IREX-12/comment")))).get(0)
        .at("/body/content/0/content/0/text").asText()).isEqualTo("[EXERCISE] Backups checked");
    assertThat(json(slack.findAll(postRequestedFor(urlPathEqualTo("/api/conversations.create")))))
        .extracting(b -> b.path("name").asText()).containsExactly("irf-ex-inc-2026-0007");
    List<JsonNode> posts = json(slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))));
    assertThat(posts).hasSize(4).allSatisfy(p -> {
      assertThat(p.path("channel").asText()).isEqualTo("C0EX");
      assertThat(p.path("text").asText()).startsWith("[EXERCISE] ");
    });
    assertThat(posts.get(2).path("text").asText())
        .isEqualTo("[EXERCISE] (for the channel security-announcements) All staff: do not open attachments");
    assertThat(json(slack.findAll(postRequestedFor(urlPathEqualTo("/api/conversations.setTopic")))).get(0)
        .path("topic").asText()).startsWith("[EXERCISE] INC-2026-0007 [P1]");

    // mail: the one participant with an address, never the groups, the configured or the notice's own addresses
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(2);
    for (MimeMessage mail : mails) {
      assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly(PARTICIPANT);
      assertThat(mail.getRecipients(Message.RecipientType.TO)).hasSize(1);
      assertThat(mail.getSubject()).startsWith("[EXERCISE] [IR] ");
    }
    // the regulator notice: drafted "do not file", recorded, never sent
    assertThat(draft).startsWith("[EXERCISE] — DO NOT FILE\n").contains("GDPR Art. 33");
    assertThat(timeline).anyMatch(e -> e.startsWith(EXERCISE + " NOTICE_WITHHELD [EXERCISE] regulator-notice would "
        + "have been sent to breach@dpa.example"));
    assertThat(timeline).noneMatch(e -> e.contains("NOTICE_SENT") && e.contains("breach@dpa.example"));
    // the timeline says where each action went
    assertThat(timeline).contains(
        EXERCISE + " TICKET_OPENED Ticket IREX-12 opened for the exercise in project IREX, marked [EXERCISE]",
        EXERCISE + " TICKET_COMMENTED Ticket IREX-12 (exercise, project IREX): Backups checked",
        EXERCISE + " WAR_ROOM_OPENED War room C0EX opened for the exercise in the Slack channels "
            + "#irf-ex-<incident id>, marked [EXERCISE]",
        EXERCISE + " CHAT_MESSAGE_POSTED Posted to war room C0EX (exercise, the Slack channels #irf-ex-<incident id>)"
            + " instead of channel security-announcements");
    assertThat(timeline).anyMatch(e -> e.startsWith(EXERCISE + " NOTICE_SENT [EXERCISE] ENGAGED to the exercise's "
        + "participants " + PARTICIPANT + " (production: legal, executive)"));
  }

  @Test
  void anExerciseWhoseParticipantsHaveNoAddressIsMailedNothingAndTheTimelineSaysSo() {
    when(incidents.team(EXERCISE)).thenReturn(new IncidentTeam.Team(false, List.of(
        row(Principal.GROUP, "legal", Reason.ENGAGED), row(Principal.USER, "quinn", Reason.NAMED))));

    notices.notifyGroups(NoticeKind.ENGAGED, List.of("legal"), facts(), null, "Task_Notify:1");

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(timeline).containsExactly(EXERCISE + " NOTICE_WITHHELD [EXERCISE] ENGAGED not sent: no participant "
        + "of the exercise has an e-mail address (production: legal)");
  }

  @Test
  void aTeamsExerciseGoesToTheExerciseWebhookOnly() throws Exception {
    WarRoomService teamsRooms = new WarRoomService(new TeamsChatChannel(new ChatProperties.Webhook(
        teamsProduction.baseUrl() + "/workflows/prod/run?sig=p", "IR Foundation"), FAST, db.jdbc, d -> { }),
        lifecycle, templates, incidents, new ChatProperties.Exercise(null,
            new ChatProperties.Exercise.ExerciseWebhook(teamsExercise.baseUrl() + "/workflows/drill/run?sig=x"),
            null));

    WarRoomRef room = teamsRooms.open(EXERCISE, "Ransomware drill", "P1", variables);
    teamsRooms.post(EXERCISE, room.id(), "security-announcements", null, "All staff: stay calm", variables);

    teamsProduction.verify(0, anyRequestedFor(anyUrl()));
    List<JsonNode> cards = json(teamsExercise.findAll(postRequestedFor(urlPathEqualTo("/workflows/drill/run"))));
    assertThat(cards).hasSize(2).allSatisfy(card -> assertThat(card.at("/attachments/0/content/body/0/text").asText())
        .startsWith("[EXERCISE] "));
    assertThat(db.jdbc.sql("select title from war_room").query(String.class).single()).startsWith("[EXERCISE] ");
  }

  @Test
  void aRealIncidentBesideTheExerciseStillGoesToProductionUnmarked() throws Exception {
    TicketRef ticket = tickets.open(new TicketRequest(REAL, "Root key used from TOR", "P1", "COMPROMISED_ACCOUNT"));
    WarRoomRef room = slackRooms.open(REAL, "Root key used from TOR", "P1", variables);

    assertThat(ticket).isEqualTo(new TicketRef("IR-1"));
    assertThat(room).isEqualTo(new WarRoomRef("C0PROD"));
    assertThat(json(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).get(0)
        .at("/fields/summary").asText()).isEqualTo("[P1] INC-2026-0008: Root key used from TOR");
    assertThat(timeline).contains(REAL + " TICKET_OPENED Ticket IR-1 opened", REAL + " WAR_ROOM_OPENED War room "
        + "C0PROD opened");
    jira.verify(0, postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
        .withRequestBody(matchingJsonPath("$.fields.project.key", equalTo("IREX"))));
  }

  @Test
  void withoutExercisePlacesConfiguredAnExerciseIsRefusedNamingThePropertyAndProductionGetsNothing() {
    TicketService unconfiguredTickets = new TicketService(new JiraTicketSystem(new TicketProperties.Jira(
        jira.baseUrl(), "ir@example.com", "secret-token", "IR", "Task", null), FAST, d -> { }), lifecycle, incidents);
    WarRoomService unconfiguredRooms = new WarRoomService(new SlackChatChannel(new ChatProperties.Slack(
        slack.baseUrl() + "/api", "xoxb-secret", "irf-", false), "security-announcements", FAST, d -> { }),
        lifecycle, templates, incidents, new ChatProperties.Exercise(null, null, null));

    assertThatThrownBy(() -> unconfiguredTickets.open(new TicketRequest(EXERCISE, "Drill", "P1", null)))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("irf.ticket.exercise.jira.project-key");
    assertThatThrownBy(() -> unconfiguredTickets.comment(EXERCISE, "IREX-12", "Backups checked", null))
        .isInstanceOf(ConnectorConfigurationException.class);
    assertThatThrownBy(() -> unconfiguredRooms.open(EXERCISE, "Drill", "P1", variables))
        .isInstanceOf(ConnectorConfigurationException.class)
        .hasMessageContaining("irf.chat.exercise.slack.channel-prefix");

    jira.verify(0, anyRequestedFor(anyUrl()));
    slack.verify(0, anyRequestedFor(anyUrl()));
    assertThat(timeline).isEmpty();
  }

  NoticeKind.Facts facts() {
    return new NoticeKind.Facts(EXERCISE, "Ransomware drill", "P1", "PT1H", "legal,executive", "PT15M", "PT1H",
        "IREX-12", "C0EX");
  }

  NoticeDrafts drafts() {
    when(incidents.find(EXERCISE)).thenReturn(java.util.Optional.of(new Incident(EXERCISE, "Ransomware drill",
        "Files encrypted on two file servers", "MALWARE_RANSOMWARE", null, Instant.parse("2026-03-02T08:00:00Z"),
        Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T09:05:00Z"), null, null, null, "P1",
        "PT1H", null, Incident.OPEN, null, null, "{}")));
    Obligations obligations = mock(Obligations.class);
    when(obligations.scope(EXERCISE)).thenReturn(DataScope.NOTHING_KNOWN);
    HistoryService history = mock(HistoryService.class);
    when(history.createHistoricProcessInstanceQuery())
        .thenAnswer(call -> mock(HistoricProcessInstanceQuery.class, RETURNS_SELF));
    return new NoticeDrafts(incidents, obligations, history, templates, new SystemContext(identity));
  }

  /** Camunda users: pat (a participant with an address), quinn (one without), alice (legal), dave (executive). */
  UserQuery userQuery() {
    Map<String, User> users = Map.of("pat", user("pat", PARTICIPANT), "quinn", user("quinn", null),
        "alice", user("alice", "alice@acme.example"), "dave", user("dave", "dave@acme.example"));
    Map<String, List<String>> groups = Map.of("legal", List.of("alice"), "executive", List.of("dave"));
    UserQuery query = mock(UserQuery.class, RETURNS_SELF);
    String[] asked = new String[2];
    when(query.userId(anyString())).thenAnswer(call -> {
      asked[0] = call.getArgument(0);
      return query;
    });
    when(query.memberOfGroup(anyString())).thenAnswer(call -> {
      asked[1] = call.getArgument(0);
      return query;
    });
    when(query.singleResult()).thenAnswer(call -> users.get(asked[0]));
    when(query.list()).thenAnswer(call -> groups.getOrDefault(asked[1], List.of()).stream().map(users::get).toList());
    return query;
  }

  static User user(String id, String email) {
    UserEntity user = new UserEntity(id);
    user.setEmail(email);
    return user;
  }

  static IncidentTeam.Row row(Principal type, String principal, Reason reason) {
    return new IncidentTeam.Row(type, principal, reason, null, Instant.parse("2026-03-02T09:00:00Z"));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String key) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"10000\",\"key\":\"" + key + "\"}");
  }

  static List<JsonNode> json(List<LoggedRequest> requests) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest request : requests) {
      bodies.add(new ObjectMapper().readTree(request.getBodyAsString()));
    }
    return bodies;
  }
}
