package org.irfoundation.incident;

import java.util.List;
import java.util.Set;
import org.irfoundation.incident.ObligationsApi.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code irf.organisation.*}: the regimes the organisation is under (environment {@code IRF_ORGANISATION_REGIMES},
 * a comma list of {@link Regime}); GDPR and the US state laws follow from the data subjects, not from here. An
 * unknown value stops start-up naming the setting.
 */
@ConfigurationProperties("irf.organisation")
public record OrganisationProfile(List<Regime> regimes) {

  public OrganisationProfile {
    regimes = regimes == null ? List.of() : List.copyOf(regimes);
  }

  public boolean under(Regime regime) {
    return regimes.contains(regime);
  }

  public boolean nis2() {
    return under(Regime.NIS2_ESSENTIAL) || under(Regime.NIS2_IMPORTANT);
  }

  public Set<Regime> asSet() {
    return Set.copyOf(regimes);
  }
}
