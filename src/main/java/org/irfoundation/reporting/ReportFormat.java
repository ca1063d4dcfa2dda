package org.irfoundation.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How reports write times (UTC, said once on the report) and durations (as people say them: 1 h 5 min). */
public final class ReportFormat {

  public static final ZoneOffset ZONE = ZoneOffset.UTC;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private ReportFormat() {}

  public static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  public static String timeSeconds(Instant at) {
    return at == null ? "" : TIME_SECONDS.format(at);
  }

  /** 45 s, 12 min, 1 h 5 min, 3 d 2 h: two units at most, the larger first. */
  public static String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    Duration d = duration.abs();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    String text;
    if (days > 0) {
      text = days + " d" + (hours > 0 ? " " + hours + " h" : "");
    } else if (hours > 0) {
      text = hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    } else if (minutes > 0) {
      text = minutes + " min" + (seconds > 0 && minutes < 10 ? " " + seconds + " s" : "");
    } else {
      text = seconds + " s";
    }
    return (duration.isNegative() ? "-" : "") + text;
  }

  /** An ISO-8601 duration or period as people say it (PT15M: 15 min, P60D: 60 d); other text as it is. */
  public static String durationText(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return duration(Duration.parse(iso));
    } catch (DateTimeParseException notADuration) {
      try {
        Period period = Period.parse(iso);
        return period.getMonths() > 0 || period.getYears() > 0 ? iso : period.getDays() + " d";
      } catch (DateTimeParseException notAPeriod) {
        return iso;
      }
    }
  }
}
