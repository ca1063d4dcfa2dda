package org.irfoundation.response;

import java.util.Date;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.incident.NotificationClock;
import org.springframework.stereotype.Component;

/**
 * When the post-incident review is due: 5 business days after the playbook ends for P1 and P2, 15 for P3 and P4
 * (playbook reference, data breach step 7; applied to every incident). Read by incident-response as the review
 * task's due date ({@code ${postIncidentReviewDue.of(severity)}}).
 */
@Component("postIncidentReviewDue")
public class PostIncidentReviewDue {

  private final NotificationClock clock;

  public PostIncidentReviewDue(NotificationClock clock) {
    this.clock = clock;
  }

  public Date of(String severity) {
    String businessDays = "P1".equals(severity) || "P2".equals(severity) ? "5BD" : "15BD";
    return Date.from(clock.due(EngineClock.now(), businessDays,
        NotificationClock.KIND_BUSINESS_DAYS));
  }
}
