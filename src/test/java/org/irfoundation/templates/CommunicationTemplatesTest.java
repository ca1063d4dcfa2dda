package org.irfoundation.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each communication template rendered for a sample incident: it names incident, severity, deadlines, next steps. */
class CommunicationTemplatesTest {

  static final CommunicationTemplates TEMPLATES = new CommunicationTemplates();

  static Map<String, Object> sample() {
    Map<String, Object> incident = new HashMap<>();
    incident.put("incidentId", "INC-2026-0001");
    incident.put("title", "Customer database exfiltrated");
    incident.put("category", "DATA_BREACH");
    incident.put("severity", "P1");
    incident.put("responseSla", "PT1H");
    incident.put("acknowledgeSla", "PT15M");
    incident.put("statusUpdateCadence", "PT30M");
    incident.put("engagedGroups", "ir-lead,legal,privacy-officer");
    incident.put("ticketRef", "IR-24");
    incident.put("warRoomRef", "C0123WAR");
    incident.put("detectedAt", "2026-03-02T08:40:00Z");
    incident.put("awareAt", "2026-03-02T09:00:00Z");
    incident.put("status", "Contained");
    incident.put("summary", "An attacker copied the customers table using a leaked database password.");
    incident.put("nextSteps", "- Rotate all database credentials.\n- Notify the regulator.");
    incident.put("decisionsNeeded", "- Approve the customer notice.");
    incident.put("regulation", "GDPR");
    incident.put("regulator", "Data Protection Authority");
    incident.put("notificationDeadline", "PT72H");
    incident.put("dataCategories", "Names, e-mail addresses, hashed passwords of 12,000 customers.");
    incident.put("recipientName", "Jane Doe");
    incident.put("contact", "privacy@example.com");
    return incident;
  }

  RenderedMessage render(CommunicationTemplate template) {
    return TEMPLATES.render(template, sample());
  }

  @Test
  void statusUpdate() {
    RenderedMessage m = render(CommunicationTemplate.STATUS_UPDATE);
    assertThat(m.subject()).isEqualTo("[P1] INC-2026-0001 status update: Customer database exfiltrated");
    assertThat(m.body()).contains("Status update on incident INC-2026-0001 - Customer database exfiltrated",
        "Severity:          P1 (respond within 1 h)", "Status:            Contained", "Ticket:            IR-24",
        "War room:          C0123WAR", "- Next status update due in 30 min.",
        "- Regulator report due by 2026-03-05T09:00Z.", "Next steps:\n- Rotate all database credentials.");
  }

  @Test
  void executiveBrief() {
    RenderedMessage m = render(CommunicationTemplate.EXECUTIVE_BRIEF);
    assertThat(m.subject()).isEqualTo("Executive brief: [P1] INC-2026-0001 - Customer database exfiltrated");
    assertThat(m.body()).contains("Severity:          P1 (respond within 1 h)", "Category:          DATA_BREACH",
        "Business impact:\nAn attacker copied the customers table", "Decisions needed from you:\n- Approve the customer notice.",
        "Next brief with the next status update, in 30 min.", "Regulator report due by 2026-03-05T09:00Z",
        "Next steps:\n- Rotate all database credentials.", "war room C0123WAR; ticket IR-24.");
  }

  @Test
  void legalHoldNotice() {
    RenderedMessage m = render(CommunicationTemplate.LEGAL_HOLD_NOTICE);
    assertThat(m.subject()).isEqualTo("LEGAL HOLD: preserve all records about incident INC-2026-0001");
    assertThat(m.body()).contains("incident INC-2026-0001: Customer database exfiltrated (severity P1)",
        "until Legal releases this hold in writing", "anything created from 2026-03-02T08:40:00Z onwards",
        "The hold applies immediately. Confirm receipt to Legal within 15 min.",
        "Next steps:\n- Do not delete, alter or move the records", "war room C0123WAR (ticket IR-24)");
  }

  @Test
  void regulatorNotice() {
    RenderedMessage m = render(CommunicationTemplate.REGULATOR_NOTICE);
    assertThat(m.subject()).isEqualTo("GDPR notification of a security incident - INC-2026-0001");
    assertThat(m.body()).startsWith("To: Data Protection Authority").contains(
        "Our reference:            INC-2026-0001", "Nature of the incident:   Customer database exfiltrated (DATA_BREACH)",
        "Severity (internal):      P1", "We became aware:          2026-03-02T09:00:00Z",
        "Notification deadline:    2026-03-05T09:00Z", "Names, e-mail addresses, hashed passwords of 12,000 customers.",
        "Measures taken and proposed:\n- Rotate all database credentials.", "our contact point is privacy@example.com");
  }

  @Test
  void dataSubjectNotice() {
    RenderedMessage m = render(CommunicationTemplate.DATA_SUBJECT_NOTICE);
    assertThat(m.subject()).isEqualTo("Important: a security incident may affect your personal data (INC-2026-0001)");
    assertThat(m.body()).startsWith("Dear Jane Doe,").contains("reference INC-2026-0001",
        "What information was involved:\nNames, e-mail addresses", "What we are doing:\n- Rotate all database credentials.",
        "without undue delay after we became aware on 2026-03-02T09:00:00Z", "Questions: privacy@example.com");
  }

  @Test
  void warRoomOpening() {
    RenderedMessage m = render(CommunicationTemplate.WAR_ROOM_OPENING);
    assertThat(m.subject()).isEqualTo("War room for INC-2026-0001 [P1] Customer database exfiltrated");
    assertThat(m.body()).startsWith("War room for incident INC-2026-0001: Customer database exfiltrated").contains(
        "Severity:          P1 (respond within 1 h)", "Ticket:            IR-24",
        "acknowledges the incident in Tasklist within 15 min.", "Status updates here every 30 min.",
        "Next steps:\n- Engaged responders join this room");
  }

  @Test
  void missingValuesReadNotSetAndOptionalLinesDisappear() {
    RenderedMessage m = TEMPLATES.render(CommunicationTemplate.STATUS_UPDATE, Map.of("incidentId", "INC-2026-0002"));
    assertThat(m.subject()).isEqualTo("[(not set)] INC-2026-0002 status update: (not set)");
    assertThat(m.body()).contains("Severity:          (not set)\n", "Next status update due in (not set).")
        .doesNotContain("Regulator report");
    assertThat(CommunicationTemplates.deadline("2026-03-02T09:00:00Z", "P30D")).isEqualTo("2026-04-01T09:00Z");
  }

  @Test
  void templatesAreNamedAsProcessOwnersWriteThem() {
    assertThat(CommunicationTemplate.named("regulator-notice")).isEqualTo(CommunicationTemplate.REGULATOR_NOTICE);
    assertThat(CommunicationTemplate.named("EXECUTIVE_BRIEF")).isEqualTo(CommunicationTemplate.EXECUTIVE_BRIEF);
    assertThatThrownBy(() -> CommunicationTemplate.named("press-release"))
        .hasMessageContaining("no communication template \"press-release\"").hasMessageContaining("status-update");
  }
}
