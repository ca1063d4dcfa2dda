package org.irfoundation.evidence;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.irfoundation.engine.SystemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells waiting evidence-collection processes (business key = incident id) that an incident's evidence changed
 * ({@link EvidenceCollectionApi#MESSAGE_EVIDENCE_REGISTERED}).
 */
@Component
class EvidenceCollectionNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceCollectionNotifier.class);
  private static final int CORRELATION_ATTEMPTS = 3;

  private final RuntimeService runtimeService;
  private final SystemContext system;

  EvidenceCollectionNotifier(RuntimeService runtimeService, SystemContext system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * The evidence is committed already, so nothing is thrown: if the process cannot be told now it re-checks when
   * its task is completed.
   */
  void evidenceChanged(String incidentId) {
    for (int attempt = 1; attempt <= CORRELATION_ATTEMPTS; attempt++) {
      try {
        system.call(() -> runtimeService
            .createMessageCorrelation(EvidenceCollectionApi.MESSAGE_EVIDENCE_REGISTERED)
            .processInstanceBusinessKey(incidentId).correlateAllWithResult());
        return;
      } catch (OptimisticLockingException concurrentUpload) {
        LOG.debug("Evidence message for {} collided with another, attempt {}", incidentId, attempt);
      } catch (RuntimeException e) {
        LOG.warn("Evidence of {} is stored, but its collection process could not be told: {}", incidentId,
            e.getMessage());
        return;
      }
    }
    LOG.warn("Evidence of {} is stored, but its collection process was busy; it re-checks on task completion",
        incidentId);
  }
}
