package org.irfoundation.response;

import static org.irfoundation.response.DataBreachApi.Vars.CALIFORNIA_RESIDENTS;
import static org.irfoundation.response.DataBreachApi.Vars.EU_RESIDENTS;
import static org.irfoundation.response.DataBreachApi.Vars.EU_RESIDENTS_INVOLVED;
import static org.irfoundation.response.DataBreachApi.Vars.MAX_RESIDENTS_IN_ONE_STATE;
import static org.irfoundation.response.DataBreachApi.Vars.OBLIGATIONS_SUMMARY;
import static org.irfoundation.response.DataBreachApi.Vars.PAN_INVOLVED;
import static org.irfoundation.response.DataBreachApi.Vars.PEOPLE_AFFECTED;
import static org.irfoundation.response.DataBreachApi.Vars.PHI_INVOLVED;
import static org.irfoundation.response.DataBreachApi.Vars.US_RESIDENTS_INVOLVED;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.DataScope;
import org.irfoundation.incident.IncidentOfStep;
import org.irfoundation.incident.Obligation;
import org.irfoundation.incident.Obligations;
import org.springframework.stereotype.Component;

/**
 * The breach's scope replaces what the report said ({@code ${recordBreachScope}}): the obligations are found again.
 * "Not known yet" counts as the worst case, so no obligation is dropped by a guess: all the people affected count as
 * EU residents, as Californians and as residents of one state; health or card data not known counts as involved.
 * Writes {@code obligationsSummary} for the decision form. Safe to retry.
 */
@Component("recordBreachScope")
public class RecordBreachScopeDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(OBLIGATIONS_SUMMARY);

  private final Obligations obligations;

  public RecordBreachScopeDelegate(Obligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = IncidentOfStep.of(execution);
    obligations.scopeChanged(incidentId, scope(execution), null);
    OBLIGATIONS_SUMMARY.set(execution, summary(obligations.of(incidentId)));
  }

  static DataScope scope(DelegateExecution execution) {
    long people = count(PEOPLE_AFFECTED.get(execution));
    long eu = residents(EU_RESIDENTS_INVOLVED.get(execution), EU_RESIDENTS.get(execution), people);
    String us = US_RESIDENTS_INVOLVED.get(execution);
    return new DataScope(true, eu, residents(us, CALIFORNIA_RESIDENTS.get(execution), people),
        residents(us, MAX_RESIDENTS_IN_ONE_STATE.get(execution), people), people,
        involved(PHI_INVOLVED.get(execution)), involved(PAN_INVOLVED.get(execution)));
  }

  static String summary(List<Obligation> found) {
    if (found.isEmpty()) {
      return "none";
    }
    return found.stream().map(o -> o.regulation() + " (" + switch (o.status()) {
      case AWAITING_DETERMINATION -> "awaits the determination '" + o.determination() + "'";
      case DUE -> o.dueAt() == null ? "clock not started" : "due " + o.dueAt();
      case FILED -> "filed";
      case NOT_TRIGGERED -> "does not apply";
    } + ")").collect(Collectors.joining("; "));
  }

  /** The count a yes gives; not known: everyone affected (the worst case); no: none. */
  private static long residents(String answer, Long count, long people) {
    return switch (answer == null ? DataBreachApi.UNKNOWN : answer) {
      case DataBreachApi.YES -> count(count);
      case DataBreachApi.NO -> 0;
      default -> Math.max(1, people);
    };
  }

  private static boolean involved(String answer) {
    return !DataBreachApi.NO.equals(answer);
  }

  private static long count(Long value) {
    return value == null ? 0 : Math.max(0, value);
  }
}
