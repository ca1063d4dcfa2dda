package org.irfoundation.response.actions;

import java.util.List;

/**
 * What the API answered. {@code changed} is false when the target already was in the wanted state (every action
 * is idempotent); {@code references} are ids the product returned (snapshot ids, the provider's case id).
 */
public record ActionOutcome(String system, ActionCall call, String answer, List<String> references, boolean changed) {
  public ActionOutcome {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
