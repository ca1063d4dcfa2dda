package org.irfoundation.intake;

import org.irfoundation.engine.Variable;

/** The {@code report-incident} process: Tasklist's "Report an incident" start form and the step that opens it. */
public final class ReportIncidentApi {

  public static final String PROCESS_KEY = "report-incident";
  public static final String START_FORM_KEY = "report-incident";
  /** The source on the incident (its timeline reads "Reported by Tasklist"). */
  public static final String SOURCE = "Tasklist";

  public static final class Elements {
    public static final String START = "Event_ReportStarted";
    public static final String OPEN_INCIDENT = "Task_OpenIncident";
    public static final String REPORTED = "Event_IncidentReported";

    private Elements() {}
  }

  /** The start form's fields besides those the incident-response takes too (title, category, impact, indicators). */
  public static final class Inputs {
    /** The report's description. */
    public static final Variable<String> WHAT_WAS_SEEN = Variable.of("whatWasSeen", String.class);
    public static final Variable<Long> DATA_SUBJECT_COUNT = Variable.of("dataSubjectCount", Long.class);
    /** Comma-separated: EU, DE, US-CA. */
    public static final Variable<String> JURISDICTIONS = Variable.of("jurisdictions", String.class);
    /** Comma-separated: PII, PHI, PAN. */
    public static final Variable<String> DATA_TYPES = Variable.of("dataTypes", String.class);
    public static final Variable<Boolean> RESTRICTED = Variable.of("restricted", Boolean.class);

    private Inputs() {}
  }

  private ReportIncidentApi() {}
}
