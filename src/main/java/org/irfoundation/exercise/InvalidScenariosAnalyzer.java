package org.irfoundation.exercise;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up with a broken scenario file: Spring Boot's "APPLICATION FAILED TO START" names each error plainly. */
public class InvalidScenariosAnalyzer extends AbstractFailureAnalyzer<InvalidScenarios> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidScenarios cause) {
    return new FailureAnalysis("Exercise scenario files with errors (file:line: field: what is wrong):\n  "
        + String.join("\n  ", cause.errors()),
        "Correct each file named above, or take it out of the folder irf.exercise.scenarios-folder"
            + " (IRF_EXERCISE_SCENARIOSFOLDER). The README's section \"Exercises\" shows a valid scenario.", cause);
  }
}
