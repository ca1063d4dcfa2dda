package org.irfoundation.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.springframework.stereotype.Component;

/**
 * A playbook step found that personal data is involved ({@code ${confirmPersonalData}}): the data-breach playbook
 * starts now, in parallel, its clocks counting from now ({@link PersonalDataHandOff}). Input parameter
 * {@code personalDataSource}: what the timeline says found it. Once per incident, so a retried job is harmless.
 */
@Component("confirmPersonalData")
public class ConfirmPersonalDataDelegate implements JavaDelegate {

  public static final Variable<String> PERSONAL_DATA_SOURCE = Variable.of("personalDataSource", String.class);
  public static final List<Variable<?>> INPUTS = List.of(PERSONAL_DATA_SOURCE);
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final PersonalDataHandOff handOff;

  public ConfirmPersonalDataDelegate(PersonalDataHandOff handOff) {
    this.handOff = handOff;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handOff.confirmed(IncidentOfStep.of(execution), PERSONAL_DATA_SOURCE.get(execution), null);
  }
}
