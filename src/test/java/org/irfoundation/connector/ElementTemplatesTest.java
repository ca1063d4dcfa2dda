package org.irfoundation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.architecture.DelegateCatalog;
import org.irfoundation.chat.BuiltinWarRoomLog;
import org.irfoundation.chat.ChatChannel;
import org.irfoundation.engine.RetryAfterJobPlugin;
import org.irfoundation.mail.BuiltinNoticeLog;
import org.irfoundation.mail.Notifier;
import org.irfoundation.response.actions.ResponseActionApi;
import org.irfoundation.ticket.BuiltinTicketLog;
import org.irfoundation.ticket.TicketSystem;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Modeler element templates in {@code bpmn/.camunda/element-templates/}: each names a delegate bean that exists
 * in the app and fills exactly the input parameters that delegate reads ({@code INPUTS}). Also: the app
 * runs the built-in adapters by default and the engine uses the connector-aware failed-job handling.
 */
@IrSpringBootTest
class ElementTemplatesTest {

  static final Path FOLDER = Path.of("bpmn/.camunda/element-templates");
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

  @Autowired
  ApplicationContext context;
  @Autowired
  ProcessEngine engine;

  final ObjectMapper json = new ObjectMapper();

  List<JsonNode> templates() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        json.readTree(file.toFile()).forEach(all::add);
      }
    }
    return all;
  }

  /** The service-task templates (the call-activity ones are checked below). */
  List<JsonNode> serviceTaskTemplates() throws IOException {
    return templates().stream().filter(t -> t.path("appliesTo").toString().equals("[\"bpmn:ServiceTask\"]")).toList();
  }

  @Test
  void everyTemplateIsACamunda7ServiceTaskTemplateThatRunsAsync() throws IOException {
    assertThat(templates()).extracting(t -> t.path("name").asText()).containsExactlyInAnyOrder("Open ticket",
        "Comment ticket", "Close ticket", "Open war room", "Post to war room", "Send notice", "Store evidence",
        "Response action");
    List<JsonNode> templates = serviceTaskTemplates();
    assertThat(templates).hasSize(7);
    for (JsonNode t : templates) {
      assertThat(t.path("$schema").asText()).as(t.path("name").asText()).isEqualTo(SCHEMA);
      assertThat(t.path("appliesTo").toString()).isEqualTo("[\"bpmn:ServiceTask\"]");
      assertThat(t.path("id").asText()).startsWith("org.irfoundation.");
      assertThat(t.path("version").asInt()).isPositive();
      assertThat(property(t, "camunda:asyncBefore").path("value").asBoolean()).as(t.path("name").asText()).isTrue();
    }
  }

  @Test
  void everyTemplateNamesAnExistingDelegateAndExactlyTheParametersItReads() throws Exception {
    List<String> checked = new ArrayList<>();
    for (JsonNode t : serviceTaskTemplates()) {
      String expression = property(t, "camunda:delegateExpression").path("value").asText();
      assertThat(expression).matches("\\$\\{[a-zA-Z]+}");
      String bean = expression.substring(2, expression.length() - 1);
      assertThat(context.containsBean(bean)).as("bean %s of template %s", bean, t.path("name").asText()).isTrue();
      Class<?> delegate = AopUtils.getTargetClass(context.getBean(bean));
      Set<String> reads = new TreeSet<>(DelegateCatalog.inputs(delegate));
      Set<String> filled = new TreeSet<>();
      for (JsonNode p : t.path("properties")) {
        if ("camunda:inputParameter".equals(p.path("binding").path("type").asText())) {
          filled.add(p.path("binding").path("name").asText());
        }
      }
      assertThat(filled).as("input parameters of template %s (delegate %s)", t.path("name").asText(), bean)
          .isEqualTo(reads);
      checked.add(bean);
    }
    assertThat(checked).contains("openTicket", "commentTicket", "closeTicket", "openWarRoom", "postToWarRoom",
        "sendNotice", "storeEvidence");
  }

  /**
   * "Response action" calls the deployed response-action process with the incident as business key and fills exactly
   * the inputs the process reads; the playbooks' automated steps use it.
   */
  @Test
  void theResponseActionTemplateCallsTheDeployedProcessWithExactlyItsInputs() throws IOException {
    JsonNode template = templates().stream().filter(t -> t.path("id").asText().equals(ResponseActionApi.TEMPLATE_ID))
        .findFirst().orElseThrow();
    assertThat(template.path("appliesTo").toString()).isEqualTo("[\"bpmn:CallActivity\"]");
    assertThat(template.path("$schema").asText()).isEqualTo(SCHEMA);
    assertThat(property(template, "calledElement").path("value").asText()).isEqualTo(ResponseActionApi.PROCESS_KEY);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ResponseActionApi.PROCESS_KEY).latestVersion().singleResult()).isNotNull();
    Set<String> filled = new TreeSet<>();
    boolean businessKey = false;
    for (JsonNode p : template.path("properties")) {
      String type = p.path("binding").path("type").asText();
      if ("camunda:in".equals(type)) {
        filled.add(p.path("binding").path("target").asText());
      }
      businessKey |= "camunda:in:businessKey".equals(type);
    }
    assertThat(businessKey).isTrue();
    assertThat(filled).containsExactlyInAnyOrder(ResponseActionApi.Inputs.ACTION.name(),
        ResponseActionApi.Inputs.TARGET.name(), ResponseActionApi.Inputs.PARAMETERS.name(),
        ResponseActionApi.Inputs.SYSTEM.name());
  }

  @Test
  void theAppRunsTheBuiltinAdaptersAndTheConnectorAwareRetries() {
    assertThat(context.getBean(TicketSystem.class)).isInstanceOf(BuiltinTicketLog.class);
    assertThat(context.getBean(ChatChannel.class)).isInstanceOf(BuiltinWarRoomLog.class);
    assertThat(context.getBean(Notifier.class)).isInstanceOf(BuiltinNoticeLog.class);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getFailedJobCommandFactory()).isInstanceOf(RetryAfterJobPlugin.Factory.class);
    assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo("R5/PT1M");
  }

  static JsonNode property(JsonNode template, String name) {
    for (JsonNode p : template.path("properties")) {
      if ("property".equals(p.path("binding").path("type").asText()) && name.equals(p.path("binding").path("name").asText())) {
        return p;
      }
    }
    throw new AssertionError(template.path("name").asText() + " does not set " + name);
  }
}
