package org.irfoundation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.irfoundation.incident.DataScope;
import org.irfoundation.intake.IncidentReport.DataSubjects;
import org.junit.jupiter.api.Test;

/** What the report's data subjects give the obligations table. */
class DataSubjectsScopeTest {

  @Test
  void residentsOfEuAndEeaStatesCountAsEuResidentsAndTheLargestUsStateIsKept() {
    DataScope scope = new DataSubjects(null, null, List.of("PHI"),
        Map.of("DE", 700L, "FR", 500L, "NO", 1L, "US-CA", 501L, "US-TX", 800L, "CH", 90L)).scope(true);
    assertThat(scope).isEqualTo(new DataScope(true, 1201, 501, 800, 2592, true, false));
  }

  @Test
  void aJurisdictionNamedWithoutACountCountsAsAtLeastOneResident() {
    assertThat(new DataSubjects(40L, List.of("IT", "US-CA"), List.of("card"), null).scope(false))
        .isEqualTo(new DataScope(false, 1, 1, 1, 40, false, true));
    assertThat(new DataSubjects(40L, List.of("CH"), null, null).scope(true).euResidents()).isZero();
  }
}
