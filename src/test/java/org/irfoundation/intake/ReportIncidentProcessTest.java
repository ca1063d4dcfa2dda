package org.irfoundation.intake;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.IncidentResponseApi.Inputs;
import org.irfoundation.intake.ReportIncidentApi.Elements;
import org.irfoundation.testing.ProcessTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Every path of {@code report-incident}: the start form's answers reach the intake, and a refused one starts nothing. */
@Deployment(resources = {"bpmn/report-incident.bpmn", "bpmn/forms/report-incident.form"})
class ReportIncidentProcessTest {

  @RegisterExtension
  static ProcessTestEngine engine = ProcessTestEngine.withCoverage(1.0);

  final IncidentIntake intake = mock(IncidentIntake.class);
  final SystemContext system = mock(SystemContext.class);

  @BeforeEach
  void setUp() {
    when(system.currentUserId()).thenReturn("rita");
    engine.register("reportIncident", new ReportIncidentDelegate(intake,
        Validation.buildDefaultValidatorFactory().getValidator(), system));
  }

  @Test
  void theAnswersGoToTheIntakeAndTheInstanceEndsWithTheIncidentId() {
    when(intake.report(any(), eq("rita"))).thenReturn(new IncidentIntake.Reported(new IncidentViews.IncidentSummary(
        "INC-2026-0042", "Encrypted file shares", "P1", "playbook-malware-ransomware", "OPEN", Instant.now()), true));
    Map<String, Object> answers = new HashMap<>();
    answers.put(Inputs.TITLE.name(), "Encrypted file shares");
    answers.put(Inputs.CATEGORY.name(), "RANSOMWARE");
    answers.put(Inputs.DETECTED_AT.name(), "2026-05-04T08:15Z");
    answers.put(Inputs.ENCRYPTION_OBSERVED.name(), true);
    answers.put(Inputs.ACCOUNTS_AFFECTED.name(), 3.0); // as a form's number may arrive
    answers.put(ReportIncidentApi.Inputs.RESTRICTED.name(), false);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ReportIncidentApi.PROCESS_KEY).singleResult().getId();
    Assertions.assertThat(engine.getFormService().getStartFormData(definition).getCamundaFormRef().getKey())
        .isEqualTo(ReportIncidentApi.START_FORM_KEY);

    ProcessInstance pi = engine.getFormService().submitStartForm(definition, answers);

    assertThat(pi).isEnded().hasPassed(Elements.START, Elements.OPEN_INCIDENT, Elements.REPORTED);
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo("INC-2026-0042");
    ArgumentCaptor<IncidentReport> report = ArgumentCaptor.forClass(IncidentReport.class);
    verify(intake).report(report.capture(), eq("rita"));
    Assertions.assertThat(report.getValue().externalRef()).isEqualTo(pi.getId());
    Assertions.assertThat(report.getValue().detectedAt()).isEqualTo(Instant.parse("2026-05-04T08:15:00Z"));
    Assertions.assertThat(report.getValue().indicators().accountsAffected()).isEqualTo(3);
    Assertions.assertThat(report.getValue().source()).isEqualTo(ReportIncidentApi.SOURCE);
  }

  @Test
  void aReportWithoutTitleIsRefusedWithItsReasonAndStartsNothing() {
    Map<String, Object> answers = Map.of(Inputs.CATEGORY.name(), "MALWARE",
        Inputs.DETECTED_AT.name(), "2026-05-04T08:15:00+02:00");

    Assertions.assertThatThrownBy(() -> engine.getRuntimeService()
            .startProcessInstanceByKey(ReportIncidentApi.PROCESS_KEY, answers))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("title");
    verifyNoInteractions(intake);
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isZero();
  }
}
