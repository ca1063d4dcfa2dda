package org.irfoundation.templates;

import static org.irfoundation.incident.IncidentResponseApi.Decided.ACKNOWLEDGE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.RESPONSE_SLA;
import static org.irfoundation.incident.IncidentResponseApi.Decided.STATUS_UPDATE_CADENCE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.AWARE_AT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.templates.TemplateVariables.NOTIFICATION_DEADLINE;
import static org.irfoundation.templates.TemplateVariables.REPORT_DEADLINE;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * Renders the communication templates (Mustache, plain text, no HTML escaping) from an incident's process
 * variables. A value the process does not have reads "(not set)", so a template never fails on missing data.
 *
 * <p>Model: every variable in {@link #VARIABLES} as it is, plus {@code responseSlaText},
 * {@code acknowledgeSlaText}, {@code statusUpdateCadenceText} (durations as people say them) and
 * {@code reportDeadline} ({@code awareAt} + {@code notificationDeadline}, or {@code reportDeadline} as given).
 */
@Component
public class CommunicationTemplates {

  /** The process variables templates may use ({@link TemplateVariables#ALL}). */
  public static final List<String> VARIABLES = TemplateVariables.ALL.stream().map(Variable::name).toList();

  static final String NOT_SET = "(not set)";
  /** Suffix of a duration as people say it: {@code responseSlaText} is "1 h" for {@code responseSla} PT1H. */
  static final String TEXT = "Text";

  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue(NOT_SET)
      .emptyStringIsFalse(true).withLoader(name -> reader(name));
  /** Compiled templates by name ({@code status-update}, {@code notices/engaged}); each is read once. */
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  public CommunicationTemplates() {
    for (CommunicationTemplate t : CommunicationTemplate.values()) {
      require(t.file());
    }
  }

  /** Reads and compiles the template now: a missing or broken file fails here, naming the file. */
  public void require(String name) {
    compiled.computeIfAbsent(name, n -> {
      try (Reader reader = reader(n)) {
        return compiler.compile(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Reader reader(String name) {
    String path = "/templates/" + name + ".mustache";
    InputStream in = CommunicationTemplates.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("communication template " + path + " is missing");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public RenderedMessage render(CommunicationTemplate template, Map<String, ?> variables) {
    return render(template.file(), variables);
  }

  /** Renders the template {@code src/main/resources/templates/<name>.mustache}. */
  public RenderedMessage render(String name, Map<String, ?> variables) {
    require(name);
    String text = compiled.get(name).execute(model(variables)).replace("\r\n", "\n");
    if (!text.startsWith("Subject: ")) {
      return new RenderedMessage(name, text.strip() + "\n");
    }
    int end = text.indexOf('\n');
    return new RenderedMessage(text.substring("Subject: ".length(), end).strip(), text.substring(end + 1).strip() + "\n");
  }

  /** Renders from a process instance's variables (only those in {@link #VARIABLES}). */
  public RenderedMessage render(CommunicationTemplate template, VariableScope scope) {
    return render(template, variables(scope));
  }

  /**
   * The variables of a process scope that templates may use; the incident id is the business key when the scope
   * has no {@code incidentId}.
   */
  public Map<String, Object> variables(VariableScope scope) {
    Map<String, Object> variables = new HashMap<>();
    for (Variable<?> variable : TemplateVariables.ALL) {
      Object value = scope.getVariable(variable.name()); // as stored: a template prints any type
      if (value != null) {
        variables.put(variable.name(), value);
      }
    }
    if (!variables.containsKey(INCIDENT_ID.name()) && scope instanceof DelegateExecution execution) {
      INCIDENT_ID.put(variables, execution.getProcessBusinessKey());
    }
    return variables;
  }

  static Map<String, Object> model(Map<String, ?> variables) {
    Map<String, Object> model = new HashMap<>(variables);
    model.put(RESPONSE_SLA.name() + TEXT, human(RESPONSE_SLA.from(variables)));
    model.put(ACKNOWLEDGE_SLA.name() + TEXT, human(ACKNOWLEDGE_SLA.from(variables)));
    model.put(STATUS_UPDATE_CADENCE.name() + TEXT, human(STATUS_UPDATE_CADENCE.from(variables)));
    if (REPORT_DEADLINE.from(variables) == null) {
      String deadline = deadline(AWARE_AT.from(variables), NOTIFICATION_DEADLINE.from(variables));
      if (deadline != null) {
        REPORT_DEADLINE.put(model, deadline);
      }
    }
    model.values().removeIf(v -> v == null);
    return model;
  }

  /** {@code awareAt} + an ISO-8601 duration ({@code PT72H}, {@code P30D}), as an ISO timestamp. */
  static String deadline(String awareAt, String duration) {
    if (awareAt == null || duration == null) {
      return null;
    }
    try {
      OffsetDateTime start = OffsetDateTime.parse(awareAt);
      return (duration.contains("T") ? start.plus(Duration.parse(duration))
          : start.plus(java.time.Period.parse(duration))).toString();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** {@code PT1H30M} as "1 h 30 min"; null stays null; anything else as it is. */
  public static String human(String isoDuration) {
    if (isoDuration == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(isoDuration);
      StringBuilder s = new StringBuilder();
      if (d.toDaysPart() > 0) {
        s.append(d.toDaysPart()).append(" d ");
      }
      if (d.toHoursPart() > 0) {
        s.append(d.toHoursPart()).append(" h ");
      }
      if (d.toMinutesPart() > 0) {
        s.append(d.toMinutesPart()).append(" min ");
      }
      if (d.toSecondsPart() > 0 || s.isEmpty()) {
        s.append(d.toSecondsPart()).append(" s ");
      }
      return s.toString().trim();
    } catch (DateTimeParseException notADuration) {
      return isoDuration;
    }
  }
}
