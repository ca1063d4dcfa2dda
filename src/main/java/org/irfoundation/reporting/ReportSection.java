package org.irfoundation.reporting;

import java.util.Optional;

/**
 * A section more of the report (extension point): a Spring bean, ordered with {@code @Order} (after the built-in
 * sections: summary, timeline, metrics, decisions, evidence, notices), or one passed in a {@link ReportRequest}.
 * Each gets the incident's context and contributes a titled fragment of well-formed XHTML, e.g. rendered from its own
 * Mustache template with {@link ReportTemplates#render}; or nothing for a report it has nothing to say in. A
 * section that fails is shown as unavailable, so one broken section never loses the report.
 */
@FunctionalInterface
public interface ReportSection {

  Optional<Content> contribute(ReportContext context);

  /**
   * A titled fragment: {@code html} goes into the page and the PDF as it is (XHTML: close every tag, escape what you
   * insert, numeric entities only). Mark a missed target with {@code class="missed"} (red) and the word "missed".
   */
  record Content(String title, String html) {}
}
