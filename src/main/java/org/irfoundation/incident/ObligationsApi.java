package org.irfoundation.incident;

import java.util.Arrays;
import java.util.Optional;
import org.irfoundation.engine.Variable;

/**
 * The notification obligations of an incident as code sees them: the decision {@code dmn/notification-obligations.dmn}
 * (hit policy COLLECT) with its inputs (the incident's data scope and the organisation's regimes) and its output
 * columns (one obligation per row), the stable obligation codes, and the words of its clock-start and determination
 * columns. Every incident is evaluated at intake and again whenever its scope changes, whatever its category.
 */
public final class ObligationsApi {

  public static final String DECISION_KEY = "notification-obligations";

  /** One instance per obligation: its clock, draft, approval and filing (business key = incident id). */
  public static final String NOTIFICATION_PROCESS = "regulatory-notification";
  /** One instance per incident and determination (significant, major, material): a person decides, with reasons. */
  public static final String DETERMINATION_PROCESS = "obligation-determination";

  /** To an obligation's instance: its determination was recorded ({@link Process#TRIGGERED}, {@link Process#DETERMINED_AT}). */
  public static final String MESSAGE_DETERMINED = "ObligationDetermined";
  /** To an obligation's instance: the obligation it follows was filed ({@link Process#PREDECESSOR_FILED_AT}). */
  public static final String MESSAGE_PREDECESSOR_FILED = "ObligationPredecessorFiled";
  /** To an obligation's instance: the scope changed and it no longer applies. */
  public static final String MESSAGE_WITHDRAWN = "ObligationWithdrawn";

  /** The variables of the obligation processes besides the output columns. */
  public static final class Process {
    public static final Variable<Boolean> TRIGGERED = Variable.of("obligationTriggered", Boolean.class);
    /** ISO-8601 instant the determination was made (by the person who made it). */
    public static final Variable<String> DETERMINED_AT = Variable.of("determinedAt", String.class);
    public static final Variable<String> DETERMINATION_REASONS = Variable.of("determinationReasons", String.class);
    /** The question the determination answers, for the task's form. */
    public static final Variable<String> DETERMINATION_QUESTION = Variable.of("determinationQuestion", String.class);
    /** When the earliest obligation waiting for the determination would be due: the task's due date. */
    public static final Variable<java.util.Date> DETERMINATION_DUE_AT = Variable.of("determinationDueAt", java.util.Date.class);
    public static final Variable<String> PREDECESSOR_FILED_AT = Variable.of("predecessorFiledAt", String.class);

    private Process() {}
  }

  /** The decision's inputs. Counts are 0 and flags false when nothing is known yet. */
  public static final class Inputs {
    /** Personal data involved (the report's indicator, an alert, or a responder's answer). */
    public static final Variable<Boolean> PERSONAL_DATA = IncidentResponseApi.Inputs.PERSONAL_DATA;
    /** EU/EEA residents whose personal data is affected (count). */
    public static final Variable<Long> EU_RESIDENTS = Variable.of("euResidents", Long.class);
    /** California residents affected (count). */
    public static final Variable<Long> CALIFORNIA_RESIDENTS = Variable.of("californiaResidents", Long.class);
    /** The most residents of one US state affected (count; HIPAA media notice above 500). */
    public static final Variable<Long> MAX_RESIDENTS_IN_ONE_STATE = Variable.of("maxResidentsInOneState", Long.class);
    /** People affected in all (count). */
    public static final Variable<Long> PEOPLE_AFFECTED = Variable.of("peopleAffected", Long.class);
    /** Protected health information (HIPAA) involved. */
    public static final Variable<Boolean> PHI = Variable.of("phi", Boolean.class);
    /** Primary account numbers (card data, PCI DSS) involved. */
    public static final Variable<Boolean> PAN = Variable.of("pan", Boolean.class);
    // the organisation profile (irf.organisation.regimes)
    /** A NIS2 essential or important entity: every incident may be significant, personal data or not. */
    public static final Variable<Boolean> NIS2_ENTITY = Variable.of("nis2Entity", Boolean.class);
    public static final Variable<Boolean> DORA_ENTITY = Variable.of("doraEntity", Boolean.class);
    public static final Variable<Boolean> SEC_REGISTRANT = Variable.of("secRegistrant", Boolean.class);
    public static final Variable<Boolean> HIPAA_ENTITY = Variable.of("hipaaEntity", Boolean.class);
    public static final Variable<Boolean> PCI_MERCHANT = Variable.of("pciMerchant", Boolean.class);

    private Inputs() {}
  }

