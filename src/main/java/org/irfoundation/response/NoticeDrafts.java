package org.irfoundation.response;

import static org.irfoundation.templates.TemplateVariables.CONTACT;
import static org.irfoundation.templates.TemplateVariables.DATA_CATEGORIES;
import static org.irfoundation.templates.TemplateVariables.NEXT_STEPS;
import static org.irfoundation.templates.TemplateVariables.RECIPIENT_NAME;
import static org.irfoundation.templates.TemplateVariables.REGULATION;
import static org.irfoundation.templates.TemplateVariables.REGULATOR;
import static org.irfoundation.templates.TemplateVariables.REPORT_DEADLINE;
import static org.irfoundation.templates.TemplateVariables.SUMMARY;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Obligations;
import org.irfoundation.templates.CommunicationTemplate;
import org.irfoundation.templates.CommunicationTemplates;
import org.springframework.stereotype.Service;

/**
 * First drafts of an obligation's notice, from its template and what the app knows of the incident: the record
 * (title, category, severity, times, description), the scope (people, jurisdictions, health and card data) and what
 * the data-breach playbook recorded (data tier, DPO contact, the reasons of the decision). The drafter edits it; what
 * only a person can write reads "[to be completed: …]", visibly, rather than being guessed. An exercise's draft
 * starts with {@link #EXERCISE_HEADER}: the drafter, legal and the filer all see it must not be filed.
 */
@Service
public class NoticeDrafts {

  /** The first lines of an exercise's notice, in the edit, approve and file forms alike. */
  public static final String EXERCISE_HEADER = "[EXERCISE] — DO NOT FILE\n"
      + "This notice was drafted in an exercise. Send it to no authority or person: at the filing step record a "
      + "made-up reference (e.g. EXERCISE-1); the filing is recorded as the exercise's.\n\n";

  private final Incidents incidents;
  private final Obligations obligations;
  private final HistoryService history;
  private final CommunicationTemplates templates;
  private final SystemContext system;

  public NoticeDrafts(Incidents incidents, Obligations obligations, HistoryService history,
      CommunicationTemplates templates, SystemContext system) {
    this.incidents = incidents;
    this.obligations = obligations;
    this.history = history;
    this.templates = templates;
    this.system = system;
  }

  /** The draft of a notice under {@code regulation} to {@code recipient} ({@code audience}), due at {@code dueAt}. */
  public String draft(String incidentId, String regulation, String recipient, String audience, Instant awareAt,
      Instant dueAt) {
    Incident incident = incidents.find(incidentId)
        .orElseThrow(() -> new IllegalStateException("no incident " + incidentId));
    Map<String, Object> breach = breachFacts(incidentId);
    Map<String, Object> v = new HashMap<>();
    Inputs.INCIDENT_ID.put(v, incidentId);
    Inputs.TITLE.put(v, incident.title());
    Inputs.CATEGORY.put(v, incident.category());
    Decided.SEVERITY.put(v, incident.severity());
    Inputs.DETECTED_AT.put(v, incident.detectedAt() == null ? null : incident.detectedAt().toString());
    Inputs.AWARE_AT.put(v, awareAt.toString());
    SUMMARY.put(v, orAsk(incident.description(), "what happened, in plain words"));
    REGULATION.put(v, regulation);
    REGULATOR.put(v, recipient);
    REPORT_DEADLINE.put(v, dueAt == null ? null : dueAt.toString());
    Object tier = breach.get(DataBreachApi.Vars.DATA_TIER.name());
    DATA_CATEGORIES.put(v, (tier == null ? "" : "Most sensitive data: " + tier + ". ")
        + obligations.scope(incidentId).describe());
    Object reasons = breach.get(DataBreachApi.Vars.NOTIFICATION_REASONS.name());
    NEXT_STEPS.put(v, reasons == null ? ask("the measures taken and proposed") : "Assessment: " + reasons);
    Object dpo = breach.get(DataBreachApi.Vars.DPO_CONTACT.name());
    CONTACT.put(v, dpo == null ? ask("the contact point (DPO)") : dpo.toString());
    RECIPIENT_NAME.put(v, "[name]");
    String draft = templates.render(template(audience), incidents.isRestricted(incidentId)
        ? org.irfoundation.templates.TemplateVariables.restricted(v) : v).body();
    return incidents.isExercise(incidentId) ? EXERCISE_HEADER + draft : draft;
  }

  /** What the drafter still has to write, visibly. */
  static String ask(String what) {
    return "[to be completed: " + what + "]";
  }

  private static String orAsk(String text, String what) {
    return text == null || text.isBlank() ? ask(what) : text;
  }

  static CommunicationTemplate template(String audience) {
    return "individuals".equals(audience) || "media".equals(audience) ? CommunicationTemplate.DATA_SUBJECT_NOTICE
        : CommunicationTemplate.REGULATOR_NOTICE;
  }

  /** What the incident's data-breach playbook recorded so far (running or ended), latest value per name. */
  private Map<String, Object> breachFacts(String incidentId) {
    return system.call(() -> {
      List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(incidentId)
          .processDefinitionKey(DataBreachApi.PROCESS_KEY).list().stream().map(HistoricProcessInstance::getId)
          .toList();
      Map<String, Object> facts = new HashMap<>();
      if (instances.isEmpty()) {
        return facts;
      }
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instances.toArray(String[]::new))
          .variableNameIn(DataBreachApi.Vars.DATA_TIER.name(), DataBreachApi.Vars.DPO_CONTACT.name(),
              DataBreachApi.Vars.NOTIFICATION_REASONS.name()).list()) {
        if (variable.getValue() != null) {
          facts.put(variable.getName(), variable.getValue());
        }
      }
      return facts;
    });
  }
}
