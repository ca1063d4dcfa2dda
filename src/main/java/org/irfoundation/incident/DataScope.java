package org.irfoundation.incident;

import java.util.HashMap;
import java.util.Map;
import org.irfoundation.incident.ObligationsApi.Inputs;

/**
 * What is known of the people and data an incident concerns: the facts the notification obligations depend on. The
 * report gives a first scope, alerts and responders add to it (personal data, once known, stays known), and the
 * breach's scoping replaces the counts with what was found.
 */
public record DataScope(boolean personalData, long euResidents, long californiaResidents, long maxResidentsInOneState,
    long peopleAffected, boolean phi, boolean pan) {

  public static final DataScope NOTHING_KNOWN = new DataScope(false, 0, 0, 0, 0, false, false);

  /** This scope with what {@code later} found: flags only ever turn on; counts are the later ones when it has any. */
  public DataScope with(DataScope later) {
    boolean counted = later.peopleAffected > 0 || later.euResidents > 0 || later.californiaResidents > 0;
    return new DataScope(personalData || later.personalData,
        counted ? later.euResidents : euResidents, counted ? later.californiaResidents : californiaResidents,
        counted ? later.maxResidentsInOneState : maxResidentsInOneState,
        counted ? later.peopleAffected : peopleAffected, phi || later.phi, pan || later.pan);
  }

  public DataScope withPersonalData() {
    return new DataScope(true, euResidents, californiaResidents, maxResidentsInOneState, peopleAffected, phi, pan);
  }

  /** As a person reads it: "personal data of 1200 people (EU/EEA residents: 1200, California: 0); health information". */
  public String describe() {
    if (!personalData && !phi && !pan && peopleAffected == 0) {
      return "no personal data known to be involved";
    }
    StringBuilder text = new StringBuilder(personalData ? "personal data" : "data");
    text.append(" of ").append(peopleAffected > 0 ? peopleAffected + " people" : "an unknown number of people");
    text.append(" (EU/EEA residents: ").append(euResidents).append(", California: ").append(californiaResidents)
        .append(", most in one US state: ").append(maxResidentsInOneState).append(')');
    if (phi) {
      text.append("; health information");
    }
    if (pan) {
      text.append("; card numbers");
    }
    return text.toString();
  }

  /** The inputs of notification-obligations: this scope and the organisation's regimes. */
  public Map<String, Object> decisionInputs(OrganisationProfile profile) {
    Map<String, Object> inputs = new HashMap<>();
    Inputs.PERSONAL_DATA.put(inputs, personalData);
    Inputs.EU_RESIDENTS.put(inputs, euResidents);
    Inputs.CALIFORNIA_RESIDENTS.put(inputs, californiaResidents);
    Inputs.MAX_RESIDENTS_IN_ONE_STATE.put(inputs, maxResidentsInOneState);
    Inputs.PEOPLE_AFFECTED.put(inputs, peopleAffected);
    Inputs.PHI.put(inputs, phi);
    Inputs.PAN.put(inputs, pan);
    Inputs.NIS2_ENTITY.put(inputs, profile.nis2());
    Inputs.DORA_ENTITY.put(inputs, profile.under(ObligationsApi.Regime.DORA));
    Inputs.SEC_REGISTRANT.put(inputs, profile.under(ObligationsApi.Regime.SEC));
    Inputs.HIPAA_ENTITY.put(inputs, profile.under(ObligationsApi.Regime.HIPAA));
    Inputs.PCI_MERCHANT.put(inputs, profile.under(ObligationsApi.Regime.PCI_DSS));
    return inputs;
  }
}