  /**
   * The output columns: one obligation. These are also the variables of its regulatory-notification instance. Every
   * row of the decision's result has every column; one the obligation does not need is null.
   */
  public static final class Outputs {
    /** Stable code ({@link Code}). */
    public static final Variable<String> CODE = Variable.of("obligationCode", String.class);
    /** As people say it: "GDPR Art. 33", "NIS2 Art. 23 early warning". */
    public static final Variable<String> REGULATION = Variable.of("regulation", String.class);
    public static final Variable<String> RECIPIENT = Variable.of("recipient", String.class);
    /** authority, individuals, media, card-brands. */
    public static final Variable<String> AUDIENCE = Variable.of("audience", String.class);
    /** What starts its clock: {@link #AWARENESS}, {@link #DETERMINED} (when a person recorded the determination) or {@link #FILED}. */
    public static final Variable<String> CLOCK_START = Variable.of("clockStart", String.class);
    /** The determination a person records first ({@link #SIGNIFICANT} ...), or null when none is needed. */
    public static final Variable<String> DETERMINATION = Variable.of("determination", String.class);
    /** With clock start {@link #FILED}: the code of the obligation whose filing starts this one's clock. */
    public static final Variable<String> STARTS_AFTER = Variable.of("startsAfter", String.class);
    /** ISO-8601 duration or period ({@code PT72H}, {@code P1M}), or business days ({@code 4BD}). */
    public static final Variable<String> DEADLINE = Variable.of("deadline", String.class);
    /** elapsed, target ("without undue delay": our internal target), business-days, after-year-end. */
    public static final Variable<String> DEADLINE_KIND = Variable.of("deadlineKind", String.class);
    /** At the latest this long after awareness, whenever the clock starts (DORA initial: PT24H); or null. */
    public static final Variable<String> DEADLINE_CAP = Variable.of("deadlineCap", String.class);
    /**
     * The public-holiday calendar business days skip ({@link BusinessDayCalendar}; US: federal holidays, as the SEC
     * counts); or null: the configured default, else Monday to Friday.
     */
    public static final Variable<String> CALENDAR = Variable.of("businessDayCalendar", String.class);

    private Outputs() {}
  }

  // words of the clockStart column
  public static final String AWARENESS = "awareness";
  public static final String DETERMINED = "determined";
  public static final String FILED = "filed";

  // words of the determination column: what a person decides first, with the reasons
  /** GDPR Art. 33: likely to result in a risk to people (unless unlikely, the authority is notified). */
  public static final String RISK = "risk";
  /** GDPR Art. 34: likely to result in a high risk to people. */
  public static final String HIGH_RISK = "high-risk";
  /** NIS2: a significant incident. */
  public static final String SIGNIFICANT = "significant";
  /** DORA: a major ICT-related incident (classification). */
  public static final String MAJOR = "major";
  /** SEC: a material cybersecurity incident. */
  public static final String MATERIAL = "material";

  /** The determinations that get a decision task of their own; GDPR's risk ones are the data-breach decision. */
  public static final java.util.Set<String> DECIDED_BY_OWN_TASK = java.util.Set.of(SIGNIFICANT, MAJOR, MATERIAL);

  /** What each determination asks, as the decision task says it. */
  public static String question(String determination) {
    return switch (determination) {
      case SIGNIFICANT -> "Is this a significant incident under NIS2 Art. 23(3): severe operational disruption or"
          + " financial loss for the entity, or considerable damage to others?";
      case MAJOR -> "Is this a major ICT-related incident under DORA (the classification criteria of the RTS on"
          + " incident classification)?";
      case MATERIAL -> "Is this a material cybersecurity incident for SEC Form 8-K Item 1.05?";
      case RISK -> "Is the breach likely to result in a risk to the rights and freedoms of people (GDPR Art. 33)?";
      case HIGH_RISK -> "Is the breach likely to result in a high risk to people (GDPR Art. 34)?";
      default -> throw new IllegalArgumentException("no determination '" + determination + "'");
    };
  }

  /**
   * The stable codes of the obligations the table knows. Those of a personal-data breach count from the moment the
   * breach became known (a ransomware incident may turn into one 40 minutes in); the others from the incident's
   * awareness.
   */
  public enum Code {
    GDPR_ART33(true), GDPR_ART34(true),
    NIS2_EARLY_WARNING(false), NIS2_NOTIFICATION(false), NIS2_FINAL(false),
    DORA_INITIAL(false), DORA_INTERMEDIATE(false), DORA_FINAL(false),
    HIPAA_INDIVIDUALS(true), HIPAA_HHS(true), HIPAA_HHS_LOG(true), HIPAA_MEDIA(true),
    SEC_8K(false),
    US_CA_RESIDENTS(true), US_CA_AG(true),
    PCI_DSS(true);

    private final boolean ofBreach;

    Code(boolean ofBreach) {
      this.ofBreach = ofBreach;
    }

    /** Whether its awareness is the breach's (personal or card data known to be involved). */
    public boolean ofBreach() {
      return ofBreach;
    }

    public static Optional<Code> of(String code) {
      return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
  }

  /** The regimes an organisation can be under ({@code irf.organisation.regimes}); GDPR and US state laws follow from the data subjects. */
  public enum Regime {
    NIS2_ESSENTIAL, NIS2_IMPORTANT, DORA, SEC, HIPAA, PCI_DSS
  }

  private ObligationsApi() {}
}
