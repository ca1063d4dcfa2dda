package org.irfoundation.templates;

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
import org.camunda.bpm.engine.delegate.VariableScope;
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

  /** The process variables templates may use. */
  public static final List<String> VARIABLES = List.of("incidentId", "title", "category", "severity",
      "responseSla", "acknowledgeSla", "statusUpdateCadence", "engagedGroups", "ticketRef", "warRoomRef",
      "detectedAt", "awareAt", "status", "summary", "nextSteps", "decisionsNeeded", "regulation", "regulator",
      "notificationDeadline", "reportDeadline", "dataCategories", "recipientName", "contact");

  static final String NOT_SET = "(not set)";

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
    Map<String, Object> variables = new HashMap<>();
    for (String name : VARIABLES) {
      Object value = scope.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    if (!variables.containsKey("incidentId") && scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution e) {
      variables.put("incidentId", e.getProcessBusinessKey());
    }
    return render(template, variables);
  }

  static Map<String, Object> model(Map<String, ?> variables) {
    Map<String, Object> model = new HashMap<>(variables);
    model.put("responseSlaText", human((String) variables.get("responseSla")));
    model.put("acknowledgeSlaText", human((String) variables.get("acknowledgeSla")));
    model.put("statusUpdateCadenceText", human((String) variables.get("statusUpdateCadence")));
    if (variables.get("reportDeadline") == null) {
      String deadline = deadline((String) variables.get("awareAt"), (String) variables.get("notificationDeadline"));
      if (deadline != null) {
        model.put("reportDeadline", deadline);
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
