package org.irfoundation.rollout;

import java.util.ArrayList;
import java.util.List;
import org.irfoundation.incident.Roles;
import org.irfoundation.response.CompromisedAccountPlaybookApi;
import org.irfoundation.response.DataBreachApi;
import org.irfoundation.response.MalwareRansomwarePlaybookApi;
import org.springframework.stereotype.Component;

/**
 * Week 4's nine reviews ({@code ${rolloutReviews}} in the model): each core playbook by a legal, a technical (IR lead)
 * and a business reviewer. A review is written {@code playbook|group}; it is pending until an approval names the
 * playbook version deployed now, so a playbook redeployed after its approval is reviewed again.
 */
@Component("rolloutReviews")
public class RolloutReviews {

  public static final List<String> PLAYBOOKS = List.of(CompromisedAccountPlaybookApi.PROCESS_KEY,
      MalwareRansomwarePlaybookApi.PROCESS_KEY, DataBreachApi.PROCESS_KEY);
  public static final List<String> REVIEWERS = List.of(Roles.LEGAL, Roles.IR_LEAD, Roles.BUSINESS_STAKEHOLDER);
  static final String SEPARATOR = "|";

  private final Approvals approvals;

  public RolloutReviews(Approvals approvals) {
    this.approvals = approvals;
  }

  public static List<String> all() {
    List<String> reviews = new ArrayList<>();
    for (String playbook : PLAYBOOKS) {
      for (String group : REVIEWERS) {
        reviews.add(playbook + SEPARATOR + group);
      }
    }
    return reviews;
  }

  /** The reviews without an approval of the playbook as deployed now. */
  public List<String> pending(String rolloutId) {
    return all().stream().filter(r -> !approvals.current(rolloutId, subject(r) + ":" + playbook(r))).toList();
  }

  public String playbook(String review) {
    return review.substring(0, review.indexOf(SEPARATOR));
  }

  public String reviewerGroup(String review) {
    return review.substring(review.indexOf(SEPARATOR) + 1);
  }

  /** The approval's subject: {@code review:<playbook>:<group>} (recorded with the playbook key appended). */
  static String subject(String review) {
    return "review:" + review.replace(SEPARATOR, ":");
  }
}
