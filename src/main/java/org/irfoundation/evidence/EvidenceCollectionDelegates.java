package org.irfoundation.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.irfoundation.engine.EngineClock;
import org.irfoundation.evidence.EvidenceCatalog.CollectionStatus;
import org.irfoundation.evidence.EvidenceCollectionApi.Inputs;
import org.irfoundation.evidence.EvidenceCollectionApi.State;

/** What the evidence-collection delegates share: reading the item list, and writing the collection state. */
final class EvidenceCollectionDelegates {

  record Item(String name, boolean required) {}

  private EvidenceCollectionDelegates() {}

  /**
   * The items to collect from {@code evidenceItems}: a JSON array (text or Spin) or a list, each element
   * {@code {"name": …, "required": true|false}} or a plain name (required).
   */
  static List<Item> items(Object value, ObjectMapper json) {
    if (value == null) {
      throw new IllegalArgumentException(Inputs.EVIDENCE_ITEMS.name()
          + " is missing: the calling step must say what to collect");
    }
    JsonNode array;
    try {
      String text = value.toString().trim();
      // "Memory image;Disk image" is what a process owner writes in the Modeler: every name is required
      boolean plainNames = !(value instanceof Collection<?>) && !text.startsWith("[");
      array = value instanceof Collection<?> list ? json.valueToTree(list)
          : plainNames ? json.valueToTree(java.util.Arrays.stream(text.split(";")).map(String::trim)
              .filter(n -> !n.isEmpty()).toList())
          : json.readTree(text);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(Inputs.EVIDENCE_ITEMS.name() + " is not a JSON array of items: "
          + e.getMessage(), e);
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException(Inputs.EVIDENCE_ITEMS.name() + " must be a non-empty array of items");
    }
    List<Item> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode node : array) {
      String name = node.isTextual() ? node.asText() : node.path("name").asText(null);
      boolean required = !node.isObject() || node.path("required").asBoolean(true);
      if (name == null || name.isBlank() || name.trim().length() > 100) {
        throw new IllegalArgumentException("every evidence item needs a name of at most 100 characters: " + node);
      }
      if (!seen.add(name.trim().toLowerCase())) {
        throw new IllegalArgumentException("evidence item '" + name.trim() + "' is listed twice");
      }
      items.add(new Item(name.trim(), required));
    }
    return items;
  }

  static List<String> requiredItems(DelegateExecution execution, ObjectMapper json) {
    try {
      return List.of(json.readValue(State.REQUIRED_ITEMS.get(execution), String[].class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(State.REQUIRED_ITEMS.name() + " is not readable: " + e.getMessage(), e);
    }
  }

  /** Writes what is missing and the references of what is done (ids, hash, location; never content). */
  static void apply(DelegateExecution execution, CollectionStatus status, ObjectMapper json) {
    State.MISSING_ITEMS.set(execution, String.join(", ", status.missing()));
    State.EVIDENCE_COMPLETE.set(execution, status.complete());
    try {
      State.COLLECTED_EVIDENCE.set(execution, json.writeValueAsString(status.collected()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write collected evidence references", e);
    }
  }

  /** The due date: now plus an ISO-8601 duration as timers read it (P1D, PT4H, P1W). */
  static Date dueAt(String duration) {
    try {
      Date due = Date.from(EngineClock.now());
      DatatypeFactory.newInstance().newDuration(duration).addTo(due);
      return due;
    } catch (DatatypeConfigurationException | RuntimeException e) {
      throw new IllegalArgumentException(Inputs.EVIDENCE_DUE.name() + " '" + duration
          + "' is not an ISO-8601 duration (e.g. P1D, PT4H)", e);
    }
  }
}
