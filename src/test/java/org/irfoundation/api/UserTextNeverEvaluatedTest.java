package org.irfoundation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.testing.IncidentJobs;
import org.irfoundation.testing.RawHttp;
import org.irfoundation.testing.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * User text is data, never template code, and is escaped where it becomes HTML: an incident whose title and
 * description hold {@code ${7*7}}, {@code #{7*7}}, {@code {{7*7}}} and a script tag keeps them literally in every
 * notice, ticket and chat text the templates render, in its Tasklist cards, and in its HTML report, where the tag is
 * escaped. Tasklist shows task name and description through Angular text bindings (Camunda 7.24's
 * {@code camunda-tasklist-bootstrap.js}: {@code {{ task.name || ... }}}, {@code {{ task.description }}}), which escape
 * and never evaluate the value, so no browser test is needed.
 */
@IrSpringBootTest
class UserTextNeverEvaluatedTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String TITLE = "Mailbox rule ${7*7} #{7*7} {{7*7}} " + SCRIPT;
  static final String DESCRIPTION = "Forwarding to ${7*7}@x #{7*7} {{7*7}} " + SCRIPT;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired CommunicationTemplates templates;

  @Test
  void anIncidentsInjectionShapedTextStaysLiteralInMessagesTasksAndTheEscapedReport() throws Exception {
    RawHttp http = new RawHttp(port);
    Answer reported = http.json(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "POST", "/api/incidents",
        json.writeValueAsString(Map.of("title", TITLE, "description", DESCRIPTION, "category", "COMPROMISED_ACCOUNT",
            "detectedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "domain", "SERVICE",
            "indicators", Map.of("rootAccount", true))));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String incident = json.readTree(reported.body()).get("id").asText();
    IncidentJobs.runAll(runtimeService, managementService, incident);

    // what the built-in connectors received: ticket, war room, notices
    List<String> texts = new ArrayList<>();
    texts.addAll(jdbc.sql("select title from ticket_log where incident_id = ?").param(incident)
        .query(String.class).list());
    texts.addAll(jdbc.sql("select c.body from ticket_comment c join ticket_log t on t.id = c.ticket_id"
        + " where t.incident_id = ?").param(incident).query(String.class).list());
    texts.addAll(jdbc.sql("select title from war_room where incident_id = ?").param(incident)
        .query(String.class).list());
    texts.addAll(jdbc.sql("select m.body from war_room_message m join war_room w on w.id = m.war_room_id"
        + " where w.incident_id = ?").param(incident).query(String.class).list());
    List<String> notices = jdbc.sql("select subject || '\n' || body from notice_log where incident_id = ?")
        .param(incident).query(String.class).list();
    texts.addAll(notices);
    assertThat(notices).as("notices sent").isNotEmpty();
    assertThat(texts).as("ticket, war room and notices name the incident by its title")
        .filteredOn(t -> t.contains(TITLE)).hasSizeGreaterThanOrEqualTo(3);
    // wherever a part of the title shows, all of it shows, unevaluated
    assertThat(texts).filteredOn(t -> t.contains("Mailbox rule")).allMatch(t -> t.contains(TITLE));

    // Tasklist cards: the title is the description, as given; the name carries id and severity only
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(incident).list();
    assertThat(tasks).isNotEmpty().allSatisfy(task -> {
      assertThat(task.getDescription()).startsWith(TITLE);
      assertThat(task.getName()).contains(incident).doesNotContain("Mailbox");
    });

    // the HTML report: escaped, never a raw tag from user text, the braces as written
    Answer report = http.send(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD, "GET",
        "/api/incidents/" + incident + "/report", null, null, false);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.contentType()).startsWith("text/html");
    assertThat(report.body()).doesNotContain(SCRIPT).doesNotContain("<script")
        .contains("Mailbox rule ${7*7} #{7*7} {{7*7}} &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Forwarding to ${7*7}@x #{7*7} {{7*7}} &lt;script&gt;");
  }

  @Test
  void everyCommunicationTemplatePrintsUserTextAsItIs() throws IOException {
    Path folder = Path.of("src/main/resources/templates");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".mustache")).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      String name = folder.relativize(file).toString().replace('\\', '/').replace(".mustache", "");
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Map<String, Object> variables = Map.of("incidentId", "INC-2026-0001", "title", TITLE, "severity", "P1",
          "category", "MALWARE", "description", DESCRIPTION);
      var message = templates.render(name, variables);
      String text = message.subject() + "\n" + message.body();
      assertThat(text).as(name).doesNotContain("49");
      if (source.contains("{{title}}")) {
        assertThat(text).as(name).contains(TITLE);
      }
    }
  }
}
