package org.irfoundation.reporting;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Renders a report: HTML from its Mustache template, and that same page as PDF (openhtmltopdf on PDFBox, the SVG
 * chart drawn by Batik). Text is set in Liberation Sans, which PDFBox ships, so names beyond Latin-1 print. Nothing
 * outside the page is ever loaded: no URL, no script.
 */
@Component
public class ReportRenderer {

  static final String TEMPLATE = "reporting/incident-report.html";
  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  static final String FONT_FAMILY = "Liberation Sans";

  private final ReportTemplates templates;

  public ReportRenderer(ReportTemplates templates) {
    this.templates = templates;
  }

  public String html(ReportView view) {
    return templates.render(TEMPLATE, view);
  }

  /** The page as PDF; {@code html} must be well-formed XHTML (the template and every section are). */
  public byte[] pdf(String html, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BatikSVGDrawer svg = new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE)) {
      PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode()
          .useFont(ReportRenderer::font, FONT_FAMILY, 400, FontStyle.NORMAL, true,
              EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL))
          .useSVGDrawer(svg)
          .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
          .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
          .withProducer("IR Foundation")
          .withHtmlContent(html, null)
          .toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the report " + title + " could not be rendered as PDF", e);
    }
    return out.toByteArray();
  }

  private static InputStream font() {
    InputStream in = PDDocument.class.getResourceAsStream(FONT);
    if (in == null) {
      throw new IllegalStateException("PDFBox's Liberation Sans is missing from the class path (" + FONT + ")");
    }
    return in;
  }
}
