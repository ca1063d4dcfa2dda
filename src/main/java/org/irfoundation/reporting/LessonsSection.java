package org.irfoundation.reporting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.response.Improvement;
import org.irfoundation.response.ImprovementActions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Lessons and improvement actions": what the post-incident review learned and the work it became, each action with
 * its owner, due date and state, overdue ones in red.
 */
@Component
@Order(10)
public class LessonsSection implements ReportSection {

  static final String TEMPLATE = "reporting/lessons-section.html";

  private final ImprovementActions improvements;
  private final ReportTemplates templates;

  public LessonsSection(ImprovementActions improvements, ReportTemplates templates) {
    this.improvements = improvements;
    this.templates = templates;
  }

  /** One action as the section shows it. */
  public record Row(String id, String lesson, String changes, String owner, String due, String status,
      boolean overdue, String outcome) {}

  record Model(List<Row> rows, boolean none, long open) {}

  @Override
  public Optional<Content> contribute(ReportContext context) {
    LocalDate today = LocalDate.ofInstant(EngineClock.now(), ZoneOffset.UTC);
    List<Row> rows = improvements.forIncident(context.incidentId()).stream().map(i -> row(i, today)).toList();
    return Optional.of(new Content("Lessons and improvement actions", templates.render(TEMPLATE,
        new Model(rows, rows.isEmpty(), rows.stream().filter(r -> !Improvement.DONE.equals(r.status())).count()))));
  }

  private static Row row(Improvement i, LocalDate today) {
    boolean open = !Improvement.DONE.equals(i.status());
    return new Row(i.id(), i.lesson(), i.changes(), i.owner(), i.due() == null ? "-" : i.due().toString(),
        i.status(), open && i.due() != null && i.due().isBefore(today), i.outcome());
  }
}
