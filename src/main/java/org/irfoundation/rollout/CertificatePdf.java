package org.irfoundation.rollout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A training certificate as a one-page PDF (Apache PDFBox): who passed, in which role, with what score, for which
 * organisation and rollout. Text is set in Liberation Sans, which PDFBox ships, so names beyond Latin-1 print; a
 * character the font lacks prints as '?'.
 */
final class CertificatePdf {

  /** What the certificate says. */
  record Content(String organisation, String rolloutId, String memberName, String userId, String roleName,
      long scorePercent, int passMark, int attempt, LocalDate date) {}

  static final List<String> FUNDAMENTALS = List.of(
      "Fundamentals: incident lifecycle, severity P1-P4, awareness and the regulatory clocks,",
      "evidence and chain of custody, who does what (RACI), communication and need-to-know");
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final float MARGIN = 60;

  private CertificatePdf() {}

  static byte[] render(Content c) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
      document.addPage(page);
      PDFont font = font(document);
      List<Line> lines = new ArrayList<>();
      lines.add(new Line("Certificate of incident-response training", 28, 48));
      lines.add(new Line(c.organisation(), 16, 40));
      lines.add(new Line("This certifies that", 12, 28));
      lines.add(new Line(c.memberName(), 24, 24));
      lines.add(new Line("(user " + c.userId() + ")", 10, 36));
      lines.add(new Line("has completed the training of the incident-response rollout " + c.rolloutId()
          + " (week 3) and passed its competency check:", 12, 26));
      lines.add(new Line(FUNDAMENTALS.get(0), 11, 4));
      lines.add(new Line(FUNDAMENTALS.get(1), 11, 20));
      lines.add(new Line("Role module: " + c.roleName(), 14, 30));
      lines.add(new Line("Score " + c.scorePercent() + " % (pass mark " + c.passMark() + " %), attempt "
          + c.attempt(), 14, 40));
      lines.add(new Line("Date: " + c.date(), 12, 0));
      float width = page.getMediaBox().getWidth();
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        PDRectangle box = page.getMediaBox();
        text.setLineWidth(1.5f);
        text.addRect(MARGIN / 2, MARGIN / 2, box.getWidth() - MARGIN, box.getHeight() - MARGIN);
        text.stroke();
        float y = page.getMediaBox().getHeight() - 90;
        for (Line line : lines) {
          String printable = printable(font, line.text());
          float size = fitting(font, printable, line.size(), width - 2 * MARGIN);
          text.beginText();
          text.setFont(font, size);
          text.newLineAtOffset((width - font.getStringWidth(printable) / 1000 * size) / 2, y);
          text.showText(printable);
          text.endText();
          y -= size + line.gapAfter();
        }
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Training certificate: " + c.userId() + ", " + c.rolloutId());
      info.setCreator("IR Foundation");
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the training certificate of " + c.userId() + " could not be rendered", e);
    }
  }

  private record Line(String text, float size, float gapAfter) {}

  private static PDFont font(PDDocument document) throws IOException {
    try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
      if (ttf != null) {
        return PDType0Font.load(document, ttf);
      }
    }
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA); // Latin-1 only
  }

  /** The text with every character the font cannot show replaced by '?'. */
  static String printable(PDFont font, String text) throws IOException {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IllegalArgumentException | IOException missing) {
        out.append('?');
      }
    });
    return out.toString();
  }

  /** The font size at which the text fits the width, never below 7 pt. */
  private static float fitting(PDFont font, String text, float size, float width) throws IOException {
    float natural = font.getStringWidth(text) / 1000 * size;
    return natural <= width ? size : Math.max(7, size * width / natural);
  }
}
