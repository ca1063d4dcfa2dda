package org.irfoundation.reporting;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Mustache templates of reports and their sections (class path, e.g. {@code reporting/incident-report.html}), HTML
 * escaped; the model is a record or map whose accessors the template names. Compiled once each.
 */
@Component
public class ReportTemplates {

  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
      .emptyStringIsFalse(true).zeroIsFalse(true);
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  /** Renders the template at the class-path {@code resource} over {@code model}. */
  public String render(String resource, Object model) {
    return compiled.computeIfAbsent(resource, this::compile).execute(model);
  }

  private Template compile(String resource) {
    InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("report template " + resource + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return compiler.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
