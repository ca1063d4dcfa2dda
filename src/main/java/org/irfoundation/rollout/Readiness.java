package org.irfoundation.rollout;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.rollout.RolloutViews.Evidence;
import org.irfoundation.rollout.RolloutViews.Practice;
import org.irfoundation.rollout.RolloutViews.RolloutView;
import org.irfoundation.rollout.RolloutViews.WeekStatus;
import org.irfoundation.rollout.RolloutViews.WeekView;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The readiness report a security leader hands to an auditor: each AWS Well-Architected SEC10 best practice with
 * the weeks whose gates prove it (playbooks.md), their metrics and deliverables. A practice is MET when every week
 * that proves it passed, IN_PROGRESS while one of them runs, NOT_MET before.
 */
@Service
public class Readiness {

  /** SEC10 best practices and the weeks that prove them. */
  static final List<Object[]> PRACTICES = List.of(
      new Object[] {"SEC10-BP01", "Identify key personnel and external resources", List.of(1)},
      new Object[] {"SEC10-BP02", "Develop incident management plans", List.of(2)},
      new Object[] {"SEC10-BP03", "Prepare forensic capabilities", List.of(5)},
      new Object[] {"SEC10-BP04", "Develop and test security incident response playbooks", List.of(4, 8)},
      new Object[] {"SEC10-BP05", "Pre-provision access", List.of(5)},
      new Object[] {"SEC10-BP06", "Pre-deploy tools", List.of(5)},
      new Object[] {"SEC10-BP07", "Run simulations", List.of(7, 8)},
      new Object[] {"SEC10-BP08", "Establish a framework for learning from incidents", List.of(8)});

  private final Template html;

  public Readiness() {
    try (Reader reader = new InputStreamReader(new ClassPathResource("rollout/readiness.html.mustache")
        .getInputStream(), StandardCharsets.UTF_8)) {
      html = Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("rollout/readiness.html.mustache is missing", e);
    }
  }

  @SuppressWarnings("unchecked")
  public RolloutViews.Readiness of(RolloutView program) {
    List<Practice> practices = PRACTICES.stream().map(p -> {
      List<Integer> weeks = (List<Integer>) p[2];
      List<Evidence> evidence = program.weeks().stream().filter(w -> weeks.contains(w.number()))
          .map(Readiness::evidence).toList();
      String status = evidence.stream().allMatch(e -> e.weekStatus() == WeekStatus.PASSED) ? "MET"
          : evidence.stream().anyMatch(e -> e.weekStatus() != WeekStatus.NOT_STARTED) ? "IN_PROGRESS" : "NOT_MET";
      return new Practice((String) p[0], (String) p[1], status, evidence);
    }).toList();
    return new RolloutViews.Readiness(program.id(), program.organisation(), EngineClock.now(), practices);
  }

  private static Evidence evidence(WeekView week) {
    return new Evidence(week.number(), week.title(), week.status(), week.gate().metrics(), week.deliverables());
  }

  public String html(RolloutViews.Readiness readiness) {
    return html.execute(Map.of("readiness", readiness));
  }
}
