package org.irfoundation.incident;

import java.util.List;

/** The Camunda groups of the IR team (DESIGN §6). Ids are what BPMN candidate groups and the RACI use. */
public final class Roles {

  public static final String IR_LEAD = "ir-lead";
  public static final String IR_ANALYST = "ir-analyst";
  public static final String IT_OPERATIONS = "it-operations";
  public static final String LEGAL = "legal";
  public static final String COMMUNICATIONS = "communications";
  public static final String PRIVACY_OFFICER = "privacy-officer";
  public static final String EXECUTIVE = "executive";
  public static final String IR_PROGRAM_OWNER = "ir-program-owner";
  public static final String BUSINESS_STAKEHOLDER = "business-stakeholder";
  /** Camunda's built-in administrators group (Groups.CAMUNDA_ADMIN). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** The responder roles, with the names shown in Admin. */
  public static final List<Role> RESPONDER_ROLES = List.of(
      new Role(IR_LEAD, "IR lead"),
      new Role(IR_ANALYST, "IR analyst"),
      new Role(IT_OPERATIONS, "IT operations"),
      new Role(LEGAL, "Legal"),
      new Role(COMMUNICATIONS, "Communications"),
      new Role(PRIVACY_OFFICER, "Privacy officer (DPO)"),
      new Role(EXECUTIVE, "Executive sponsor"),
      new Role(IR_PROGRAM_OWNER, "IR program owner"),
      new Role(BUSINESS_STAKEHOLDER, "Business stakeholder"));

  /** Roles that watch processes in Cockpit besides the administrators. */
  public static final List<String> COCKPIT_ROLES = List.of(IR_LEAD, IR_PROGRAM_OWNER);

  public record Role(String id, String name) {}

  /** Group ids from a comma-separated list (as decisions and input parameters write them). */
  public static List<String> ids(String commaSeparated) {
    return commaSeparated == null ? List.of() : java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim)
        .filter(id -> !id.isEmpty()).distinct().toList();
  }

  private Roles() {}
}
