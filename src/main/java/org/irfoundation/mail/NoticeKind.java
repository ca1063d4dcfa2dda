package org.irfoundation.mail;

import org.irfoundation.templates.CommunicationTemplates;

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
  },

  /** A playbook's triage target (15 min account, 10 min malware) passed: to the accountable role. */
  TRIAGE_OVERDUE {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": playbook triage overdue - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "The playbook triage of incident " + f.incidentId() + " is not done within its target time.";
    }

    @Override
    String next(Facts f) {
      return "- The IR lead completes the triage task in Tasklist now, or hands it to a deputy who does.\n"
          + "- The triage decides severity and containment: nothing is contained until it is done.\n";
    }
  },

  /** Compromised-account playbook, P1/P2: the account owner and legal are told. */
  ACCOUNT_COMPROMISED {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": account compromised - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "An account is compromised (incident " + f.incidentId() + ", severity " + f.severity()
          + "): as its owner or as legal you are informed before containment starts.";
    }

    @Override
    String next(Facts f) {
      return "- Expect the account to be blocked or its keys deactivated; do not use or change it yourself.\n"
          + "- Status updates every " + human(f.statusUpdateCadence()) + " in the war room "
          + orNone(f.warRoomRef()) + ".\n";
    }
  },

  /** Malware/ransomware playbook after containment: legal, executive sponsor and communications. */
  RANSOMWARE_BRIEFING {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": malware/ransomware contained, briefing - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "Malware or ransomware (incident " + f.incidentId() + ") is contained; evidence is being preserved.";
    }

    @Override
    String next(Facts f) {
      return "- Legal decides about law enforcement; only legal talks to law enforcement.\n"
          + "- A ransom is decided only by the executive sponsor together with legal (both tasks in Tasklist).\n"
          + "- Communications prepares holding statements; status updates every " + human(f.statusUpdateCadence())
          + ".\n";
    }
  },

  /** Data breach: the privacy officer (DPO) learns of a personal-data breach; the regulatory clocks run. */
  BREACH_DPO_NOTICE {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": personal-data breach - DPO notice - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "Incident " + f.incidentId() + " is a confirmed or strongly suspected personal-data breach. The awareness"
          + " time is recorded: the regulatory clocks (GDPR 72 h and others) are running.";
    }

    @Override
    String next(Facts f) {
      return "- The privacy officer confirms this notice in Tasklist within 1 h of awareness (hard internal deadline).\n"
          + "- Severity is assessed within 2 h; the notification decision is due within 24 h.\n";
    }
  },

  /** Data breach of severity P1/P2: legal is engaged, communications stand by. */
  BREACH_LEGAL_STANDBY {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": data breach - legal engaged, communications on standby - "
          + f.title();
    }

    @Override
    String situation(Facts f) {
      return "Personal-data breach " + f.incidentId() + " was assessed " + f.severity()
          + ": legal is engaged and communications stand by for regulator and data-subject notices.";
    }

    @Override
    String next(Facts f) {
      return "- Legal joins the war room " + orNone(f.warRoomRef()) + " and prepares the notification decision.\n"
          + "- Communications prepares holding statements; nothing goes out before legal approves.\n";
    }
  },

  /** Data breach: an internal deadline (DPO notice, severity, notification decision) was missed. */
  BREACH_CLOCK_MISSED {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": data-breach deadline missed - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "A hard internal deadline of personal-data breach " + f.incidentId()
          + " has passed and the task is still open. You are accountable for it.";
    }

    @Override
    String next(Facts f) {
      return "- Get the open task done now or hand it to a deputy; the regulatory clocks keep running.\n";
    }
  },

  /** A regulatory notification is due soon (80 % of its period has passed). */
  NOTIFICATION_DUE_SOON {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": regulatory notification due soon - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "A regulatory notification of incident " + f.incidentId() + " is due soon and not filed yet.";
    }

    @Override
    String next(Facts f) {
      return "- Draft, approve and file the notice in Tasklist before its deadline.\n";
    }
  },

  /** A regulatory notification missed its deadline: to the accountable role. */
  NOTIFICATION_OVERDUE {
    @Override
    public String subject(Facts f) {
      return "[" + f.severity() + "] " + f.incidentId() + ": regulatory notification OVERDUE - " + f.title();
    }

    @Override
    String situation(Facts f) {
      return "A regulatory notification of incident " + f.incidentId() + " has passed its deadline without being"
          + " filed. You are accountable for it.";
    }

    @Override
    String next(Facts f) {
      return "- File now; record the reasons for the delay with the notice (GDPR Art. 33(1) asks for them).\n";
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

  /** {@code PT1H30M} as "1 h 30 min" (as the communication templates write it). */
  static String human(String isoDuration) {
    return isoDuration == null ? "(not set)" : CommunicationTemplates.human(isoDuration);
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "(none yet)" : value;
  }
}
