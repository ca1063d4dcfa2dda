package org.irfoundation.intake;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /api/alerts}: one detection. Alerts with the fingerprint of an open incident are recorded on
 * its timeline; a new fingerprint opens an incident. A missing category means UNKNOWN (the IR lead triages).
 */
public record AlertReport(
    @NotBlank @Size(max = 200) String fingerprint,
    @Size(max = 100) String source,
    IncidentReport.Category category,
    @NotBlank @Size(max = 200) String title,
    @NotNull @PastOrPresent Instant observedAt,
    @Valid IncidentReport.Indicators indicators,
    JsonNode details) {

  public AlertReport {
    category = category == null ? IncidentReport.Category.UNKNOWN : category;
    indicators = indicators == null ? IncidentReport.Indicators.NONE : indicators;
  }
}
