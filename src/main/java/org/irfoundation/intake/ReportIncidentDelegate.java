package org.irfoundation.intake;

import static org.irfoundation.incident.IncidentResponseApi.Inputs.ACCOUNTS_AFFECTED;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.ACTOR_ACTIVE;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.CATEGORY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.CREDENTIALS_PUBLIC;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.DETECTED_AT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.ENCRYPTION_OBSERVED;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.EXFILTRATION;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.FUNCTIONAL_IMPACT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.INCIDENT_ID;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.INFORMATION_IMPACT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.LATERAL_MOVEMENT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.PERSISTENCE_FOUND;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.PERSONAL_DATA;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.PRIVILEGED_ACCOUNT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.PRODUCTION_AFFECTED;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.RECOVERABILITY;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.ROOT_ACCOUNT;
import static org.irfoundation.incident.IncidentResponseApi.Inputs.TITLE;
import static org.irfoundation.intake.ReportIncidentApi.Inputs.DATA_SUBJECT_COUNT;
import static org.irfoundation.intake.ReportIncidentApi.Inputs.DATA_TYPES;
import static org.irfoundation.intake.ReportIncidentApi.Inputs.WHAT_WAS_SEEN;
import static org.irfoundation.intake.ReportIncidentApi.Inputs.JURISDICTIONS;
import static org.irfoundation.intake.ReportIncidentApi.Inputs.RESTRICTED;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.FormRefusal;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.engine.Variable;
import org.irfoundation.incident.IncidentResponseApi.Decided;
import org.irfoundation.intake.IncidentReport.DataSubjects;
import org.irfoundation.intake.IncidentReport.Impact;
import org.irfoundation.intake.IncidentReport.Indicators;
import org.springframework.stereotype.Component;

/**
 * {@code ${reportIncident}}, synchronous right after the "Report an incident" start form: the answers become an
 * {@link IncidentReport}, checked as {@code POST /api/incidents} checks one (a refusal keeps the form open with the
 * reason), and go through {@link IncidentIntake#report} with this instance's id as externalRef, so the same start
 * never opens two incidents. The reporter is who submitted the form.
 */
@Component("reportIncident")
public class ReportIncidentDelegate implements JavaDelegate {

  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of(INCIDENT_ID, Decided.SEVERITY);

  private final IncidentIntake intake;
  private final Validator validator;
  private final SystemContext system;

  public ReportIncidentDelegate(IncidentIntake intake, Validator validator, SystemContext system) {
    this.intake = intake;
    this.validator = validator;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentReport report = report(execution);
    List<ConstraintViolation<IncidentReport>> problems = validator.validate(report).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
    if (!problems.isEmpty()) {
      ConstraintViolation<IncidentReport> first = problems.get(0);
      throw FormRefusal.of(first.getPropertyPath().toString(), first.getPropertyPath() + " " + first.getMessage());
    }
    IncidentViews.IncidentSummary incident = intake.report(report, system.currentUserId()).incident();
    execution.setProcessBusinessKey(incident.id());
    INCIDENT_ID.set(execution, incident.id());
    Decided.SEVERITY.set(execution, incident.severity());
  }

  static IncidentReport report(DelegateExecution execution) {
    Impact impact = new Impact(choice(execution, FUNCTIONAL_IMPACT, IncidentReport.FunctionalImpact.class),
        choice(execution, INFORMATION_IMPACT, IncidentReport.InformationImpact.class),
        choice(execution, RECOVERABILITY, IncidentReport.Recoverability.class));
    Long accounts = number(execution, ACCOUNTS_AFFECTED);
    if (accounts != null && (accounts < 0 || accounts > Integer.MAX_VALUE)) {
      throw FormRefusal.of(ACCOUNTS_AFFECTED.name(), "accountsAffected must be between 0 and 10000000");
    }
    Indicators indicators = new Indicators(ACTOR_ACTIVE.get(execution), EXFILTRATION.get(execution),
        PRIVILEGED_ACCOUNT.get(execution), ROOT_ACCOUNT.get(execution),
        accounts == null ? null : accounts.intValue(), PRODUCTION_AFFECTED.get(execution),
        ENCRYPTION_OBSERVED.get(execution), PERSONAL_DATA.get(execution), CREDENTIALS_PUBLIC.get(execution),
        PERSISTENCE_FOUND.get(execution), LATERAL_MOVEMENT.get(execution));
    Long people = number(execution, DATA_SUBJECT_COUNT);
    List<String> places = list(JURISDICTIONS.get(execution));
    List<String> kinds = list(DATA_TYPES.get(execution));
    DataSubjects subjects = people == null && places.isEmpty() && kinds.isEmpty() ? null
        : new DataSubjects(people, places, kinds, null);
    return new IncidentReport(blankToNull(TITLE.get(execution)), blankToNull(WHAT_WAS_SEEN.get(execution)),
        choice(execution, CATEGORY, IncidentReport.Category.class), null, time(execution, DETECTED_AT), null, null,
        ReportIncidentApi.SOURCE, execution.getProcessInstanceId(), impact, indicators, subjects, null, null,
        RESTRICTED.get(execution));
  }

  private static <E extends Enum<E>> E choice(DelegateExecution execution, Variable<String> field, Class<E> type) {
    String value = blankToNull(field.get(execution));
    try {
      return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw FormRefusal.of(field.name(), field.name() + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Form numbers arrive as Integer, Long or Double, depending on who submits them. */
  private static Long number(DelegateExecution execution, Variable<?> field) {
    Object value = execution.getVariable(field.name());
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    try {
      return Long.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw FormRefusal.of(field.name(), field.name() + " must be a whole number");
    }
  }

  /** A datetime field: with an offset or Z (the form sends UTC), else read as UTC; a date alone is its midnight. */
  private static Instant time(DelegateExecution execution, Variable<String> field) {
    String value = blankToNull(field.get(execution));
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notATime) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
          throw FormRefusal.of(field.name(), field.name() + " must be a date and time, e.g. 2026-12-01T09:30Z");
        }
      }
    }
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
        .map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
