package org.irfoundation.mail;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * What a notice is about; decides its subject and plain-text body (the communication templates replace these
 * texts later). Every body names the incident, its title and severity, and what is expected next.
 */
public enum NoticeKind {

  /** The escalation policy engaged the groups: first notice of an incident. */
  ENGAGED {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": you are engaged - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "Your group is engaged on incident " + f.incidentId() + ".";
    }

    @Override
    String next(Facts f) {
      return "- The IR lead acknowledges the incident in Tasklist within " + human(f.acknowledgeSla()) + ".\n"
          + "- Engaged responders join the war room " + orNone(f.warRoomRef()) + " and post a status update every "
          + human(f.statusUpdateCadence()) + ".\n";
    }
  },

  /** Nobody acknowledged within the acknowledge SLA: to the accountable role. */
  ACK_OVERDUE {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": not acknowledged within " + human(f.acknowledgeSla())
          + " - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "Incident " + f.incidentId() + " has not been acknowledged within its acknowledge SLA of "
          + human(f.acknowledgeSla()) + ".";
    }

    @Override
    String next(Facts f) {
      return "- The IR lead acknowledges the incident in Tasklist now, or hands it to a deputy who does.\n"
          + "- Until then nobody owns the response: the response SLA keeps running.\n";
    }
  },

  /** The severity changed (an alert raised it): the escalation policy was applied again. */
  SEVERITY_CHANGED {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": severity is now " + f.severity() + " - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "The severity of incident " + f.incidentId() + " is now " + f.severity()
          + "; the escalation policy has been applied again.";
    }

    @Override
    String next(Facts f) {
      return "- Newly engaged groups join the war room " + orNone(f.warRoomRef()) + ".\n"
          + "- The IR lead confirms the response fits the new severity (respond within "
          + human(f.responseSla()) + ").\n"
          + "- Status updates every " + human(f.statusUpdateCadence()) + ".\n";
    }
  };

  /** What a notice may say about an incident; any value may be {@code null}. */
  public record Facts(String incidentId, String title, String severity, String responseSla, String engagedGroups,
      String acknowledgeSla, String statusUpdateCadence, String ticketRef, String warRoomRef) {}

  public abstract String subject(Facts facts);

  abstract String situation(Facts facts);

  abstract String next(Facts facts);

  public String body(Facts f) {
    return situation(f) + "\n\n"
        + "Incident:        " + f.incidentId() + " - " + f.title() + "\n"
        + "Severity:        " + f.severity() + (f.responseSla() == null ? "" : " (respond within "
            + human(f.responseSla()) + ")") + "\n"
        + "Engaged groups:  " + orNone(f.engagedGroups()) + "\n"
        + "Ticket:          " + orNone(f.ticketRef()) + "\n"
        + "War room:        " + orNone(f.warRoomRef()) + "\n\n"
        + "What is expected next:\n" + next(f);
  }

  /** {@code PT1H30M} as "1 h 30 min"; anything that is no ISO-8601 duration as it is. */
  static String human(String isoDuration) {
    if (isoDuration == null) {
      return "(not set)";
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

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "(none yet)" : value;
  }
}
